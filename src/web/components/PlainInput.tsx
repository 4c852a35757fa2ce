import type { CSSProperties, InputHTMLAttributes, KeyboardEvent, ReactNode } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> & { onPressEnter?: () => void };

/**
 * A one-line text field drawn like antd's Input (styles.css), for the pages that load no antd
 * (components/plain.tsx); inside the owners' layout it takes their larger size.
 */
export function PlainInput({ onPressEnter, onKeyDown, className, ...rest }: Props) {
  return (
    <input
      type="text"
      {...rest}
      className={className ? `gz-input ${className}` : 'gz-input'}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        onKeyDown?.(e);
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) onPressEnter?.();
      }}
    />
  );
}

/** A field and its button joined into one control, like antd's Space.Compact. */
export function Joined({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return (
    <div className="gz-joined" style={style}>
      {children}
    </div>
  );
}
