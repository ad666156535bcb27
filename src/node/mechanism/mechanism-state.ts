import {
  EMPTY_DIRECTORY, ParleyError, type Channel, type Engagement, type EngagementRequest, type EscalationStep, type EventRef, type Instant,
  type JointDocument, type JsonValue, type Language, type Message, type PositionDirectory, type Readout, type Side, type Translation,
} from '../../core/index.js';

/**
 * Everything one link's record says, as the mechanism's machines left it: the "projection" of
 * both logs. The shared part is derived from the two signed logs only, so both nodes compute it
 * alike; the internal part (drafts, notes, escalations) comes from this node's internal log and
 * exists on this side only.
 *
 * The maps are mutated in place by the fold, but only through `planStep`'s commit, which runs
 * after every machine involved has accepted the step: a refused step leaves the state untouched.
 * A commit only sets map entries, pushes onto the lists and replaces the other fields with new
 * immutable values: that is what `StateJournal` records to undo a step.
 */
export interface MechanismState {
  directory: PositionDirectory;
  channels: readonly Channel[];
  readonly requests: Map<string, EngagementRequest>;
  readonly messages: Map<string, Message>;
  /** The `message.sent` event of each message: what a receipt and a translation name. */
  readonly messageEvents: Map<string, EventRef>;
  readonly engagements: Map<string, Engagement>;
  /** Published readouts by `readoutKey(engagement, side)`. */
  readonly readouts: Map<string, Readout>;
  readonly documents: Map<string, JointDocument>;
  /** Events that carry text in one language (text messages, readouts), by `refKey`: what a translation may attach to. */
  readonly originals: Map<string, Original>;
  readonly translations: Translation[];
  readonly internal: InternalState;
}

export interface Original {
  readonly ref: EventRef;
  readonly lang: Language;
  /** Set when the original is a readout, so its translation is shown with it. */
  readonly readout: string | null;
}

export interface InternalNote {
  readonly subject: 'request' | 'engagement';
  readonly id: string;
  readonly text: string;
  readonly at: Instant;
  readonly actor: string;
}

/** This side's own work on the link; never sent, never part of the shared state. */
export interface InternalState {
  readonly readoutDrafts: Map<string, { readonly lang: Language; readonly text: string; readonly at: Instant; readonly actor: string }>;
  readonly documentDrafts: Map<string, { readonly content: JsonValue; readonly at: Instant; readonly actor: string }>;
  readonly notes: InternalNote[];
  /** The rungs of the escalation ladder recorded per message, in order. */
  readonly escalations: Map<string, { readonly step: EscalationStep; readonly at: Instant }[]>;
}

export function emptyState(): MechanismState {
  return {
    directory: EMPTY_DIRECTORY, channels: [], requests: new Map(), messages: new Map(), messageEvents: new Map(), engagements: new Map(),
    readouts: new Map(), documents: new Map(), originals: new Map(), translations: [],
    internal: { readoutDrafts: new Map(), documentDrafts: new Map(), notes: [], escalations: new Map() },
  };
}

/** The refusal for a step or a query naming a thing the link's record does not hold. */
export function unknownSubject(what: string, id: string): never {
  throw new ParleyError('E_SUBJECT_UNKNOWN', `No ${what} ${id} is on the record of this link.`, { [what]: id });
}

export const readoutKey = (engagement: string, side: Side): string => `${engagement}|${side}`;
export const refKey = (ref: EventRef): string => `${ref.log}#${ref.seq}#${ref.hash}`;

/** A step of the fold: the machine's step plus where in the record it stands. */
export interface RecordedStep {
  readonly origin: string;
  readonly seq: number;
  readonly ref: EventRef;
  readonly actor: string;
}
