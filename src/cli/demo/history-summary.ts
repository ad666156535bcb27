import { language, t } from '../i18n.js';
import { opening, padEnd as pad } from '../terminal-text.js';
import { placeName, type DemoSide } from './demo-sides.js';
import { word } from './demo-summary.js';
import { bothSidesTime } from './local-times.js';
import type { OperatorApi } from './operator-api.js';
import { LAST_ENGAGEMENT } from './record-history.js';

/** What the summary reads, as the node's API answers it (docs/api.md), as far as it is shown. */
interface Time { readonly utc: string }
interface Bilingual { readonly en: string; readonly zh?: string }
interface ChannelView { readonly id: string; readonly name: Bilingual; readonly level: string; readonly status: string; readonly suspension: { by: string; at: Time; reason: string } | null }
interface RequestView { readonly id: string; readonly from: string; readonly level: string; readonly sentAt: Time; readonly status: string; readonly sentWhileSuspended: boolean; readonly expiryRecorded: boolean; readonly reason: string | null }
interface ResponsivenessRow { readonly side: string; readonly level: string; readonly period: string; readonly asked: number; readonly accepted: number; readonly declined: number; readonly expiredUnanswered: number }
interface ReadoutView { readonly lang: string; readonly text: string; readonly publishedAt: Time; readonly translations: readonly { lang: string; text: string; by: string }[] }
interface EngagementView { readonly id: string; readonly requestedBy: string; readonly start: Time; readonly status: string; readonly attendance: readonly { person: string }[] }
interface PlanView { readonly document: string; readonly version: number; readonly held: number; readonly pending: number; readonly missed: number; readonly entries: readonly { id: string; title: Bilingual; window: { from: Time; to: Time }; status: string; engagement: string | null }[] }
interface RecordEvent { readonly kind: string; readonly ts: string; readonly body: { scope?: { kind: string; level?: string } } }

export type HistoryState = 'complete' | 'partial' | 'absent';

/** Whether this node's record holds the whole reconstructed history, part of it (an earlier run was cut short) or none (a demo made before it). */
export async function historyState(api: OperatorApi, peer: string): Promise<HistoryState> {
  const engagements = await api.read<EngagementView[]>(peer, '/engagements');
  if (engagements.some((e) => e.id === LAST_ENGAGEMENT && e.status === 'held')) return 'complete';
  const { positions } = await api.read<{ positions: unknown[] }>(peer, '/positions');
  return positions.length > 0 || engagements.length > 0 ? 'partial' : 'absent';
}

/** How much of a readout a line shows, in terminal columns. */
const READOUT_COLUMNS = 96;
const day = (time: Time | string): string => (typeof time === 'string' ? time : time.utc).slice(0, 10);
/** A name the API gives in both languages, in the chosen one. */
const named = (name: Bilingual): string => (language() === 'zh' && name.zh) || name.en;

async function scopedSteps(api: OperatorApi, peer: string): Promise<string[]> {
  const logs = await Promise.all(['own', 'peer'].map((log) => api.read<{ events: RecordEvent[] }>(peer, `/events?log=${log}&limit=1000`)));
  const side = (log: number) => (log === 0 ? 'own' : 'peer');
  return logs.flatMap(({ events }, i) => events.filter((e) => e.kind.startsWith('channel.s') || e.kind.startsWith('channel.res')).map((e) => ({ e, by: side(i) })))
    .sort((a, b) => a.e.ts.localeCompare(b.e.ts))
    .map(({ e, by }) => {
      const scope = e.body.scope?.kind === 'level' ? t('history.scopeLevel', { level: word('level', e.body.scope.level ?? '') }) : word('scope', e.body.scope?.kind ?? '');
      return t('history.step', { day: day(e.ts), side: by === 'own' ? 'US' : 'CN', step: word('step', e.kind.replace('channel.', '')), scope });
    });
}

/**
 * A short summary of the reconstructed record, read back through Washington's API: channels
 * and their state, the responsiveness table, the December 2023 readouts side by side, the plan
 * in force. Times in UTC and on both sides' clocks.
 */
