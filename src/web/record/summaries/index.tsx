import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isMechanismEventKind, matchingEventBody, type MechanismEventKind } from '../../../core/index.js';
import type { RecordEvent } from '../../api/types.js';
import { CHANNEL_SUMMARIES } from './channels.js';
import { DOCUMENT_SUMMARIES } from './documents.js';
import { ENGAGEMENT_SUMMARIES } from './engagements.js';
import { POSITION_SUMMARIES } from './positions.js';
import { REQUEST_SUMMARIES } from './requests.js';
import { Sentence, wordKey } from './sentence.js';
import type { SummaryPart, SummaryParts } from './summary-part.js';

export { RecordNamesContext, type RecordNames } from './record-names.js';
export { wordKey } from './sentence.js';

/**
 * Message kinds read leniently in event-summary.tsx: bodies written before the catalogue (tests,
 * early tools) hold their text directly and must still read as messages.
 */
export type LenientKind = 'message.sent' | 'message.delivered' | 'message.seen' | 'message.acknowledged' | 'message.overdue';

/** Every other kind of the catalogue, one summary each: the type refuses a kind left out. */
const MECHANISM_SUMMARIES: SummaryParts<Exclude<MechanismEventKind, LenientKind>> = {
  ...POSITION_SUMMARIES,
  ...CHANNEL_SUMMARIES,
  ...REQUEST_SUMMARIES,
  'message.escalated': function MessageEscalated({ body }) {
    const { t } = useTranslation();
    return <Sentence k="incidents.escalatedTo" values={{ message: body.message, step: t(`incidents.step.${wordKey(body.step)}`) }} />;
  },
  ...ENGAGEMENT_SUMMARIES,
  ...DOCUMENT_SUMMARIES,
};

/**
 * The summary of a mechanism event whose body matches its kind's schema; null for any other
 * event, which the caller shows raw. Checking first means a summary never reads a missing field.
 */
export function mechanismSummary(event: RecordEvent): ReactElement | null {
  const kind = event.kind;
  if (!isMechanismEventKind(kind) || !Object.hasOwn(MECHANISM_SUMMARIES, kind)) return null;
  const body = matchingEventBody(kind, event.body);
  if (body === undefined) return null;
  const Part = MECHANISM_SUMMARIES[kind as Exclude<MechanismEventKind, LenientKind>] as SummaryPart<MechanismEventKind>;
  return <Part body={body} event={event} />;
}
