import type { DemoSide } from './demo-sides.js';
import { bothSidesTime } from './local-times.js';
import type { OperatorApi } from './operator-api.js';
import { LAST_ENGAGEMENT } from './record-history.js';

/** What the summary reads, as the node's API answers it (docs/api.md), as far as it is shown. */
interface Time { readonly utc: string }
interface ChannelView { readonly id: string; readonly name: { en: string }; readonly level: string; readonly status: string; readonly suspension: { by: string; at: Time; reason: string } | null }
interface RequestView { readonly id: string; readonly from: string; readonly level: string; readonly sentAt: Time; readonly status: string; readonly sentWhileSuspended: boolean; readonly expiryRecorded: boolean; readonly reason: string | null }
interface ResponsivenessRow { readonly side: string; readonly level: string; readonly period: string; readonly asked: number; readonly accepted: number; readonly declined: number; readonly expiredUnanswered: number }
interface ReadoutView { readonly lang: string; readonly text: string; readonly publishedAt: Time; readonly translations: readonly { lang: string; text: string; by: string }[] }
interface EngagementView { readonly id: string; readonly requestedBy: string; readonly start: Time; readonly status: string; readonly attendance: readonly { person: string }[] }
interface PlanView { readonly document: string; readonly version: number; readonly held: number; readonly pending: number; readonly missed: number; readonly entries: readonly { id: string; title: { en: string }; window: { from: Time; to: Time }; status: string; engagement: string | null }[] }
interface RecordEvent { readonly kind: string; readonly ts: string; readonly body: { scope?: { kind: string; level?: string } } }

export type HistoryState = 'complete' | 'partial' | 'absent';

/** Whether this node's record holds the whole reconstructed history, part of it (an earlier run was cut short) or none (a demo made before it). */
export async function historyState(api: OperatorApi, peer: string): Promise<HistoryState> {
  const engagements = await api.read<EngagementView[]>(peer, '/engagements');
  if (engagements.some((e) => e.id === LAST_ENGAGEMENT && e.status === 'held')) return 'complete';
  const { positions } = await api.read<{ positions: unknown[] }>(peer, '/positions');
  return positions.length > 0 || engagements.length > 0 ? 'partial' : 'absent';
}

/** The opening of a text, as much as fits `columns` of a terminal (a CJK character takes two). */
function opening(text: string, columns = 96): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (used > columns - 1) return out + '…';
    out += ch;
  }
  return out;
}
const day = (t: Time | string): string => (typeof t === 'string' ? t : t.utc).slice(0, 10);
const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(1, width - [...text].length));

async function scopedSteps(api: OperatorApi, peer: string): Promise<string[]> {
  const logs = await Promise.all(['own', 'peer'].map((log) => api.read<{ events: RecordEvent[] }>(peer, `/events?log=${log}&limit=1000`)));
  const side = (log: number) => (log === 0 ? 'own' : 'peer');
  return logs.flatMap(({ events }, i) => events.filter((e) => e.kind.startsWith('channel.s') || e.kind.startsWith('channel.res')).map((e) => ({ e, by: side(i) })))
    .sort((a, b) => a.e.ts.localeCompare(b.e.ts))
    .map(({ e, by }) => `${day(e.ts)} ${by === 'own' ? 'US' : 'CN'} ${e.kind.replace('channel.', '').replace('_', ' ')} (${e.body.scope?.kind === 'level' ? `level ${e.body.scope.level}` : e.body.scope?.kind ?? ''})`);
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
    'The 2020-2024 public record, reconstructed: written on the first run through both nodes\' APIs on a simulated clock set to each historical date,',
    'so every event carries its historical time; the actors are marked "(reconstructed from the public record)". Nothing of it was signed before this machine made its keys.',
    `Channels (${us.label}'s view; ${cn.label}'s is the same):`,
    ...channels.map((c) => `  ${pad(c.id, 14)}${pad(c.level, 15)}${pad(c.status, 10)}${c.name.en}`),
    `  suspension and resumption: ${steps.join('; ')}`,
  ];
  const suspended = requests.filter((r) => r.sentWhileSuspended);
  const expired = requests.filter((r) => r.status === 'expired');
  const declined = requests.filter((r) => r.status === 'declined');
  lines.push(`Requests: ${requests.length}; ${expired.length} expired unanswered (each expiry recorded by the asking node: ${expired.every((r) => r.expiryRecorded) ? 'yes' : 'not all'}), ` +
    `${declined.length} declined with a reason, ${suspended.length} sent while the channel was suspended (${suspended.map((r) => r.id).join(', ')}).`);
  lines.push('Responsiveness (GET /responsiveness: the side asked, per level and year):');
  lines.push(`  ${pad('asked side', 12)}${pad('level', 16)}${pad('year', 6)}${pad('asked', 7)}${pad('accepted', 10)}${pad('declined', 10)}expired`);
  for (const r of rows) lines.push(`  ${pad(r.side, 12)}${pad(r.level, 16)}${pad(r.period, 6)}${pad(String(r.asked), 7)}${pad(String(r.accepted), 10)}${pad(String(r.declined), 10)}${r.expiredUnanswered}`);
  const vtc = engagements.find((e) => e.id === 'brown-liu-2023-12');
  if (vtc) lines.push(`21 Dec 2023 VTC ${vtc.id}, held at ${vtc.requestedBy}'s request, ${bothSidesTime(vtc.start.utc)}; ${vtc.attendance.map((a) => a.person).join(' and ')}. Readouts side by side:`);
  for (const side of [cn.side, us.side]) {
    const r = readouts.readouts[side];
    if (!r) continue;
    lines.push(`  ${side} (${r.lang}, ${bothSidesTime(r.publishedAt.utc)}): ${opening(r.text)}`);
    for (const t of r.translations) lines.push(`     ${t.lang}, translated by ${t.by}'s interpreter: ${opening(t.text)}`);
  }
  lines.push(`Plan in force: ${plan.document} version ${plan.version}, held ${plan.held}, pending ${plan.pending}, missed ${plan.missed}:`);
  for (const e of plan.entries) {
    const held = engagements.find((x) => x.id === e.engagement);
    lines.push(`  ${pad(e.id, 20)}${pad(e.status, 8)}${e.title.en}${held ? `, held ${bothSidesTime(held.start.utc)}` : `, ${day(e.window.from)} to ${day(e.window.to)}`}`);
  }
  lines.push(`Conflicts on the record (GET /conflicts): ${conflicts.length === 0 ? 'none' : conflicts.length}.`);
  return lines.join('\n') + '\n';
}
