import { z } from 'zod';
import { ParleyError } from '../errors/index.js';
import { refuse } from './refusal.js';
import {
  AckMinutesSchema, BilingualSchema, ChannelMediumSchema, ChannelScopeSchema, EngagementKindSchema, EventRefSchema, IdSchema,
  InstantSchema, JointDocumentTypeSchema, LanguageSchema, LevelSchema, PrecedenceSchema, SideSchema, TimeOptionSchema,
  type Instant, type Side,
} from './vocabulary.js';

/**
 * Every kind of event the mechanism produces, with the schema of its body: the one place the
 * node (before it signs), its peer (when it receives) and the web app (before it sends) check
 * a body. This file is longer than most on purpose: the catalogue is read as one table.
 *
 * `shared` events are signed into the node's log and cross the link. `internal` events are a
 * side's own work (drafts, notes, escalations on its own watch floor); they stay in that node's
 * internal tables and must never be sent to the peer (DESIGN §1).
 */
const shared = <T extends z.ZodType>(body: T) => ({ scope: 'shared' as const, body });
const internal = <T extends z.ZodType>(body: T) => ({ scope: 'internal' as const, body });

const Reason = z.string().min(1).max(4000);
const Text = z.string().min(1).max(100_000);

export const MessageContentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), lang: LanguageSchema, text: Text }),
  z.strictObject({ kind: z.literal('short-code'), list: IdSchema, code: z.string().min(1).max(32) }),
  z.strictObject({ kind: z.literal('notification'), template: IdSchema, values: z.record(z.string(), z.json()) }),
]);

