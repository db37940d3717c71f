import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element the address's `#fragment` names into view and focus once
 * the page's data is rendered (`ready`): a browser does this only for content
 * present at load, and a memorial's list of people arrives later. The element
 * gets `tabIndex=-1` so it can hold focus, and `data-targeted` for its style.
 */
export function useHashTarget(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const target = document.getElementById(id);
    if (!target) return;
    document.querySelectorAll('[data-targeted]').forEach((element) => element.removeAttribute('data-targeted'));
    target.setAttribute('data-targeted', '');
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
