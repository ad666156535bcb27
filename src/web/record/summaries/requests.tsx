import { useTranslation } from 'react-i18next';
import { useRecordedBy, useSideName } from './record-names.js';
import { Agenda, Lines, Sentence, SentenceOnChannel, Times, useMeetingWords, When, Written } from './sentence.js';
import type { SummaryParts } from './summary-part.js';

type RequestKind = 'request.note_added' | 'request.sent' | 'request.accepted' | 'request.countered' | 'request.declined' | 'request.withdrawn' | 'request.expired';

export const REQUEST_SUMMARIES: SummaryParts<RequestKind> = {
  'request.note_added': function RequestNote({ body }) {
    return <Sentence k="summary.requestNote" values={{ request: body.request }} parts={{ note: <Written text={body.text} /> }} />;
  },
  'request.sent': function RequestSent({ body, event }) {
    const { t } = useTranslation();
    const values = { who: useRecordedBy()(event.log), to: useSideName()(body.to), request: body.request, ...useMeetingWords(body) };
    const parts = { times: <Times options={body.options} />, respondBy: <When iso={body.respondBy} /> };
    return (
      <Lines>
        <SentenceOnChannel k="summary.requestSent" channel={body.channel} values={values} parts={parts} />
        <Agenda items={body.agenda} />
        {body.sentWhileSuspended && <p className="summary-meta">{t('summary.sentWhileSuspended')}</p>}
      </Lines>
    );
  },
  'request.accepted': function RequestAccepted({ body, event }) {
    return <Sentence k="summary.requestAccepted" values={{ who: useRecordedBy()(event.log), request: body.request, option: body.option }} />;
  },
  'request.countered': function RequestCountered({ body, event }) {
    return (
      <Lines>
        <Sentence
          k="summary.requestCountered" values={{ who: useRecordedBy()(event.log), request: body.request }}
          parts={{ times: <Times options={body.options} />, respondBy: <When iso={body.respondBy} /> }}
        />
        <Agenda items={body.agenda} />
      </Lines>
    );
  },
  'request.declined': function RequestDeclined({ body, event }) {
    return <Sentence k="summary.requestDeclined" values={{ who: useRecordedBy()(event.log), request: body.request }} parts={{ reason: <Written text={body.reason} /> }} />;
  },
  'request.withdrawn': function RequestWithdrawn({ body, event }) {
    const values = { who: useRecordedBy()(event.log), request: body.request };
    // Withdrawing needs no reason; an empty one is not shown as an empty quote.
    return body.reason === ''
      ? <Sentence k="summary.requestWithdrawn" values={values} />
      : <Sentence k="summary.requestWithdrawnBecause" values={values} parts={{ reason: <Written text={body.reason} /> }} />;
  },
  'request.expired': function RequestExpired({ body }) {
    return <Sentence k="summary.requestExpired" values={{ request: body.request }} />;
  },
};
