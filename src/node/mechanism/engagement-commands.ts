import { z } from 'zod';
import { contentHash, engagementToSchedule, EVENT_CATALOGUE, LanguageSchema, type JsonValue } from '../../core/index.js';
import { readoutKey, type MechanismState } from './mechanism-state.js';
import { command, found, type CommandRoute } from './route-table.js';

const C = EVENT_CATALOGUE;
const forEngagement = (input: object, params: Readonly<Record<string, string>>) => ({ ...input, engagement: params.engagement });
const TranslationInputSchema = z.strictObject({ lang: LanguageSchema, text: C['translation.attached'].body.shape.text });

/** The next version of a document, with the hash both sides will cosign: computed here so a proposal cannot carry a wrong one. */
function proposal(state: MechanismState, document: string, content: JsonValue) {
  return { version: (state.documents.get(document)?.versions.length ?? 0) + 1, content, hash: contentHash(content) };
}

/** Engagements, readouts and joint documents: this side's steps on the link. */
export const ENGAGEMENT_COMMANDS: readonly CommandRoute[] = [
  command('engagement.scheduled', '/engagements', 'Schedule an engagement from an accepted request',
    C['engagement.scheduled'].body.pick({ engagement: true, request: true }).extend({
      planEntry: C['engagement.scheduled'].body.shape.planEntry.default(null), agenda: C['engagement.scheduled'].body.shape.agenda.optional(),
    }),
    (input, _params, { state }) => {
      const scheduled = engagementToSchedule(found(state.requests.get(input.request), 'request', input.request), input.engagement, input.planEntry);
      return { ...scheduled, agenda: input.agenda ?? scheduled.agenda };
    }),
  command('engagement.started', '/engagements/:engagement/start', 'Start an engagement', z.strictObject({}), forEngagement),
  command('engagement.attended', '/engagements/:engagement/attendance', 'Record who attended (a session, or the whole call)', C['engagement.attended'].body.omit({ engagement: true }), forEngagement),
  command('engagement.session_opened', '/engagements/:engagement/sessions', 'Open a session of talks, with its agenda', C['engagement.session_opened'].body.omit({ engagement: true }), forEngagement),
  command('engagement.session_closed', '/engagements/:engagement/sessions/:session/close', 'Close the open session', z.strictObject({}),
    (_input, params) => ({ engagement: params.engagement, session: params.session })),
  command('engagement.ended', '/engagements/:engagement/end', 'End an engagement: it is held', z.strictObject({}), forEngagement),
  command('engagement.postponed', '/engagements/:engagement/postpone', 'Postpone a scheduled engagement, with a reason', C['engagement.postponed'].body.omit({ engagement: true }), forEngagement),
  command('engagement.rescheduled', '/engagements/:engagement/reschedule', 'Give a postponed engagement a new time', C['engagement.rescheduled'].body.omit({ engagement: true }), forEngagement),
  command('engagement.cancelled', '/engagements/:engagement/cancel', 'Cancel an engagement, with a reason', C['engagement.cancelled'].body.omit({ engagement: true }), forEngagement),
  command('engagement.note_added', '/engagements/:engagement/notes', 'Add an internal note to an engagement (stays on this node)', C['engagement.note_added'].body.omit({ engagement: true }), forEngagement),
  command('jointdoc.proposed', '/engagements/:engagement/minutes', 'Propose the minutes of an engagement as a joint document (next version)',
    z.strictObject({ document: C['jointdoc.proposed'].body.shape.document, title: C['jointdoc.proposed'].body.shape.title, lang: LanguageSchema, text: z.string().min(1) }),
    (input, params, { state, peerSide }) => {
      found(state.engagements.get(params.engagement!), 'engagement', params.engagement!);
      const content = { engagement: params.engagement!, lang: input.lang, text: input.text };
      return { document: input.document, to: peerSide, type: 'agreed-minutes', title: input.title, ...proposal(state, input.document, content) };
    }),

  command('readout.draft_saved', '/readouts/:engagement/draft', 'Save this side\'s readout draft (stays on this node)', C['readout.draft_saved'].body.omit({ engagement: true }), forEngagement),
  command('readout.published', '/readouts/:engagement/publish', 'Publish this side\'s readout, once', C['readout.published'].body.omit({ engagement: true }).extend({
    quotes: C['readout.published'].body.shape.quotes.default([]),
  }), forEngagement),
  command('translation.attached', '/readouts/:engagement/:side/translations', 'Attach a translation of a published readout', TranslationInputSchema, (input, params, { state }) => {
    const key = readoutKey(params.engagement!, params.side!);
    const original = found([...state.originals.values()].find((o) => o.readout === key), 'readout', `${params.engagement} of ${params.side}`);
    return { of: original.ref, from: original.lang, ...input };
  }),

  command('jointdoc.proposed', '/documents', 'Propose a joint document, or its next version', C['jointdoc.proposed'].body.pick({ document: true, type: true, title: true, content: true }),
    (input, _params, { state, peerSide }) => ({ document: input.document, to: peerSide, type: input.type, title: input.title, ...proposal(state, input.document, input.content) })),
  command('jointdoc.draft_saved', '/documents/:document/draft', 'Save a draft of a joint document (stays on this node)', C['jointdoc.draft_saved'].body.omit({ document: true }),
    (input, params) => ({ ...input, document: params.document })),
  command('jointdoc.cosigned', '/documents/:document/cosign', 'Cosign a version of a joint document by its content hash', C['jointdoc.cosigned'].body.omit({ document: true }),
    (input, params) => ({ ...input, document: params.document })),
];
