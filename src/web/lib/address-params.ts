// A list's filters and page kept in the address, so that a page can be reloaded and shared: the
// server filters and pages, and the address says what it was asked.
import { useSearchParams } from 'react-router-dom';

export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  /** The page asked for, 1 when the address has none or nonsense. */
  const page = Number(params.get('page') ?? 1) || 1;
  /**
   * Sets a filter (removed when `value` is empty) and goes back to the first page, or, for the
   * key `page`, goes to that page.
   */
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  /** Removes these keys at once (and the page). */
  const clear = (...keys: string[]) => {
    const next = new URLSearchParams(params);
    for (const key of [...keys, 'page']) next.delete(key);
    setParams(next);
  };
  return { params, page, set, clear };
}
