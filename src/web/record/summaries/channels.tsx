import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChannelScope } from '../../../core/index.js';
import { useLanguage } from '../../parts/use-language.js';
import { useChannelName, useRecordedBy, useSideName } from './record-names.js';
import { Sentence, wordKey, Written } from './sentence.js';
import type { SummaryParts } from './summary-part.js';

type ChannelKind = 'channel.proposed' | 'channel.agreed' | 'channel.suspended' | 'channel.resumption_proposed' | 'channel.resumed' | 'channel.closed';

/** What a suspension or resumption covers, as words: one channel, every channel of a level, or all. */
function useScope(): (scope: ChannelScope) => string {
  const { t } = useTranslation();
  const channelName = useChannelName();
  return (scope) => scopeWords(t, scope, channelName);
}

function scopeWords(t: TFunction, scope: ChannelScope, channelName: (id: string) => string): string {
  switch (scope.kind) {
    case 'channel': return t('summary.scope.channel', { channel: channelName(scope.channel) });
    case 'level': return t('summary.scope.level', { level: t(`summary.level.${wordKey(scope.level)}`) });
    case 'all': return t('summary.scope.all');
    default: return ((never: never) => String(never))(scope);
  }
}

export const CHANNEL_SUMMARIES: SummaryParts<ChannelKind> = {
  'channel.proposed': function ChannelProposed({ body, event }) {
    const { t } = useTranslation();
    const lang = useLanguage();
    const sideName = useSideName();
    const [a, b] = body.ends;
    return (
      <Sentence
        k="summary.channelProposed"
        values={{
          who: useRecordedBy()(event.log), medium: t(`summary.medium.${wordKey(body.medium)}`), level: t(`summary.level.${wordKey(body.level)}`),
          endA: t('summary.channelEnd', { side: sideName(a.side), position: a.position }), endB: t('summary.channelEnd', { side: sideName(b.side), position: b.position }),
        }}
        parts={{ name: <Written text={body.name[lang]} lang={lang} /> }}
      />
    );
  },
  'channel.agreed': function ChannelAgreed({ body, event }) {
    return <Sentence k="summary.channelAgreed" values={{ who: useRecordedBy()(event.log) }} parts={{ channel: <Written text={useChannelName()(body.channel)} /> }} />;
  },
  'channel.suspended': function ChannelSuspended({ body, event }) {
    return <Sentence k="summary.channelSuspended" values={{ who: useRecordedBy()(event.log), scope: useScope()(body.scope) }} parts={{ reason: <Written text={body.reason} /> }} />;
  },
  'channel.resumption_proposed': function ResumptionProposed({ body, event }) {
    return <Sentence k="summary.resumptionProposed" values={{ who: useRecordedBy()(event.log), scope: useScope()(body.scope) }} />;
  },
  'channel.resumed': function ChannelResumed({ body, event }) {
    return <Sentence k="summary.channelResumed" values={{ who: useRecordedBy()(event.log), scope: useScope()(body.scope) }} />;
  },
  'channel.closed': function ChannelClosed({ body, event }) {
    return (
      <Sentence
        k="summary.channelClosed" values={{ who: useRecordedBy()(event.log) }}
        parts={{ channel: <Written text={useChannelName()(body.channel)} />, reason: <Written text={body.reason} /> }}
      />
    );
  },
};
