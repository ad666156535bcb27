import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/types.js';
import { Moment } from '../parts/moment.js';
import { placeName } from '../parts/places.js';
import type { Clock } from '../time/both-clocks.js';

function detail(incident: Incident): string | null {
  const d = incident.details;
  const lastError = d.lastError as { code?: unknown; message?: unknown } | null | undefined;
  if (lastError && typeof lastError.code === 'string') return `${lastError.code}: ${String(lastError.message ?? '')}`;
  if (typeof d.code === 'string') return `${d.code}: ${String(d.message ?? '')}`;
  return null;
}

/** Open incidents first and unmissable; a calm line when there are none. */
export function IncidentList({ incidents, clocksFor }: { readonly incidents: readonly Incident[]; readonly clocksFor: (peer: string) => readonly Clock[] }) {
  const { t } = useTranslation();
  if (incidents.length === 0) {
    return (
      <section className="incidents incidents-none" aria-labelledby="incidents-title">
        <h2 id="incidents-title"><span aria-hidden="true">✓ </span>{t('incidents.none')}</h2>
      </section>
    );
  }
  return (
    <section className="incidents incidents-open" aria-labelledby="incidents-title" role="region">
      <h2 id="incidents-title">{t('incidents.open', { count: incidents.length })}</h2>
      <ul>
        {incidents.map((incident) => (
          <li key={incident.id} className={`incident incident-${incident.kind.replace(/[.]/g, '-')}`}>
            <strong>{t(`incidents.kind.${incident.kind.replace(/[.-]/g, '_')}`, { defaultValue: incident.kind })}</strong>
            {' · '}{t('incidents.with', { peer: placeName(t, incident.subject) })}
            {' · '}{t('incidents.opened')} <Moment iso={incident.openedAt} clocks={clocksFor(incident.subject)} />
            {detail(incident) && <p className="incident-detail"><code>{detail(incident)}</code></p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
