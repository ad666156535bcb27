import { z } from 'zod';

/**
 * The words every part of the mechanism shares, as zod schemas so that the node, the web app
 * and the state machines check one definition (STYLE rule 10). Types are inferred from them.
 */

// One spelling per instant, the same rule as an event's `ts` (docs/record.md): RFC 3339, UTC, milliseconds.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const InstantSchema = z
  .string()
  .regex(INSTANT, 'a UTC time like 2023-12-21T13:00:00.000Z')
  .refine((text) => !Number.isNaN(Date.parse(text)), 'a real calendar time');
/** RFC 3339 UTC with milliseconds, e.g. `2023-12-21T13:00:00.000Z`. */
export type Instant = z.infer<typeof InstantSchema>;

/** A side of a link, by its ISO 3166 alpha-2 or alpha-3 code (`US`, `CN`). */
export const SideSchema = z.string().regex(/^[A-Z]{2,3}$/, 'a country code like US or CN');
export type Side = z.infer<typeof SideSchema>;

/** Ids are chosen by the side that creates the thing; lowercase-safe so they read well in URLs. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'an id of letters, digits and . _ : -');

export const LEVELS = ['minister', 'chief-of-staff', 'theater', 'policy', 'working'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const PRECEDENCES = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'] as const;
export const PrecedenceSchema = z.enum(PRECEDENCES);
export type Precedence = z.infer<typeof PrecedenceSchema>;

/** The two working languages: each side writes in its own (DESIGN §2), and everything a person reads exists in both. */
export const LANGUAGES = ['en', 'zh'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Text every reader sees in both working languages. */
export const BilingualSchema = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** Names one event of the record by position and hash, as an event's `peer` does. */
export const EventRefSchema = z.strictObject({
  log: z.string().min(1).max(255),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
});
export type EventRef = z.infer<typeof EventRefSchema>;

export const ENGAGEMENT_KINDS = ['call', 'vtc', 'talks', 'visit', 'working-group'] as const;
export const EngagementKindSchema = z.enum(ENGAGEMENT_KINDS);
export type EngagementKind = z.infer<typeof EngagementKindSchema>;

/** One proposed time for an engagement. */
export const TimeOptionSchema = z.strictObject({ id: IdSchema, start: InstantSchema, end: InstantSchema });
export type TimeOption = z.infer<typeof TimeOptionSchema>;

export const CHANNEL_MEDIA = ['direct-line', 'secure-vtc', 'dialogue'] as const;
export const ChannelMediumSchema = z.enum(CHANNEL_MEDIA);
export type ChannelMedium = z.infer<typeof ChannelMediumSchema>;

/** What a suspension or resumption covers: one channel, every channel of a level, or all of them (Aug 2022 was several at once). */
export const ChannelScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('channel'), channel: IdSchema }),
  z.strictObject({ kind: z.literal('level'), level: LevelSchema }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type ChannelScope = z.infer<typeof ChannelScopeSchema>;

/** Minutes allowed to acknowledge, per precedence; a channel's terms may override any of them. */
export const AckMinutesSchema = z.strictObject({
  FLASH: z.number().int().positive().optional(),
  IMMEDIATE: z.number().int().positive().optional(),
  PRIORITY: z.number().int().positive().optional(),
  ROUTINE: z.number().int().positive().optional(),
});
export type AckMinutes = z.infer<typeof AckMinutesSchema>;

export const JOINT_DOCUMENT_TYPES = ['agreed-minutes', 'engagement-plan', 'notification-template', 'code-list', 'channel-terms'] as const;
export const JointDocumentTypeSchema = z.enum(JOINT_DOCUMENT_TYPES);
export type JointDocumentType = z.infer<typeof JointDocumentTypeSchema>;
