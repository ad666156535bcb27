import { z } from 'zod';
import { inForce, type JointDocument } from './joint-document.js';
import type { EventBody } from './event-catalogue.js';
import { IdSchema, LanguageSchema } from './vocabulary.js';

/**
 * A quote in a readout may point at a span of the agreed minutes; it is marked verified only if
 * the quoted words are exactly the words of that span in a version both sides cosigned. Spans
 * count Unicode code points, not UTF-16 units, so a quote of Chinese text lands on the same
 * characters in any language a verifier is written in.
 */
export const AgreedMinutesSchema = z.strictObject({ engagement: IdSchema, lang: LanguageSchema, text: z.string() });
export type AgreedMinutes = z.infer<typeof AgreedMinutesSchema>;

export type Quote = EventBody<'readout.published'>['quotes'][number];

export type QuoteCheck =
  | { readonly kind: 'verified' }
  /** The minutes named are not a version both sides cosigned (or not the version with that hash). */
  | { readonly kind: 'minutes-not-agreed' }
  | { readonly kind: 'span-outside-minutes' }
  /** The span holds other words than the quote: the readout misquotes the minutes. */
  | { readonly kind: 'text-differs'; readonly minutesSay: string };

export function checkQuote(quote: Quote, minutes: JointDocument): QuoteCheck {
  const version = minutes.versions.find((v) => v.version === quote.minutes.version);
  const agreed = version && (version.status === 'in-force' || version.status === 'superseded');
  if (minutes.id !== quote.minutes.document || !version || !agreed || version.hash !== quote.minutes.hash) return { kind: 'minutes-not-agreed' };
  const parsed = AgreedMinutesSchema.safeParse(version.content);
  if (!parsed.success) return { kind: 'minutes-not-agreed' };
  const points = Array.from(parsed.data.text);
  if (quote.end > points.length || quote.start >= quote.end) return { kind: 'span-outside-minutes' };
  const minutesSay = points.slice(quote.start, quote.end).join('');
  return minutesSay === quote.text ? { kind: 'verified' } : { kind: 'text-differs', minutesSay };
}

/** The span of the first occurrence of `text` in the minutes in force, for a press officer composing a quote. */
export function quoteSpan(minutes: JointDocument, text: string): { start: number; end: number } | null {
  const parsed = AgreedMinutesSchema.safeParse(inForce(minutes)?.content);
  if (!parsed.success) return null;
  const at = parsed.data.text.indexOf(text);
  if (at < 0) return null;
  const start = Array.from(parsed.data.text.slice(0, at)).length;
  return { start, end: start + Array.from(text).length };
}
