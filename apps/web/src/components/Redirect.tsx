import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A redirect a page makes on its own (an index to its first country, an
 * unknown id back to the list, a signed-out visitor to the sign-in page), in
 * place of `<Navigate replace>`.
 *
 * React runs a redirect only after the page has rendered. A link the person
 * clicked in between has already moved the browser on, and `<Navigate
 * replace>` would then replace *that* entry and take them back. So this one
 * gives way when the browser is no longer where the page rendered.
 */
export function Redirect({ to }: { to: string }): null {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  useEffect(() => {
    const movedOn = window.location.pathname !== pathname || window.location.search !== search;
    if (!movedOn) navigate(to, { replace: true });
  }, [navigate, pathname, search, to]);
  return null;
}
