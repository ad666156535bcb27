import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ackWindow, MINUTE, PRECEDENCES, type Precedence } from '../../core/index.js';
import { ApiError, type NodeApi } from '../api/node-api.js';
import { recordMessage } from '../api/record-message.js';
import type { LinkChannel, LinkStatus, NodeInfo } from '../api/types.js';
import { ErrorNote } from '../parts/error-note.js';
import { useLanguage } from '../parts/use-language.js';
import { Moment } from '../parts/moment.js';
import type { Clock } from '../time/both-clocks.js';
import { PrecedenceTag } from './event-summary.js';

function messageId(node: string): string {
  // getRandomValues, not randomUUID: the latter needs a secure context, and a node on a
  // private network may be served over plain HTTP.
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${node}-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const toApiError = (caught: unknown): ApiError => {
  if (caught instanceof ApiError) return caught;
  const code = (caught as { code?: unknown } | null)?.code;
  return new ApiError(typeof code === 'string' ? code : 'E_INTERNAL', caught instanceof Error ? caught.message : String(caught), null, 0);
};

/** Messages go on an agreed channel; a suspended one still carries them, marked as sent while suspended. */
const usable = (c: LinkChannel): boolean => c.status === 'active' || c.status === 'suspended';

export interface SendMessageProps {
  readonly api: NodeApi;
  readonly node: NodeInfo;
  readonly link: LinkStatus;
  readonly peerName: string;
  readonly clocks: readonly Clock[];
  /** The link's channels (null while they are read). */
  readonly channels: readonly LinkChannel[] | null;
}

/**
 * A message on the line: channel, precedence and text, recorded on our log through the
 * mechanism, then watched until the peer's signed receipt covers it.
 */
export function SendMessage({ api, node, link, peerName, clocks, channels: all }: SendMessageProps) {
  const { t } = useTranslation();
  const channels = all?.filter(usable) ?? null;
  const [channel, setChannel] = useState<string>('');
  const [precedence, setPrecedence] = useState<Precedence>('ROUTINE');
  const [textValue, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const lang = useLanguage();

  const chosen = channels?.find((c) => c.id === channel) ?? channels?.[0];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || textValue.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const content = { kind: 'text' as const, lang, text: textValue.trim() };
      const recorded = await recordMessage(api, link.peer, `${node.name}/duty-officer`, { message: messageId(node.name), channel: chosen.id, precedence, content });
      setSent(recorded.seq);
      setText('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const windowText = (p: Precedence): string => {
    const minutes = ackWindow(chosen?.ackMinutes ?? {}, p) / MINUTE;
    return minutes % 60 === 0 ? t('send.hours', { count: minutes / 60 }) : t('send.minutes', { count: minutes });
  };
  const receipt = sent !== null && link.lastReceipt && link.lastReceipt.upTo !== null && link.lastReceipt.upTo >= sent ? link.lastReceipt : null;
  return (
    <form className="send-message" onSubmit={(e) => void submit(e)} aria-labelledby="send-title">
      <h2 id="send-title">{t('send.title', { peer: peerName })}</h2>
      {channels !== null && channels.length === 0 ? (
        <p className="send-note">{t('send.noChannel', { peer: peerName })}</p>
      ) : (
        <>
          <div className="send-options">
            <label className="channel-field">
              <span>{t('send.channel')}</span>
              <select value={chosen?.id ?? ''} onChange={(e) => setChannel(e.target.value)}>
                {(channels ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name[lang]}{c.status === 'suspended' ? ` (${t('send.suspended')})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="precedence-choice">
              <legend>{t('send.precedence')}</legend>
              {PRECEDENCES.map((p) => (
                <label key={p} className="precedence-option">
                  <input type="radio" name="precedence" value={p} checked={precedence === p} onChange={() => setPrecedence(p)} />
                  <PrecedenceTag precedence={p} />
                  <span className="ack-window">{t('send.ackWithin', { window: windowText(p) })}</span>
                </label>
              ))}
            </fieldset>
          </div>
          <label className="message-field">
            <span>{t('send.text')}</span>
            <textarea value={textValue} onChange={(e) => setText(e.target.value)} rows={3} lang={lang} maxLength={100_000} required placeholder={t('send.placeholder', { peer: peerName })} />
          </label>
          <div className="send-row">
            <button type="submit" className="primary" disabled={busy || !chosen || textValue.trim() === ''}>
              {busy ? t('send.sending') : t('send.send', { precedence: t(`precedence.${precedence}`) })}
            </button>
            <p className="send-note">{t('send.writtenIn', { language: t(`language.${lang}`) })}</p>
          </div>
        </>
      )}
      <div className="send-status" aria-live="polite">
        {sent !== null && (receipt ? (
          <p className="delivered">
            <span aria-hidden="true">✓ </span>
            {t('send.delivered', { seq: sent, peer: peerName, receipt: receipt.seq })} <Moment iso={receipt.ts} clocks={clocks} seconds />
          </p>
        ) : (
          <p className="awaiting">{t('send.recorded', { seq: sent, peer: peerName })}</p>
        ))}
      </div>
      {error && <ErrorNote error={error} />}
    </form>
  );
}
