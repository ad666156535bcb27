import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_MEDIA, LEVELS } from '../../core/index.js';
import { ApiError, type NodeApi } from '../api/node-api.js';
import type { LinkChannel, NodeInfo } from '../api/types.js';
import { ErrorNote } from '../parts/error-note.js';
import { useLanguage } from '../parts/use-language.js';

export interface ChannelPanelProps {
  readonly api: NodeApi;
  readonly node: NodeInfo;
  readonly peer: string;
  readonly peerSide: string | null;
  readonly peerName: string;
  readonly channels: readonly LinkChannel[];
}

const toApiError = (caught: unknown): ApiError => (caught instanceof ApiError ? caught : new ApiError('E_INTERNAL', String(caught), null, 0));

/**
 * The channels of the link: a message goes on one both sides agreed. One side proposes a
 * channel between counterpart positions; the other side agrees it (docs/mechanism.md).
 */
export function ChannelPanel({ api, node, peer, peerSide, peerName, channels }: ChannelPanelProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [draft, setDraft] = useState({ channel: 'dtl', en: 'Defense Telephone Link', zh: '国防部直通电话', medium: 'direct-line', level: 'chief-of-staff', ours: '', theirs: '' });
  const actor = `${node.name}/duty-officer`;
  const base = `/v1/links/${encodeURIComponent(peer)}/channels`;

  const act = async (path: string, body: object): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, { actor, ...body });
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const propose = (e: FormEvent) => {
    e.preventDefault();
    if (!peerSide) return;
    void act(base, {
      channel: draft.channel, medium: draft.medium, level: draft.level, name: { en: draft.en, zh: draft.zh }, ackMinutes: {},
      ends: [{ side: node.side, position: draft.ours }, { side: peerSide, position: draft.theirs }],
    }).then((done) => done && setProposing(false));
  };
  const field = (key: keyof typeof draft, label: string, input: 'text' | 'select' = 'text', options: readonly string[] = [], optionLabel = (o: string) => o) => (
    <label className="field">
      <span>{label}</span>
      {input === 'select' ? (
        <select value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
          {options.map((o) => <option key={o} value={o}>{optionLabel(o)}</option>)}
        </select>
      ) : (
        <input value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} required />
      )}
    </label>
  );

  return (
    <section className="channels" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('channels.title', { peer: peerName })}</h2>
      {channels.length === 0 ? <p className="send-note">{t('channels.none')}</p> : (
        <ul className="channel-list">
          {channels.map((c) => (
            <li key={c.id} className={`channel channel-${c.status}`}>
              <strong>{c.name[lang]}</strong>
              <span className="muted">{t(`channels.medium.${c.medium.replace(/-/g, '_')}`, { defaultValue: c.medium })} · {t(`channels.level.${c.level.replace(/-/g, '_')}`, { defaultValue: c.level })}</span>
              <span className={`channel-status channel-status-${c.status}`}>{t(`channels.status.${c.status}`)}</span>
              {c.status === 'proposed' && (c.proposedBy === node.side ? (
                <span className="muted">{t('channels.waitingForAgreement', { peer: peerName })}</span>
              ) : (
                <button type="button" className="primary" disabled={busy} onClick={() => void act(`${base}/${encodeURIComponent(c.id)}/agree`, {})}>
                  {t('channels.agree')}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
      <details className="propose" open={proposing} onToggle={(e) => setProposing(e.currentTarget.open)}>
        <summary>{t('channels.propose')}</summary>
        <form onSubmit={propose} className="propose-form">
          {field('channel', t('channels.id'))}
          {field('en', t('channels.nameEn'))}
          {field('zh', t('channels.nameZh'))}
          {field('medium', t('channels.mediumLabel'), 'select', CHANNEL_MEDIA, (o) => t(`channels.medium.${o.replace(/-/g, '_')}`))}
          {field('level', t('channels.levelLabel'), 'select', LEVELS, (o) => t(`channels.level.${o.replace(/-/g, '_')}`))}
          {field('ours', t('channels.ourPosition'))}
          {field('theirs', t('channels.theirPosition', { peer: peerName }))}
          <button type="submit" className="primary" disabled={busy || !peerSide}>{t('channels.proposeSubmit', { peer: peerName })}</button>
        </form>
      </details>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
