// Light stand-ins for a few antd parts (button, tag, alert, loading dots, icons), drawn by
// styles.css to look like them. The app shell and the public vote page use these so that a
// phone opening a QR code does not load antd at all: its styling engine alone is about 25 KB
// compressed (the first visit is measured in test/e2e/phone-weight.test.ts). Colours are antd's
// default palette; the blue of actions is the theme's (theme.ts).
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from './icons';

/** An icon's path (components/icons.ts), drawn like antd's icons: 1em, in the text colour. */
export function Icon({ path }: { path: string }) {
  return (
    <span className="gz-icon" role="img" aria-hidden="true">
      <svg viewBox="64 64 896 896" focusable="false" width="1em" height="1em" fill="currentColor">
        <path d={path} />
      </svg>
    </span>
  );
}

/** antd's large Spin. */
export function Dots() {
  return (
    <span className="gz-dots" role="status" aria-busy="true">
      <i />
      <i />
      <i />
      <i />
    </span>
  );
}

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  type?: 'default' | 'primary' | 'text';
  icon?: string;
  loading?: boolean;
  /** White text, for the dark header of the phone pages. */
  light?: boolean;
};

export function PlainButton({ type = 'default', icon, loading = false, light = false, className, children, disabled, ...rest }: ButtonProps) {
  const classes = ['gz-btn', `gz-btn-${type}`, light && 'gz-btn-light', loading && 'gz-btn-loading', className].filter(Boolean).join(' ');
  return (
    <button type="button" {...rest} className={classes} disabled={disabled || loading}>
      {loading ? <span className="gz-btn-spinner" aria-hidden="true" /> : icon && <Icon path={icon} />}
      {children !== undefined && children !== null && <span>{children}</span>}
    </button>
  );
}

export type TagColor = 'default' | 'processing' | 'success' | 'warning' | 'error' | 'blue' | 'green' | 'red';

export function PlainTag({ color = 'default', icon, children, ...rest }: { color?: TagColor; icon?: string; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <span className={`gz-tag gz-tag-${color}`} {...rest}>
      {icon && <Icon path={icon} />}
      <span>{children}</span>
    </span>
  );
}

const ALERT_ICONS = { info: InfoCircleFilled, success: CheckCircleFilled, warning: ExclamationCircleFilled, error: CloseCircleFilled };

export function PlainAlert({ type, title, style, ...rest }: { type: keyof typeof ALERT_ICONS; title: ReactNode; style?: React.CSSProperties } & Record<`data-${string}`, string>) {
  return (
    <div className={`gz-alert gz-alert-${type}`} role="alert" style={style} {...rest}>
      <span className="gz-alert-icon">
        <Icon path={ALERT_ICONS[type]} />
      </span>
      <div className="gz-alert-title">{title}</div>
    </div>
  );
}
