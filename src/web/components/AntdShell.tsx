// antd's provider for the pages built with antd: the theme, antd's own texts in the language
// shown, and the text style antd's <App> would give. The app shell (App.tsx) loads it with the
// first such page, so the pages drawn without antd (components/plain.tsx) never load antd.
import { use, type ReactNode } from 'react';
import { ConfigProvider, theme as antdTheme } from 'antd';
import type { Locale } from 'antd/es/locale';
import zh_CN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { currentLanguageOf } from '../i18n';
// dayjs in the language shown, for antd's date pickers.
import '../lib/format';
import { theme } from '../theme';

let english: Promise<Locale> | null = null;
/** antd's English texts, loaded once English is first shown. */
function englishLocale(): Promise<Locale> {
  english ??= import('antd/es/locale/en_US').then((m) => m.default);
  return english;
}

/**
 * The text style of antd's <App> (colour, size, line height and font from the theme in force)
 * without <App> itself, which would also bring Modal and Notification into every page: messages
 * come from FeedbackBridge, and a page that asks for confirmation uses Modal.useModal.
 */
function TextRoot({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken();
  return <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>{children}</div>;
}

export default function AntdShell({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Suspends (the route's loading dots) until antd's English texts are there.
  const locale = currentLanguageOf(i18n.language) === 'en' ? use(englishLocale()) : zh_CN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <TextRoot>{children}</TextRoot>
    </ConfigProvider>
  );
}
