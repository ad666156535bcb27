import { useTranslation } from 'react-i18next';
import { useRecordedBy } from './record-names.js';
import { Agenda, Lines, Sentence, SentenceOnChannel, useMeetingWords, When, Written } from './sentence.js';
import type { SummaryParts } from './summary-part.js';

type EngagementKind =
  | 'engagement.scheduled' | 'engagement.started' | 'engagement.attended' | 'engagement.session_opened' | 'engagement.session_closed'
  | 'engagement.ended' | 'engagement.postponed' | 'engagement.rescheduled' | 'engagement.cancelled' | 'engagement.note_added';

export const ENGAGEMENT_SUMMARIES: SummaryParts<EngagementKind> = {
  'engagement.scheduled': function EngagementScheduled({ body, event }) {
    const { t } = useTranslation();
    const values = { who: useRecordedBy()(event.log), engagement: body.engagement, request: body.request, ...useMeetingWords(body) };
    const parts = { start: <When iso={body.start} />, end: <When iso={body.end} /> };
    return (
      <Lines>
        <SentenceOnChannel k="summary.engagementScheduled" channel={body.channel} values={values} parts={parts} />
        <Agenda items={body.agenda} />
        {body.planEntry !== null && <p className="summary-meta">{t('summary.planEntry', { entry: body.planEntry })}</p>}
      </Lines>
    );
  },
  'engagement.started': ({ body }) => <Sentence k="summary.engagementStarted" values={{ engagement: body.engagement }} />,
  'engagement.attended': function EngagementAttended({ body }) {
    const { t } = useTranslation();
    const values = { engagement: body.engagement, position: body.position ?? '' };
    const person = { person: <Written text={body.person} /> };
    return (
      <Lines>
        <Sentence k={body.position === null ? 'summary.attended' : 'summary.attendedAs'} values={values} parts={person} />
        {body.session !== null && <p className="summary-meta">{t('summary.inSession', { session: body.session })}</p>}
      </Lines>
    );
  },
  'engagement.session_opened': ({ body }) => (
    <Lines>
      <Sentence k="summary.sessionOpened" values={{ engagement: body.engagement, session: body.session }} />
      <Agenda items={body.agenda} />
    </Lines>
  ),
  'engagement.session_closed': ({ body }) => <Sentence k="summary.sessionClosed" values={{ engagement: body.engagement, session: body.session }} />,
  'engagement.ended': ({ body }) => <Sentence k="summary.engagementEnded" values={{ engagement: body.engagement }} />,
  'engagement.postponed': function EngagementPostponed({ body, event }) {
    return <Sentence k="summary.engagementPostponed" values={{ who: useRecordedBy()(event.log), engagement: body.engagement }} parts={{ reason: <Written text={body.reason} /> }} />;
  },
  'engagement.rescheduled': function EngagementRescheduled({ body, event }) {
    return (
      <Sentence
        k="summary.engagementRescheduled" values={{ who: useRecordedBy()(event.log), engagement: body.engagement }}
        parts={{ start: <When iso={body.start} />, end: <When iso={body.end} /> }}
      />
    );
  },
  'engagement.cancelled': function EngagementCancelled({ body, event }) {
    return <Sentence k="summary.engagementCancelled" values={{ who: useRecordedBy()(event.log), engagement: body.engagement }} parts={{ reason: <Written text={body.reason} /> }} />;
  },
  'engagement.note_added': ({ body }) => <Sentence k="summary.engagementNote" values={{ engagement: body.engagement }} parts={{ note: <Written text={body.text} /> }} />,
};