export const QuoteSchema = z.strictObject({
  text: z.string().min(1),
  minutes: z.strictObject({ document: IdSchema, version: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Code-point offsets into the minutes' text, end exclusive. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const ChannelEndSchema = z.strictObject({ side: SideSchema, position: IdSchema });

export const EVENT_CATALOGUE = {
  // Positions and levels
  'position.declared': shared(z.strictObject({ position: IdSchema, level: LevelSchema, title: BilingualSchema, holder: z.string().min(1).nullable() })),
  'position.holder_changed': shared(z.strictObject({ position: IdSchema, holder: z.string().min(1).nullable() })),
  'counterpart.paired': shared(z.strictObject({ level: LevelSchema, positions: z.tuple([IdSchema, IdSchema]) })),

  // Channels
  'channel.proposed': shared(z.strictObject({
    channel: IdSchema, medium: ChannelMediumSchema, name: BilingualSchema, level: LevelSchema,
    ends: z.tuple([ChannelEndSchema, ChannelEndSchema]), ackMinutes: AckMinutesSchema,
  })),
  'channel.agreed': shared(z.strictObject({ channel: IdSchema })),
  'channel.suspended': shared(z.strictObject({ scope: ChannelScopeSchema, reason: Reason })),
  'channel.resumption_proposed': shared(z.strictObject({ scope: ChannelScopeSchema })),
  'channel.resumed': shared(z.strictObject({ scope: ChannelScopeSchema })),
  'channel.closed': shared(z.strictObject({ channel: IdSchema, reason: Reason })),

  // Engagement requests
  'request.note_added': internal(z.strictObject({ request: IdSchema, text: Text })),
  'request.sent': shared(z.strictObject({
    request: IdSchema, to: SideSchema, level: LevelSchema, format: EngagementKindSchema, channel: IdSchema.nullable(),
    options: z.array(TimeOptionSchema).min(1).max(20), agenda: z.array(z.string().min(1)).max(50),
    respondBy: InstantSchema, sentWhileSuspended: z.boolean(),
  })),
  'request.accepted': shared(z.strictObject({ request: IdSchema, option: IdSchema })),
  'request.countered': shared(z.strictObject({
    request: IdSchema, options: z.array(TimeOptionSchema).min(1).max(20), agenda: z.array(z.string().min(1)).max(50), respondBy: InstantSchema,
  })),
  'request.declined': shared(z.strictObject({ request: IdSchema, reason: Reason })),
  'request.withdrawn': shared(z.strictObject({ request: IdSchema, reason: z.string().max(4000) })),
  'request.expired': shared(z.strictObject({ request: IdSchema })),

  // Messages, notifications, translations
  'message.sent': shared(z.strictObject({
    message: IdSchema, channel: IdSchema, to: SideSchema, precedence: PrecedenceSchema, thread: IdSchema, inReplyTo: IdSchema.nullable(),
    content: MessageContentSchema, ackDeadline: InstantSchema, sentWhileSuspended: z.boolean(),
  })),
  /** Written by the receiving node on receipt, naming the exact event it received. */
  'message.delivered': shared(z.strictObject({ message: IdSchema, receipt: EventRefSchema })),
  'message.seen': shared(z.strictObject({ message: IdSchema })),
  'message.acknowledged': shared(z.strictObject({ message: IdSchema })),
  'message.overdue': shared(z.strictObject({ message: IdSchema })),
  'message.escalated': internal(z.strictObject({ message: IdSchema, step: z.enum(['duty-officer', 'next-duty-role', 'principal']) })),
  'translation.attached': shared(z.strictObject({ of: EventRefSchema, from: LanguageSchema, lang: LanguageSchema, text: Text })),

  // Engagements
  'engagement.scheduled': shared(z.strictObject({
    engagement: IdSchema, request: IdSchema, format: EngagementKindSchema, level: LevelSchema, channel: IdSchema.nullable(),
    start: InstantSchema, end: InstantSchema, agenda: z.array(z.string().min(1)).max(50),
    /** The entry of the annual engagement plan this engagement carries out, if any. */
    planEntry: IdSchema.nullable(),
  })),
  'engagement.started': shared(z.strictObject({ engagement: IdSchema })),
  'engagement.attended': shared(z.strictObject({ engagement: IdSchema, session: IdSchema.nullable(), person: z.string().min(1), position: IdSchema.nullable() })),
  'engagement.session_opened': shared(z.strictObject({ engagement: IdSchema, session: IdSchema, agenda: z.array(z.string().min(1)).max(50) })),
  'engagement.session_closed': shared(z.strictObject({ engagement: IdSchema, session: IdSchema })),
  'engagement.ended': shared(z.strictObject({ engagement: IdSchema })),
  'engagement.postponed': shared(z.strictObject({ engagement: IdSchema, reason: Reason })),
  'engagement.rescheduled': shared(z.strictObject({ engagement: IdSchema, start: InstantSchema, end: InstantSchema })),
  'engagement.cancelled': shared(z.strictObject({ engagement: IdSchema, reason: Reason })),
  'engagement.note_added': internal(z.strictObject({ engagement: IdSchema, text: Text })),

  // Readouts
  'readout.draft_saved': internal(z.strictObject({ engagement: IdSchema, lang: LanguageSchema, text: Text })),
  'readout.published': shared(z.strictObject({ engagement: IdSchema, lang: LanguageSchema, text: Text, quotes: z.array(QuoteSchema).max(100) })),

  // Joint documents
  'jointdoc.draft_saved': internal(z.strictObject({ document: IdSchema, content: z.json() })),
  'jointdoc.proposed': shared(z.strictObject({
    document: IdSchema, to: SideSchema, type: JointDocumentTypeSchema, title: BilingualSchema, version: z.number().int().min(1),
    content: z.json(), hash: z.string().regex(/^[0-9a-f]{64}$/),
  })),
  'jointdoc.cosigned': shared(z.strictObject({ document: IdSchema, version: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })),
} as const;

type Catalogue = typeof EVENT_CATALOGUE;
export type MechanismEventKind = keyof Catalogue;
export type EventBody<K extends MechanismEventKind> = z.infer<Catalogue[K]['body']>;

/** A step as a state machine sees it: the body, plus which side's node took it and when (the event's `ts`). */
export type MechanismEvent<K extends MechanismEventKind = MechanismEventKind> = K extends MechanismEventKind
  ? { readonly kind: K; readonly side: Side; readonly at: Instant } & EventBody<K>
  : never;

const kindsOf = (scope: 'shared' | 'internal'): MechanismEventKind[] =>
  (Object.keys(EVENT_CATALOGUE) as MechanismEventKind[]).filter((kind) => EVENT_CATALOGUE[kind].scope === scope);
/** Kinds signed into the log and sent to the peer. */
export const SHARED_EVENT_KINDS: readonly MechanismEventKind[] = kindsOf('shared');
/** Kinds kept in the side's own node: never signed into the shared log, never sent. */
export const INTERNAL_EVENT_KINDS: readonly MechanismEventKind[] = kindsOf('internal');

export const isMechanismEventKind = (kind: string): kind is MechanismEventKind => Object.hasOwn(EVENT_CATALOGUE, kind);

/** Whether events of this kind cross the link. A kind outside the catalogue is refused, not guessed. */
export function crossesLink(kind: string): boolean {
  if (!isMechanismEventKind(kind)) refuse('E_EVENT_KIND_UNKNOWN', `"${kind}" is not a mechanism event kind.`, { kind });
  return EVENT_CATALOGUE[kind].scope === 'shared';
}

/** Checks a body against its kind's schema; the refusal lists every field problem by path. */
export function parseEventBody<K extends MechanismEventKind>(kind: K, body: unknown): EventBody<K>;
export function parseEventBody(kind: string, body: unknown): unknown;
export function parseEventBody(kind: string, body: unknown): unknown {
  if (!isMechanismEventKind(kind)) refuse('E_EVENT_KIND_UNKNOWN', `"${kind}" is not a mechanism event kind.`, { kind });
  const checked = checkedBody(kind, body);
  if ('data' in checked) return checked.data;
  throw checked.refusal();
}

/** The body if it matches its kind's schema, else undefined: for readers that skip what does not match. */
export function matchingEventBody<K extends MechanismEventKind>(kind: K, body: unknown): EventBody<K> | undefined {
  const checked = checkedBody(kind, body);
  return 'data' in checked ? (checked.data as EventBody<K>) : undefined;
}

/** The message and details of a body its kind's schema refuses: every field problem, by path. */
function spellRefusal(kind: MechanismEventKind, body: unknown): { readonly message: string; readonly details: Record<string, unknown> } {
  const result = EVENT_CATALOGUE[kind].body.safeParse(body);
  const issues = result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return { message: `The body of a ${kind} event is invalid: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}.`, details: { kind, issues } };
}

type CheckedBody = { readonly kind: string; readonly data: unknown } | { readonly kind: string; readonly refusal: () => ParleyError };

/**
 * Bodies already checked, by identity. A node parses each event once (its readers share the
 * parsed event, which none of them changes) and then both the mechanism's fold and the search
 * index check its body: the second check is the first one's answer.
 */
const checkedBodies = new WeakMap<object, CheckedBody>();

function checkedBody(kind: MechanismEventKind, body: unknown): CheckedBody {
  const key = typeof body === 'object' && body !== null ? body : null;
  const known = key && checkedBodies.get(key);
  if (known && known.kind === kind) return known;
  const result = EVENT_CATALOGUE[kind].body.safeParse(body);
  let checked: CheckedBody;
  if (result.success) {
    checked = { kind, data: result.data };
  } else {
    // Made only for a reader that refuses (the index only skips such a body), and spelled out
    // only when read: the fold keeps the refusal as a conflict, read when someone lists them.
    // It keeps the body, not the schema's error: each of the error's issues holds the input and
    // the schema, and its messages are strings built in pieces; a fold keeps every conflict it
    // meets. When the refusal is read the body is checked again (it is never changed).
    let refusal: ParleyError | undefined;
    checked = { kind, refusal: () => (refusal ??= ParleyError.deferred('E_EVENT_BODY_INVALID', () => spellRefusal(kind, body))) };
  }
  if (key) checkedBodies.set(key, checked);
  return checked;
}

/** Turns a record event (kind, ts, body; the side is its log's owner) into the step a machine takes. */
export function toMechanismEvent(event: { readonly kind: string; readonly ts: string; readonly body: unknown }, side: Side): MechanismEvent {
  const body = parseEventBody(event.kind, event.body) as object;
  return { ...body, kind: event.kind, side, at: event.ts } as MechanismEvent;
}

/** The record body of a step: what the node signs. Drops the envelope fields the event itself carries. */
export function eventBodyOf<K extends MechanismEventKind>(event: MechanismEvent<K>): EventBody<K> {
  const { kind, side: _side, at: _at, ...body } = event as MechanismEvent<K> & Record<string, unknown>;
  return parseEventBody(kind as K, body);
}
