import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { changeLanguage, currentLanguageOf } from '../i18n';
import { TID } from '../testids';

/**
 * One button that names the other language ("English" on the Chinese pages, "中文" on the
 * English ones), the way Chinese government sites do. The choice is kept on this device and
 * sent to the server with every call.
 */
export function LanguageSwitch({ size = 'middle', light = false }: { size?: 'small' | 'middle' | 'large'; light?: boolean }) {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const current = currentLanguageOf(i18n.language);
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      data-testid={TID.langSwitch}
      data-lang={current}
      type="text"
      size={size}
      icon={<GlobalOutlined />}
      aria-label={t('app.switchLanguage')}
      style={light ? { color: '#fff' } : undefined}
      onClick={async () => {
        await changeLanguage(next);
        // Server texts (messages, section titles) follow Accept-Language: fetch them again.
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      }}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
