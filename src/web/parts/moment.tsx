import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { clockParts, type Clock } from '../time/both-clocks.js';

/**
 * A moment in UTC and on both sides' clocks; the machine-readable instant stays in `dateTime`.
 * Each clock keeps together; a narrow column breaks the line between clocks only.
 */
export function Moment({ iso, clocks, seconds = false }: { readonly iso: string; readonly clocks: readonly Clock[]; readonly seconds?: boolean }) {
  const { i18n } = useTranslation();
  const parts = clockParts(iso, clocks, { language: i18n.language, seconds });
  return (
    <time className="moment" dateTime={iso}>
      {parts.map((part, i) => (
        <Fragment key={part.label}>
          {i > 0 && <span className="moment-sep"> · </span>}
          <span className={i === 0 ? 'moment-part moment-utc' : 'moment-part'}>
            {part.date !== null && <span className="moment-date">{part.date} </span>}
            <span className="moment-time">{part.time}</span> <span className="moment-zone">{part.label}</span>
          </span>
        </Fragment>
      ))}
    </time>
  );
}
