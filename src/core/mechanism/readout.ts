import type { EventBody, MechanismEvent } from './event-catalogue.js';
import { refuse, unhandled } from './refusal.js';
import type { Translation } from './translation.js';
import type { Instant, Language, Side } from './vocabulary.js';

/**
 * Each side's own account of an engagement (DESIGN §2). It is drafted inside the side's node —
 * drafts never cross the link — and published ONCE: a published readout is a statement on the
 * record, so a second publication is refused rather than silently replacing the first. The two
 * sides' readouts are shown side by side; neither side can touch the other's.
 */
export type ReadoutStatus = 'draft' | 'published';

export interface Readout {
  readonly engagement: string;
  readonly side: Side;
  readonly status: ReadoutStatus;
  /** The side's latest internal draft; kept on its own node only. */
  readonly draft: { readonly lang: Language; readonly text: string; readonly at: Instant } | null;
  readonly published: {
    readonly lang: Language;
    readonly text: string;
    readonly quotes: EventBody<'readout.published'>['quotes'];
    readonly at: Instant;
  } | null;
  readonly translations: readonly Translation[];
}

export type ReadoutEvent = MechanismEvent<'readout.draft_saved' | 'readout.published'>;

export function applyReadoutEvent(readout: Readout | null, event: ReadoutEvent): Readout {
  if (readout) {
    if (readout.side !== event.side) refuse('E_WRONG_SIDE', `This is ${readout.side}'s readout; ${event.side} publishes its own.`, { side: event.side });
    if (readout.engagement !== event.engagement) refuse('E_TRANSITION_INVALID', `This readout is of engagement ${readout.engagement}, not ${event.engagement}.`, {});
    if (readout.status === 'published') {
      refuse('E_READOUT_ALREADY_PUBLISHED', `${readout.side} published its readout of ${readout.engagement} at ${readout.published!.at}.`, { engagement: readout.engagement, side: readout.side });
    }
  }
  const base: Readout = readout ?? { engagement: event.engagement, side: event.side, status: 'draft', draft: null, published: null, translations: [] };
  switch (event.kind) {
    case 'readout.draft_saved':
      return { ...base, draft: { lang: event.lang, text: event.text, at: event.at } };
    case 'readout.published':
      for (const quote of event.quotes) {
        if (quote.end <= quote.start) refuse('E_EVENT_BODY_INVALID', `A quote's span ends at ${quote.end}, not after its start ${quote.start}.`, { quote });
      }
      return { ...base, status: 'published', published: { lang: event.lang, text: event.text, quotes: event.quotes, at: event.at } };
    default:
      return unhandled(event);
  }
}

/** Attaches an interpreter's translation to a published readout. */
export function attachReadoutTranslation(readout: Readout, translation: Translation): Readout {
  if (readout.status !== 'published' || !readout.published) {
    return refuse('E_READOUT_NOT_PUBLISHED', `${readout.side}'s readout of ${readout.engagement} is not published yet.`, { engagement: readout.engagement });
  }
  if (translation.lang === readout.published.lang) refuse('E_EVENT_BODY_INVALID', `The readout is already in ${translation.lang}.`, { lang: translation.lang });
  return { ...readout, translations: [...readout.translations, translation] };
}

/** The shared part of a readout: what the other side and a third party may see (never the draft). */
export function publicReadout(readout: Readout): Omit<Readout, 'draft'> | null {
  if (readout.status !== 'published') return null;
  const { draft: _draft, ...shared } = readout;
  return shared;
}
