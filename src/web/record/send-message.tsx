import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ACK_MINUTES, PRECEDENCES, type Precedence } from '../../core/index.js';
import { ApiError, type NodeApi } from '../api/node-api.js';
import { recordMessage } from '../api/record-message.js';
import type { LinkStatus, NodeInfo, PeerIdentity } from '../api/types.js';
import { ErrorNote } from '../parts/error-note.js';
import { Moment } from '../parts/moment.js';
import type { Clock } from '../time/both-clocks.js';
import { PrecedenceTag } from './event-summary.js';

/**
 * The channel messages go on until channels are chosen on screen: the Defense Telephone Link
 * between the capitals, as the demo's opening exchange uses.
 */
const CHANNEL = 'dtl';

function messageId(node: string): string {
  // getRandomValues, not randomUUID: the latter needs a secure context, and a node on a
  // private network may be served over plain HTTP.
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${node}-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function windowText(t: (key: string, options?: Record<string, unknown>) => string, minutes: number): string {
  return minutes % 60 === 0 ? t('send.hours', { count: minutes / 60 }) : t('send.minutes', { count: minutes });
}

interface Sent {
  readonly seq: number;
  readonly precedence: Precedence;
}

export interface SendMessageProps {
  readonly api: NodeApi;
  readonly node: NodeInfo;
  readonly link: LinkStatus;
  readonly peer: PeerIdentity | undefined;
  readonly peerName: string;
  readonly clocks: readonly Clock[];
}

/**
 * A message on the line: precedence and text, checked against the mechanism's catalogue
 * before it is sent, recorded on our log through the API, then watched until the peer's signed
 * receipt covers it.
 */
export function SendMessage({ api, node, link, peer, peerName, clocks }: SendMessageProps) {
  const { t, i18n } = useTranslation();
  const [precedence, setPrecedence] = useState<Precedence>('ROUTINE');
  const [textValue, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const lang: 'en' | 'zh' = i18n.language === 'zh' ? 'zh' : 'en';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!peer || textValue.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const content = { kind: 'text' as const, lang, text: textValue.trim() };
      const recorded = await recordMessage(api, link.peer, `${node.name}/duty-officer`, { message: messageId(node.name), channel: CHANNEL, to: peer.side, precedence, content });
      setSent({ seq: recorded.seq, precedence });
      setText('');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(typeof (caught as { code?: unknown }).code === 'string' ? (caught as { code: string }).code : 'E_INTERNAL', String((caught as Error).message ?? caught), null, 0));
    } finally {
      setBusy(false);
    }
  };

  const receipt = sent && link.lastReceipt && link.lastReceipt.upTo !== null && link.lastReceipt.upTo >= sent.seq ? link.lastReceipt : null;
  return (
    <form className="send-message" onSubmit={(e) => void submit(e)} aria-labelledby="send-title">
      <h2 id="send-title">{t('send.title', { peer: peerName })}</h2>
      <fieldset className="precedence-choice">
        <legend>{t('send.precedence')}</legend>
        {PRECEDENCES.map((p) => (
          <label key={p} className={`precedence-option precedence-option-${p.toLowerCase()}`}>
            <input type="radio" name="precedence" value={p} checked={precedence === p} onChange={() => setPrecedence(p)} />
            <PrecedenceTag precedence={p} />
            <span className="ack-window">{t('send.ackWithin', { window: windowText(t, DEFAULT_ACK_MINUTES[p]) })}</span>
          </label>
        ))}
      </fieldset>
      <label className="message-field">
        <span>{t('send.text')}</span>
        <textarea value={textValue} onChange={(e) => setText(e.target.value)} rows={3} lang={lang} maxLength={100_000} required placeholder={t('send.placeholder', { peer: peerName })} />
      </label>
      <div className="send-row">
        <button type="submit" className="primary" disabled={busy || !peer || textValue.trim() === ''}>
          {busy ? t('send.sending') : t('send.send', { precedence: t(`precedence.${precedence}`) })}
        </button>
        <p className="send-note">{peer ? t('send.writtenIn', { language: t(`language.${lang}`) }) : t('send.waitingForPeer', { peer: peerName })}</p>
      </div>
      <div className="send-status" aria-live="polite">
        {sent && (receipt ? (
          <p className="delivered">
            <span aria-hidden="true">✓ </span>
            {t('send.delivered', { seq: sent.seq, peer: peerName, receipt: receipt.seq })} <Moment iso={receipt.ts} clocks={clocks} seconds />
          </p>
        ) : (
          <p className="awaiting">{t('send.recorded', { seq: sent.seq, peer: peerName })}</p>
        ))}
      </div>
      {error && <ErrorNote error={error} />}
    </form>
  );
}
