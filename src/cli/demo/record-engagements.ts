import type { Bilingual, EngagementKind, Language, Level } from '../../core/index.js';
import type { HistoryWriter } from './history-writer.js';

type SideName = 'US' | 'CN';

export interface AskedFor {
  readonly request: string;
  readonly from: SideName;
  readonly level: Level;
  readonly format: EngagementKind;
  readonly channel: string | null;
  readonly sentAt: string;
  readonly respondBy: string;
  readonly start: string;
  readonly end: string;
  readonly agenda: readonly string[];
}

export interface Attendee {
  readonly side: SideName;
  readonly person: string;
  readonly position: string;
}

export interface Session {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly agenda: readonly string[];
}

export interface HeldEngagement extends AskedFor {
  readonly engagement: string;
  readonly acceptedAt: string;
  readonly attendance: readonly Attendee[];
  /** Talks and working groups: the sessions, each attended by everyone. Calls and VTCs have none. */
  readonly sessions?: readonly Session[];
  readonly planEntry?: string;
  /** Steps taken while the engagement is under way, after its last session (minutes, a plan). */
  readonly during?: (w: HistoryWriter) => Promise<void>;
}

const otherOf = (side: SideName): SideName => (side === 'US' ? 'CN' : 'US');

/** A request sent at `sentAt`, with the one time option the record knows. */
export async function ask(w: HistoryWriter, r: AskedFor): Promise<void> {
  await w.at(r.sentAt);
  await w.step(r.from, 'policy', '/requests', {
    request: r.request, level: r.level, format: r.format, channel: r.channel,
    options: [{ id: 'o1', start: r.start, end: r.end }], agenda: r.agenda, respondBy: r.respondBy,
  });
}

/** Declined by the side asked, with its stated reason. */
export async function decline(w: HistoryWriter, r: AskedFor, at: string, reason: string): Promise<void> {
  await w.at(at);
  await w.step(otherOf(r.from), 'policy', `/requests/${r.request}/decline`, { reason });
}

/**
 * An engagement held at `from`'s request: asked, accepted by the other side, scheduled by the
 * asking side, started, attended, its sessions opened and closed, ended.
 */
export async function held(w: HistoryWriter, e: HeldEngagement): Promise<void> {
  await ask(w, e);
  await w.at(e.acceptedAt);
  await w.step(otherOf(e.from), 'policy', `/requests/${e.request}/accept`, { option: 'o1' });
  await w.step(e.from, 'policy', '/engagements', { engagement: e.engagement, request: e.request, planEntry: e.planEntry ?? null });
  await w.at(e.start);
  const on = `/engagements/${e.engagement}`;
  await w.step(e.from, 'duty-officer', `${on}/start`, {});
  const attend = async (session: string | null) => {
    for (const a of e.attendance) await w.step(a.side, 'duty-officer', `${on}/attendance`, { session, person: a.person, position: a.position });
  };
  if (!e.sessions) await attend(null);
  for (const session of e.sessions ?? []) {
    await w.at(session.start);
    await w.step(e.from, 'duty-officer', `${on}/sessions`, { session: session.id, agenda: session.agenda });
    await attend(session.id);
    await w.at(session.end);
    await w.step(e.from, 'duty-officer', `${on}/sessions/${session.id}/close`, {});
  }
  await e.during?.(w);
  await w.at(e.end);
  await w.step(e.from, 'duty-officer', `${on}/end`, {});
}

/** A joint document proposed through POST /documents. */
interface DocumentProposal { readonly document: string; readonly type: string; readonly title: Bilingual; readonly content: object }
/** The minutes of an engagement, proposed through POST /engagements/:engagement/minutes. */
interface MinutesProposal { readonly minutesOf: string; readonly document: string; readonly title: Bilingual; readonly lang: Language; readonly text: string }

/** A joint document proposed by `by` and cosigned by both sides (the proposer first), by the hash the node computed: in force. */
export async function agreeDocument(w: HistoryWriter, by: SideName, at: string, doc: DocumentProposal | MinutesProposal): Promise<void> {
  await w.at(at);
  if ('minutesOf' in doc) {
    const { minutesOf, ...minutes } = doc;
    await w.step(by, 'policy', `/engagements/${minutesOf}/minutes`, minutes);
  } else {
    await w.step(by, 'policy', '/documents', doc);
  }
  const { versions } = await w.read<{ versions: { version: number; hash: string }[] }>(by, `/documents/${doc.document}`);
  const { version, hash } = versions[versions.length - 1]!;
  for (const side of [by, otherOf(by)]) await w.step(side, 'policy', `/documents/${doc.document}/cosign`, { version, hash });
}
