import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeApi } from '../api/node-api.js';
import { useWatch } from '../api/use-watch.js';
import { ErrorNote } from '../parts/error-note.js';
import { LanguageSwitch } from '../parts/language-switch.js';
import { Moment } from '../parts/moment.js';
import { clocksOf, placeName } from '../parts/places.js';
import { useNow } from '../parts/use-now.js';
import { pathOf, useRoute, type Route } from '../route.js';
import { LinkRecord } from './link-record.js';
import { WatchFloor } from './watch-floor.js';

/** Every screen after sign-in: the links on the left, the floor or a link's record on the right. */
export function Shell({ api, onSignOut }: { readonly api: NodeApi; readonly onSignOut: () => void }) {
  const { t } = useTranslation();
  const watch = useWatch(api, onSignOut);
  const [route, navigate] = useRoute();
  const now = useNow(15_000);

  const peerName = useCallback((peer: string) => placeName(t, watch.peers[peer]?.node ?? peer), [t, watch.peers]);
  const clocksFor = useCallback((peer: string) => clocksOf(t, watch.node, watch.peers[peer]), [t, watch.node, watch.peers]);
  // The clock strip shows this side and every peer whose clock is known.
  const allClocks = useMemo(() => {
    const clocks = clocksOf(t, watch.node, undefined);
    for (const identity of Object.values(watch.peers)) clocks.push(...clocksOf(t, null, identity));
    return clocks;
  }, [t, watch.node, watch.peers]);

  const navLink = (to: Route, label: ReactNode, extra?: ReactNode) => {
    const current = to.screen === route.screen && (to.screen !== 'record' || (route.screen === 'record' && route.peer === to.peer));
    return (
      <a
        href={pathOf(to)}
        aria-current={current ? 'page' : undefined}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          navigate(to);
        }}
      >
        {label}
        {extra}
      </a>
    );
  };

  const title = route.screen === 'floor' ? t('floor.title') : t('record.title', { own: watch.node ? placeName(t, watch.node.name) : '', peer: peerName(route.peer) });
  useEffect(() => {
    document.title = `${title} · Parley`;
  }, [title]);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand"><span className="brand-mark" aria-hidden="true" />Parley</div>
        {watch.node && (
          <p className="whoami">
            <strong>{placeName(t, watch.node.name)}</strong> · {watch.node.side}
            <br />
            <span className="muted">{watch.node.host}</span>
          </p>
        )}
        <ul className="nav-list">
          <li>{navLink({ screen: 'floor' }, t('floor.title'), watch.incidents && watch.incidents.length > 0 ? <span className="nav-alert">{watch.incidents.length}</span> : null)}</li>
        </ul>
        <h2 className="nav-heading">{t('nav.links')}</h2>
        <ul className="nav-list">
          {(watch.links ?? []).map((l) => (
            <li key={l.peer}>
              {navLink({ screen: 'record', peer: l.peer }, <><span className={`state-dot state-${l.state}`} aria-hidden="true" />{peerName(l.peer)}</>, <span className="nav-state">{t(`state.${l.state}`)}</span>)}
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <p className={`live live-${watch.live}`} role="status">
            <span className="live-dot" aria-hidden="true" />
            {t(`live.${watch.live}`)}
          </p>
          <LanguageSwitch />
          <button type="button" className="quiet" onClick={onSignOut}>{t('nav.signOut')}</button>
        </div>
      </nav>
      <main className="main" aria-labelledby="page-title">
        <header className="page-head">
          <h1 id="page-title">{title}</h1>
          <p className="now" aria-label={t('nav.now')}>
            <span className="muted">{t('nav.now')}</span> <Moment iso={now.toISOString()} clocks={allClocks} />
          </p>
        </header>
        {watch.error && <ErrorNote error={watch.error} />}
        {route.screen === 'floor' ? (
          <WatchFloor api={api} watch={watch} clocksFor={clocksFor} peerName={peerName} navigate={navigate} />
        ) : (
          <LinkRecord key={route.peer} api={api} watch={watch} peer={route.peer} clocks={clocksFor(route.peer)} peerName={peerName(route.peer)} />
        )}
      </main>
    </div>
  );
}
