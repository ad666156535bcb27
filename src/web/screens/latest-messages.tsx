import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeApi } from '../api/node-api.js';
import type { LinkStatus, RecordEvent } from '../api/types.js';
import { useLinkRecord } from '../api/use-link-record.js';
import { Moment } from '../parts/moment.js';
import { PrecedenceTag } from '../record/event-summary.js';
import { RECEIPT_KIND, receiptsByEvent, receiptUpTo } from '../record/receipts.js';
import type { Clock } from '../time/both-clocks.js';

const SHOWN = 5;
/** Enough of each log's tail to find its latest messages among receipts and link tests. */
const TAIL = 60;

const messageText = (event: RecordEvent): string => {
  const content = event.body.content as { kind?: unknown; text?: unknown; code?: unknown; template?: unknown } | undefined;
  if (typeof content?.text === 'string') return content.text;
  if (typeof content?.code === 'string') return content.code;
  if (typeof content?.template === 'string') return content.template;
  return typeof event.body.text === 'string' ? event.body.text : '';
};

export interface LatestMessagesProps {
  readonly api: NodeApi;
  readonly link: LinkStatus;
  readonly version: number;
  readonly ownName: string;
  readonly peerName: string;
  readonly clocks: readonly Clock[];
}

/** The last messages on the line, both ways, each with whether the other side's receipt has come. */
export function LatestMessages({ api, link, version, ownName, peerName, clocks }: LatestMessagesProps) {
  const { t } = useTranslation();
  const record = useLinkRecord(api, link, version, TAIL);
  const rows = useMemo(() => {
    const ownReceipts = receiptsByEvent(record.own, record.peer);
    const weReceiptedUpTo = Math.max(-1, ...record.own.filter((e) => e.kind === RECEIPT_KIND).map(receiptUpTo));
    const ours = record.own.filter((e) => e.kind === 'message.sent').map((event) => ({ event, ours: true, receipted: ownReceipts.has(event.seq) || event.seq < link.own.delivered }));
    const theirs = record.peer.filter((e) => e.kind === 'message.sent').map((event) => ({ event, ours: false, receipted: event.seq <= weReceiptedUpTo }));
    return [...ours, ...theirs].sort((a, b) => b.event.ts.localeCompare(a.event.ts)).slice(0, SHOWN);
  }, [record.own, record.peer, link.own.delivered]);

  return (
    <section className="latest" aria-labelledby={`latest-${link.peer}`}>
      <h3 id={`latest-${link.peer}`}>{t('floor.latest')}</h3>
      {rows.length === 0 ? (
        <p className="empty">{record.loaded ? t('floor.noMessages') : t('common.loading')}</p>
      ) : (
        <ul className="latest-list">
          {rows.map(({ event, ours, receipted }) => {
            const precedence = typeof event.body.precedence === 'string' ? event.body.precedence : null;
            const text = messageText(event);
            return (
              <li key={`${event.log}#${event.seq}`} className="latest-item">
                <span className="latest-direction">{ours ? t('floor.fromTo', { from: ownName, to: peerName }) : t('floor.fromTo', { from: peerName, to: ownName })}</span>
                {precedence && <PrecedenceTag precedence={precedence} />}
                <span className="latest-text" title={text} lang={typeof (event.body.content as { lang?: unknown } | undefined)?.lang === 'string' ? String((event.body.content as { lang: string }).lang) : undefined}>{text}</span>
                <span className="latest-time"><Moment iso={event.ts} clocks={clocks} /></span>
                <span className={receipted ? 'latest-state receipted' : 'latest-state awaiting'}>
                  {receipted ? t('floor.receipted') : t('floor.awaiting')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
