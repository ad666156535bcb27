import { useTranslation } from 'react-i18next';
import type { RecordEvent } from '../api/types.js';
import { Moment } from '../parts/moment.js';
import type { Clock } from '../time/both-clocks.js';
import { EventSummary, kindLabel, PrecedenceTag } from './event-summary.js';
import { RECEIPT_KIND } from './receipts.js';

export interface EventItemProps {
  readonly event: RecordEvent;
  readonly clocks: readonly Clock[];
  /** The other side's receipt that covers this event, if one is on screen. */
  readonly receipt: RecordEvent | undefined;
  /** Whether the other side's receipts reach this event even if that receipt is not on screen. */
  readonly receipted: boolean;
  /** Who receipts this log's events: the peer for our log, we for theirs. */
  readonly receiptBy: string;
  /** The name the summary uses for the other log's side. */
  readonly otherName: string;
}

export function EventItem({ event, clocks, receipt, receipted, receiptBy, otherName }: EventItemProps) {
  const { t } = useTranslation();
  const precedence = event.kind === 'message.sent' && typeof event.body.precedence === 'string' ? event.body.precedence : null;
  return (
    <li className={`event${precedence ? ` event-message event-precedence-${precedence.toLowerCase()}` : ''}`} data-seq={event.seq} data-kind={event.kind}>
      <div className="event-head">
        <span className="event-seq">#{event.seq}</span>
        <span className="event-kind">{kindLabel(t, event.kind)}</span>
        {precedence && <PrecedenceTag precedence={precedence} />}
        <span className="event-actor" title={t('record.actor')}>{event.actor}</span>
      </div>
      <EventSummary event={event} otherName={otherName} />
      <div className="event-time"><Moment iso={event.ts} clocks={clocks} seconds /></div>
      {event.kind !== RECEIPT_KIND && (
        receipt ? (
          <p className="event-receipt receipted">
            <span aria-hidden="true">✓ </span>
            {t('record.receiptedBy', { by: receiptBy, seq: receipt.seq })} · <Moment iso={receipt.ts} clocks={clocks} seconds />
          </p>
        ) : receipted ? (
          <p className="event-receipt receipted"><span aria-hidden="true">✓ </span>{t('record.receiptedEarlier', { by: receiptBy })}</p>
        ) : (
          <p className="event-receipt awaiting">{t('record.awaitingReceipt', { by: receiptBy })}</p>
        )
      )}
    </li>
  );
}
