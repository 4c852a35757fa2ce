import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { changeLanguage, currentLanguageOf } from '../i18n';
import { TID } from '../testids';
import { GlobalOutlined } from './icons';
import { PlainButton } from './plain';

/**
 * One button that names the other language ("English" on the Chinese pages, "中文" on the
 * English ones), the way Chinese government sites do. The choice is kept on this device and
 * sent to the server with every call. Drawn without antd: it is on the pages that load none.
 */
export function LanguageSwitch({ size = 'middle', light = false }: { size?: 'small' | 'middle'; light?: boolean }) {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const current = currentLanguageOf(i18n.language);
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <PlainButton
      data-testid={TID.langSwitch}
      data-lang={current}
      type="text"
      className={size === 'small' ? 'gz-btn-sm' : undefined}
      icon={GlobalOutlined}
      aria-label={t('app.switchLanguage')}
      light={light}
      onClick={async () => {
        await changeLanguage(next);
        // Server texts (messages, section titles) follow Accept-Language: fetch them again.
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      }}
    >
      {next === 'en' ? 'English' : '中文'}
    </PlainButton>
  );
}
