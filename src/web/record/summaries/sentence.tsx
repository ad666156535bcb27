import type { ReactElement, ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TimeOption } from '../../../core/index.js';
import { Moment } from '../../parts/moment.js';
import { useChannelName, useClocks } from './record-names.js';

/**
 * One sentence of the record in the screen's language. Ids and names go in `values`; anything a
 * person wrote (titles, reasons, names of people, readout text) goes in `parts` as an element, so
 * it is shown exactly as written and never read as part of the sentence's markup.
 */
export function Sentence({ k, values, parts, meta = false }: {
  readonly k: string;
  readonly values?: Readonly<Record<string, string | number>>;
  readonly parts?: Readonly<Record<string, ReactElement>>;
  readonly meta?: boolean;
}) {
  return <p className={meta ? 'summary-meta' : 'summary'}><Trans i18nKey={k} values={values} components={parts} /></p>;
}

/** The sentence `k`, or, for an event on an agreed channel, the sentence `${k}OnChannel` that names it. */
export function SentenceOnChannel({ k, channel, values, parts }: {
  readonly k: string;
  readonly channel: string | null;
  readonly values: Readonly<Record<string, string | number>>;
  readonly parts: Readonly<Record<string, ReactElement>>;
}) {
  const channelName = useChannelName();
  return channel === null
    ? <Sentence k={k} values={values} parts={parts} />
    : <Sentence k={`${k}OnChannel`} values={values} parts={{ ...parts, channel: <Written text={channelName(channel)} /> }} />;
}

/** A meeting's format and level (a request's, an engagement's) as words of the screen's language. */
export function useMeetingWords(meeting: { readonly format: string; readonly level: string }): { format: string; level: string } {
  const { t } = useTranslation();
  return { format: t(`summary.format.${wordKey(meeting.format)}`), level: t(`summary.level.${wordKey(meeting.level)}`) };
}

/** A summary of more than one line: the sentence, then what it lists (agenda, text). */
export const Lines = ({ children }: { readonly children: ReactNode }) => <div className="summary">{children}</div>;

/** Text as a person wrote it, marked with its language when the record says which. */
export const Written = ({ text, lang }: { readonly text: string; readonly lang?: string | undefined }) => <span className="written" lang={lang}>{text}</span>;

/** An instant as every time on screen: UTC and both sides' clocks. */
export function When({ iso }: { readonly iso: string }) {
  return <Moment iso={iso} clocks={useClocks()} />;
}

/** The times on the table: each start, with how long it lasts; alternatives joined by "or". */
export function Times({ options }: { readonly options: readonly TimeOption[] }) {
  const { t } = useTranslation();
  return (
    <>
      {options.map((option, i) => (
        <span key={option.id} className="time-option">
          {i > 0 && t('summary.or')}
          <When iso={option.start} /> {t('summary.duration', { minutes: Math.round((Date.parse(option.end) - Date.parse(option.start)) / 60_000) })}
        </span>
      ))}
    </>
  );
}

/** What was put on the agenda, each item as written. */
export function Agenda({ items }: { readonly items: readonly string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <p className="summary-meta">
      {t('summary.agenda')} {items.map((item, i) => <span key={i}>{i > 0 && t('summary.listSeparator')}<Written text={item} /></span>)}
    </p>
  );
}

/** i18next reads dots as nesting; a kind's or vocabulary word's key uses underscores ("message.sent" → message_sent, "chief-of-staff" → chief_of_staff). */
export const wordKey = (word: string): string => word.replace(/[.-]/g, '_');
