import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../parts/use-language.js';
import { useRecordedBy } from './record-names.js';
import { Sentence, wordKey, Written } from './sentence.js';
import type { SummaryParts } from './summary-part.js';

type PositionKind = 'position.declared' | 'position.holder_changed' | 'counterpart.paired';

export const POSITION_SUMMARIES: SummaryParts<PositionKind> = {
  'position.declared': function PositionDeclared({ body, event }) {
    const { t } = useTranslation();
    const lang = useLanguage();
    const who = useRecordedBy()(event.log);
    const values = { who, position: body.position, level: t(`summary.level.${wordKey(body.level)}`) };
    const title = <Written text={body.title[lang]} lang={lang} />;
    return body.holder === null
      ? <Sentence k="summary.positionDeclaredVacant" values={values} parts={{ title }} />
      : <Sentence k="summary.positionDeclared" values={values} parts={{ title, holder: <Written text={body.holder} /> }} />;
  },
  'position.holder_changed': function HolderChanged({ body, event }) {
    const values = { who: useRecordedBy()(event.log), position: body.position };
    return body.holder === null
      ? <Sentence k="summary.holderVacant" values={values} />
      : <Sentence k="summary.holderChanged" values={values} parts={{ holder: <Written text={body.holder} /> }} />;
  },
  'counterpart.paired': function CounterpartPaired({ body, event }) {
    const { t } = useTranslation();
    const [a, b] = body.positions;
    return <Sentence k="summary.counterpartPaired" values={{ who: useRecordedBy()(event.log), a, b, level: t(`summary.level.${wordKey(body.level)}`) }} />;
  },
};
