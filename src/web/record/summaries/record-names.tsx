import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkChannel } from '../../api/types.js';
import { placeName } from '../../parts/places.js';
import { useLanguage } from '../../parts/use-language.js';
import type { Clock } from '../../time/both-clocks.js';

/**
 * What a summary needs from the screen to name things as the reader knows them: both sides'
 * clocks for every time, the place behind each side's code, and the channels' agreed names. A
 * summary rendered without them still reads: times in UTC only, sides by code, channels by id.
 */
export interface RecordNames {
  readonly clocks: readonly Clock[];
  /** Place names by side code, e.g. US → "Washington". */
  readonly sides: Readonly<Record<string, string>>;
  readonly channels: readonly LinkChannel[];
}

export const RecordNamesContext = createContext<RecordNames>({ clocks: [], sides: {}, channels: [] });

export const useClocks = (): readonly Clock[] => useContext(RecordNamesContext).clocks;

/** Names a side by its place when the screen knows it, else by its code. */
export function useSideName(): (side: string) => string {
  const { sides } = useContext(RecordNamesContext);
  return (side) => sides[side] ?? side;
}

/** A channel's agreed name in the screen's language, or its id when the screen does not list it. */
export function useChannelName(): (channel: string) => string {
  const { channels } = useContext(RecordNamesContext);
  const lang = useLanguage();
  return (id) => channels.find((c) => c.id === id)?.name[lang] ?? id;
}

/**
 * The place whose node recorded the event: its log's origin starts with the node's name
 * ("washington.parley.example/beijing"), so the sentence's subject needs no lookup.
 */
export function useRecordedBy(): (log: string) => string {
  const { t } = useTranslation();
  return (log) => placeName(t, log.split('/')[0]?.split('.')[0] ?? log);
}
