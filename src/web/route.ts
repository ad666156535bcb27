import { useCallback, useEffect, useState } from 'react';

/** The app's screens, by address; the node answers every one of them with the app. */
export type Route = { readonly screen: 'floor' } | { readonly screen: 'record'; readonly peer: string };

export function parseRoute(path: string): Route {
  const match = /^\/links\/([^/]+)\/?$/.exec(path);
  return match ? { screen: 'record', peer: decodeURIComponent(match[1]!) } : { screen: 'floor' };
}

export const pathOf = (route: Route): string => (route.screen === 'record' ? `/links/${encodeURIComponent(route.peer)}` : '/');

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    history.pushState(null, '', pathOf(next));
    setRoute(next);
    scrollTo(0, 0);
  }, []);
  return [route, navigate];
}
