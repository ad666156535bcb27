import type { MechanismEvent } from './event-catalogue.js';
import { refuse } from './refusal.js';
import type { EventRef, Language } from './vocabulary.js';

/**
 * An interpreter's translation, attached to one specific event of the record by log, seq and
 * hash (DESIGN §2: translations are marked as such). Pointing at the hash, not only the position,
 * means a translation can never be shown beside a text it was not made from.
 */
export interface Translation {
  readonly of: EventRef;
  readonly from: Language;
  readonly lang: Language;
  readonly text: string;
  /** The interpreter's side, which signed it: a translation is that side's rendering, not the original's. */
  readonly by: string;
}

export const sameEvent = (a: EventRef, b: EventRef): boolean => a.log === b.log && a.seq === b.seq && a.hash === b.hash;

/** Checks a translation against the event it names and the language that event is in. */
export function attachTranslation(event: MechanismEvent<'translation.attached'>, original: { readonly ref: EventRef; readonly lang: Language }): Translation {
  if (!sameEvent(event.of, original.ref)) {
    refuse('E_TRANSITION_INVALID', `The translation names event ${event.of.log}#${event.of.seq}, not the one it is attached to.`, { of: event.of });
  }
  if (event.from !== original.lang) refuse('E_EVENT_BODY_INVALID', `The original is in ${original.lang}, not ${event.from}.`, { from: event.from });
  if (event.lang === event.from) refuse('E_EVENT_BODY_INVALID', 'A translation is into another language than the original.', { lang: event.lang });
  return { of: event.of, from: event.from, lang: event.lang, text: event.text, by: event.side };
}

/** The translations of one event, in the order attached. */
export const translationsOf = (ref: EventRef, translations: readonly Translation[]): Translation[] => translations.filter((t) => sameEvent(t.of, ref));
