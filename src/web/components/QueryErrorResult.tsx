// The error view of a page whose data could not be loaded; components/QueryState.tsx loads it
// when it is needed (antd's Result carries large illustrations).
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import AntdShell from './AntdShell';

/** What a page shows when its data could not be loaded: the server's reason, and a way out. */
function QueryErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = error instanceof ApiError ? error.status : 0;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 404) {
    // Outside the caller's scope answers exactly like unknown (docs/api.md); say both.
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={t('errors.notFoundHint')}
        extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
      />
    );
  }
  if (status === 403) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={message} />;
  }
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

export default function QueryErrorResult(props: { error: unknown; onRetry?: () => void }) {
  return (
    <AntdShell>
      <QueryErrorView {...props} />
    </AntdShell>
  );
}
