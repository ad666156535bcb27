import { useTranslation } from 'react-i18next';
import type { NodeApi } from '../api/node-api.js';
import type { Watch } from '../api/use-watch.js';
import type { Route } from '../route.js';
import type { Clock } from '../time/both-clocks.js';
import { IncidentList } from './incident-list.js';
import { LinkCard } from './link-card.js';

export interface WatchFloorProps {
  readonly api: NodeApi;
  readonly watch: Watch;
  readonly clocksFor: (peer: string) => readonly Clock[];
  readonly peerName: (peer: string) => string;
  readonly navigate: (route: Route) => void;
}

/** What the duty officer watches: open incidents first, then every link's state. */
export function WatchFloor({ api, watch, clocksFor, peerName, navigate }: WatchFloorProps) {
  const { t } = useTranslation();
  if (!watch.node || !watch.links || !watch.incidents) return <p className="loading">{t('common.loading')}</p>;
  const node = watch.node;
  const incidents = watch.incidents;
  return (
    <div className="floor">
      <IncidentList incidents={incidents} clocksFor={clocksFor} />
      {watch.links.length === 0 ? (
        <p className="empty">{t('floor.noLinks')}</p>
      ) : (
        <div className="link-cards">
          {watch.links.map((link) => (
            <LinkCard
              key={link.peer} api={api} version={watch.version} node={node} link={link} peerName={peerName(link.peer)} clocks={clocksFor(link.peer)}
              distrust={incidents.find((i) => i.kind === 'equivocation' && i.subject === link.peer)}
              onOpen={() => navigate({ screen: 'record', peer: link.peer })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
