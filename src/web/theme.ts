import type { ThemeConfig } from 'antd';

// A calm government blue for actions; the brand red of the logo is kept for the mark only so
// that red keeps meaning "error" or "needs care" everywhere else.
export const BRAND_RED = '#b42318';

/** Also the font of the pages drawn without antd (main.tsx sets it on the root). */
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a4a', bodyBg: '#f3f5f8' },
    Menu: { darkItemBg: '#0f2a4a', darkSubMenuItemBg: '#0c2340', darkItemSelectedBg: '#1f5fbf' },
  },
};

/** Larger type for the owners' phone pages: many readers are retired. */
export const ownerTheme: ThemeConfig = {
  token: { fontSize: 18, fontSizeLG: 20, fontSizeHeading4: 22, fontSizeHeading3: 26, controlHeight: 44, controlHeightLG: 52 },
};
