import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PRECEDENCES } from '../../core/index.js';
import type { RecordEvent } from '../api/types.js';
import { placeName } from '../parts/places.js';
import { RefusalLines } from '../parts/refusal-lines.js';
import { receiptUpTo } from './receipts.js';
import { mechanismSummary, wordKey } from './summaries/index.js';

export function kindLabel(t: TFunction, kind: string): string {
  return t(`kinds.${wordKey(kind)}`, { defaultValue: kind });
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function messageContent(t: TFunction, content: unknown): { text: string; lang: string | null } {
  const c = (content ?? {}) as Record<string, unknown>;
  if (c.kind === 'text' && typeof c.text === 'string') return { text: c.text, lang: text(c.lang) };
  if (c.kind === 'short-code') return { text: t('summary.shortCode', { list: text(c.list), code: text(c.code) }), lang: null };
  if (c.kind === 'notification') return { text: t('summary.notification', { template: text(c.template) }), lang: null };
  // Bodies recorded before the mechanism's catalogue (tests, early tools) may hold text directly.
  const plain = (content as Record<string, unknown> | undefined)?.text;
  return { text: typeof plain === 'string' ? plain : '', lang: null };
}

export function PrecedenceTag({ precedence }: { readonly precedence: string }) {
  const { t } = useTranslation();
  const known = (PRECEDENCES as readonly string[]).includes(precedence);
  return <span className={`precedence precedence-${known ? precedence.toLowerCase() : 'other'}`}>{known ? t(`precedence.${precedence}`) : precedence}</span>;
}

/** One line (or paragraph, for a message) saying what an event is about, in the screen's language. */
export function EventSummary({ event, otherName }: { readonly event: RecordEvent; readonly otherName: string }) {
  const { t } = useTranslation();
  const b = event.body;
  switch (event.kind) {
    case 'message.sent': {
      const content = messageContent(t, b.content ?? (typeof b.text === 'string' ? { text: b.text } : undefined));
      return (
        <div className="summary summary-message">
          {content.text && <p className="message-text" lang={content.lang ?? undefined}>{content.text}</p>}
          {text(b.to) && <p className="summary-meta">{t('summary.messageTo', { side: text(b.to), channel: text(b.channel) ?? '—' })}</p>}
        </div>
      );
    }
    case 'message.delivered': {
      const receipt = (b.receipt ?? {}) as { seq?: unknown };
      return <p className="summary">{t('summary.delivered', { other: otherName, seq: num(receipt.seq) ?? '?' })}</p>;
    }
    case 'message.seen':
    case 'message.acknowledged':
    case 'message.overdue':
      return <p className="summary">{t(`summary.${event.kind.split('.')[1]}`, { message: text(b.message) ?? '?' })}</p>;
    case 'link.opened':
      return <p className="summary">{t('summary.linkOpened', { node: placeName(t, text(b.node) ?? '?'), side: text(b.side) ?? '?', timeZone: text(b.timeZone) ?? '?' })}</p>;
    case 'link.receipt':
      return <p className="summary">{t('summary.receipt', { other: otherName, upTo: receiptUpTo(event), count: num(b.received) ?? 0 })}</p>;
    case 'link.test':
      return <p className="summary">{t('summary.linkTest', { other: otherName })}</p>;
    case 'link.test.answer':
      return <p className="summary">{t('summary.linkTestAnswer', { other: otherName, test: num(b.test) ?? '?' })}</p>;
    case 'link.test.completed':
      return <p className="summary">{num(b.rttMs) !== null ? t('summary.linkTestCompletedRtt', { ms: num(b.rttMs) }) : t('summary.linkTestCompleted')}</p>;
    case 'link.test.missed':
      return <p className="summary">{t('summary.linkTestMissed', { other: otherName })}</p>;
    case 'link.down': {
      // The node's own words about the failure are its last error: a code, explained in the screen's language.
      const lastError = (b.lastError ?? null) as { code?: unknown; message?: unknown } | null;
      return (
        <div className="summary">
          <p>{t('summary.linkDown', { other: otherName })}</p>
          {lastError && typeof lastError.code === 'string' && <p className="summary-meta"><RefusalLines code={lastError.code} message={text(lastError.message) ?? ''} /></p>}
        </div>
      );
    }
    case 'link.restored':
      return <p className="summary">{t('summary.linkRestored', { other: otherName, down: num(b.down) ?? '?' })}</p>;
    case 'link.trust.restored':
      // The reason is an administrator's own words, in whatever language they wrote it.
      return (
        <div className="summary">
          <p>{t('summary.trustRestored', { other: otherName, reason: text(b.reason) ?? '—' })}</p>
          {text(b.previousReason) && <p className="summary-meta">{t('summary.previousReason')} <span lang="en">{text(b.previousReason)}</span></p>}
        </div>
      );
    default: {
      const summary = mechanismSummary(event);
      if (summary) return summary;
      // A kind this app does not know, or a body its kind's schema refuses: shown as recorded.
      const json = JSON.stringify(b);
      return <p className="summary summary-raw"><code>{json.length > 200 ? `${json.slice(0, 200)}…` : json}</code></p>;
    }
  }
}
