import { useTranslation } from 'react-i18next';
import type { RecordEvent } from '../api/types.js';
import type { Clock } from '../time/both-clocks.js';
import { EventItem } from './event-item.js';

export interface LogColumnProps {
  readonly id: string;
  readonly title: string;
  readonly origin: string;
  readonly size: number;
  /** Oldest first; shown newest first. */
  readonly events: readonly RecordEvent[];
  readonly receipts: ReadonlyMap<number, RecordEvent>;
  /** The highest seq of this log the other side's receipts reach (from the link state), or -1. */
  readonly receiptedUpTo: number;
  readonly receiptBy: string;
  readonly otherName: string;
  readonly clocks: readonly Clock[];
}

export function LogColumn(props: LogColumnProps) {
  const { t } = useTranslation();
  const newestFirst = [...props.events].reverse();
  return (
    <section className="log-column" aria-labelledby={`${props.id}-title`} data-log={props.id}>
      <header className="log-header">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p className="log-origin"><code>{props.origin}</code> · {t('record.events', { count: props.size })}</p>
      </header>
      {newestFirst.length === 0 ? (
        <p className="empty">{t('record.empty')}</p>
      ) : (
        <ol className="event-list" reversed>
          {newestFirst.map((event) => (
            <EventItem
              key={event.seq}
              event={event}
              clocks={props.clocks}
              receipt={props.receipts.get(event.seq)}
              receipted={event.seq <= props.receiptedUpTo}
              receiptBy={props.receiptBy}
              otherName={props.otherName}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