export async function formatHistory(api: OperatorApi, us: DemoSide, cn: DemoSide): Promise<string> {
  const peer = cn.name;
  const [channels, requests, rows, readouts, engagements, plan, conflicts, steps] = await Promise.all([
    api.read<ChannelView[]>(peer, '/channels'),
    api.read<RequestView[]>(peer, '/requests'),
    api.read<ResponsivenessRow[]>(peer, '/responsiveness?period=year'),
    api.read<{ readouts: Record<string, ReadoutView | null> }>(peer, '/readouts/brown-liu-2023-12'),
    api.read<EngagementView[]>(peer, '/engagements'),
    api.read<PlanView>(peer, '/plan?year=2024'),
    api.read<unknown[]>(peer, '/conflicts'),
    scopedSteps(api, peer),
  ]);
  const lines = [
    t('history.intro'),
    t('history.channels', { own: placeName(us), peer: placeName(cn) }),
    ...channels.map((c) => `  ${pad(c.id, 14)}${pad(word('level', c.level), 15)}${pad(word('channelStatus', c.status), 10)}${named(c.name)}`),
    t('history.steps', { steps: steps.join(t('history.separator')) }),
  ];
  const suspended = requests.filter((r) => r.sentWhileSuspended);
  const expired = requests.filter((r) => r.status === 'expired');
  const declined = requests.filter((r) => r.status === 'declined');
  lines.push(t('history.requests', {
    total: requests.length, expired: expired.length, allRecorded: t(expired.every((r) => r.expiryRecorded) ? 'history.yes' : 'history.notAll'),
    declined: declined.length, suspended: suspended.length, ids: suspended.map((r) => r.id).join(t('history.listSeparator')),
  }));
  lines.push(t('history.responsiveness'));
  const column = (key: string) => t(`history.column.${key}`);
  lines.push(`  ${pad(column('side'), 12)}${pad(column('level'), 16)}${pad(column('year'), 6)}${pad(column('asked'), 7)}${pad(column('accepted'), 10)}${pad(column('declined'), 10)}${column('expired')}`);
  for (const r of rows) lines.push(`  ${pad(r.side, 12)}${pad(word('level', r.level), 16)}${pad(r.period, 6)}${pad(String(r.asked), 7)}${pad(String(r.accepted), 10)}${pad(String(r.declined), 10)}${r.expiredUnanswered}`);
  const vtc = engagements.find((e) => e.id === 'brown-liu-2023-12');
  if (vtc) {
    const people = vtc.attendance.map((a) => a.person).join(t('history.and'));
    lines.push(t('history.vtc', { id: vtc.id, requestedBy: vtc.requestedBy, time: bothSidesTime(vtc.start.utc), people }));
  }
  for (const side of [cn.side, us.side]) {
    const r = readouts.readouts[side];
    if (!r) continue;
    lines.push(t('history.readout', { side, lang: r.lang, time: bothSidesTime(r.publishedAt.utc), text: opening(r.text, READOUT_COLUMNS) }));
    for (const tr of r.translations) lines.push(t('history.translation', { lang: tr.lang, by: tr.by, text: opening(tr.text, READOUT_COLUMNS) }));
  }
  lines.push(t('history.plan', { document: plan.document, version: plan.version, held: plan.held, pending: plan.pending, missed: plan.missed }));
  for (const e of plan.entries) {
    const held = engagements.find((x) => x.id === e.engagement);
    const when = held ? t('history.heldAt', { time: bothSidesTime(held.start.utc) }) : t('history.window', { from: day(e.window.from), to: day(e.window.to) });
    lines.push(`  ${pad(e.id, 20)}${pad(word('planStatus', e.status), 8)}${named(e.title)}${when}`);
  }
  lines.push(t('history.conflicts', { conflicts: conflicts.length === 0 ? t('history.none') : conflicts.length }));
  return lines.join('\n') + '\n';
}
