/** The current route from the address bar's hash, and a way to go somewhere. */
import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

export function useRoute(): { route: Route; navigate: (route: Route) => void } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const navigate = useCallback((route: Route) => {
    const next = formatRoute(route);
    if (next !== window.location.hash) window.location.hash = next;
  }, []);
  return { route: parseRoute(hash), navigate };
}
