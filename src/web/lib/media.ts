import { useSyncExternalStore } from 'react';

/**
 * Whether a media query matches, kept up to date. The phone pages use it instead of antd's
 * Grid.useBreakpoint, which would bring the grid into their scripts, and it answers on the
 * first render (no table drawn and then replaced by the phone layout).
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below antd's md breakpoint (768 px): a phone. */
export const PHONE_QUERY = '(max-width: 767.98px)';
