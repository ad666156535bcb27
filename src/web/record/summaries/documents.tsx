import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../parts/use-language.js';
import { useRecordedBy, useSideName } from './record-names.js';
import { Lines, Sentence, wordKey, Written } from './sentence.js';
import type { SummaryParts } from './summary-part.js';

type DocumentKind = 'translation.attached' | 'readout.draft_saved' | 'readout.published' | 'jointdoc.draft_saved' | 'jointdoc.proposed' | 'jointdoc.cosigned';

/** A text on the record, as written, in a paragraph marked with its language. */
const Paragraph = ({ text, lang }: { readonly text: string; readonly lang: string }) => <p className="message-text" lang={lang}>{text}</p>;

export const DOCUMENT_SUMMARIES: SummaryParts<DocumentKind> = {
  'translation.attached': function TranslationAttached({ body }) {
    const { t } = useTranslation();
    return (
      <Lines>
        <Sentence k="summary.translation" values={{ of: useRecordedBy()(body.of.log), seq: body.of.seq, from: t(`language.${body.from}`), into: t(`language.${body.lang}`) }} />
        <Paragraph text={body.text} lang={body.lang} />
      </Lines>
    );
  },
  'readout.draft_saved': function ReadoutDraft({ body }) {
    const { t } = useTranslation();
    return (
      <Lines>
        <Sentence k="summary.readoutDraft" values={{ engagement: body.engagement, language: t(`language.${body.lang}`) }} />
        <Paragraph text={body.text} lang={body.lang} />
      </Lines>
    );
  },
  'readout.published': function ReadoutPublished({ body, event }) {
    const { t } = useTranslation();
    return (
      <Lines>
        <Sentence k="summary.readoutPublished" values={{ who: useRecordedBy()(event.log), engagement: body.engagement, language: t(`language.${body.lang}`) }} />
        <Paragraph text={body.text} lang={body.lang} />
        {body.quotes.length > 0 && <p className="summary-meta">{t('summary.readoutQuotes', { count: body.quotes.length })}</p>}
      </Lines>
    );
  },
  'jointdoc.draft_saved': ({ body }) => <Sentence k="summary.jointDocDraft" values={{ document: body.document }} />,
  'jointdoc.proposed': function JointDocProposed({ body, event }) {
    const { t } = useTranslation();
    const lang = useLanguage();
    return (
      <Lines>
        <Sentence
          k="summary.jointDocProposed"
          values={{ who: useRecordedBy()(event.log), to: useSideName()(body.to), type: t(`summary.documentType.${wordKey(body.type)}`), version: body.version, document: body.document }}
          parts={{ title: <Written text={body.title[lang]} lang={lang} /> }}
        />
        <p className="summary-meta">{t('summary.contentHash')} <code>{body.hash}</code></p>
      </Lines>
    );
  },
  'jointdoc.cosigned': function JointDocCosigned({ body, event }) {
    const { t } = useTranslation();
    return (
      <Lines>
        <Sentence k="summary.jointDocCosigned" values={{ who: useRecordedBy()(event.log), version: body.version, document: body.document }} />
        <p className="summary-meta">{t('summary.contentHash')} <code>{body.hash}</code></p>
      </Lines>
    );
  },
};
