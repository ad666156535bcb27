import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/types.js';
import { Moment } from '../parts/moment.js';
import { placeName } from '../parts/places.js';
import { RefusalLines } from '../parts/refusal-lines.js';
import { PrecedenceTag } from '../record/event-summary.js';
import type { Clock } from '../time/both-clocks.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The refusal an incident records: a link's last error, or the evidence of equivocation. */
function refusalOf(details: Record<string, unknown>): { code: string; message: string } | null {
  const lastError = details.lastError as { code?: unknown; message?: unknown } | null | undefined;
  const refusal = lastError && typeof lastError.code === 'string' ? lastError : details;
  const code = text(refusal.code);
  return code === null ? null : { code, message: text(refusal.message) ?? '' };
}

/**
 * What the incident is about, from its details: the node records them as data (ids, times, codes),
 * and the sentence around them is the app's, in the screen's language.
 */
function aboutIncident(t: TFunction, incident: Incident, clocks: readonly Clock[]): ReactNode {
  const d = incident.details;
  switch (incident.kind) {
    case 'link.test.missed':
      return (
        <>
          {text(d.hour) && <>{t('incidents.testDue')} <Moment iso={text(d.hour)!} clocks={clocks} /></>}
          {text(d.reportedBy) && <> · {t('incidents.reportedBy', { peer: placeName(t, text(d.reportedBy)!) })}</>}
        </>
      );
    case 'message.overdue':
      return (
        <>
          {t('incidents.message', { message: text(d.message) ?? '?' })}
          {text(d.precedence) && <> <PrecedenceTag precedence={text(d.precedence)!} /></>}
          {text(d.ackDeadline) && <> · {t('incidents.ackDeadline')} <Moment iso={text(d.ackDeadline)!} clocks={clocks} /></>}
        </>
      );
    case 'message.escalated': {
      const step = text(d.step) ?? '?';
      return t('incidents.escalatedTo', { message: text(d.message) ?? '?', step: t(`incidents.step.${step.replace(/-/g, '_')}`, { defaultValue: step }) });
    }
    case 'request.expired':
      return (
        <>
          {t('incidents.request', { request: text(d.request) ?? '?' })}
          {text(d.respondBy) && <> · {t('incidents.respondBy')} <Moment iso={text(d.respondBy)!} clocks={clocks} /></>}
        </>
      );
    default: {
      const refusal = refusalOf(d);
      return refusal && <RefusalLines code={refusal.code} message={refusal.message} />;
    }
  }
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
        {incidents.map((incident) => {
          // A link's incidents name the link; a message's or a request's name it after the link.
          const peer = text(incident.details.peer) ?? incident.subject;
          const description = aboutIncident(t, incident, clocksFor(peer));
          return (
            <li key={incident.id} className={`incident incident-${incident.kind.replace(/[.]/g, '-')}`}>
              <strong>{t(`incidents.kind.${incident.kind.replace(/[.-]/g, '_')}`, { defaultValue: incident.kind })}</strong>
              {' · '}{t('incidents.with', { peer: placeName(t, peer) })}
              {' · '}{t('incidents.opened')} <Moment iso={incident.openedAt} clocks={clocksFor(peer)} />
              {description && <p className="incident-detail">{description}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
