import type { Bilingual, ChannelMedium, Level } from '../../core/index.js';
import type { HistoryWriter } from './history-writer.js';

/*
 * Who is who on the link, and the channels between them, as the public record of 2020-2024
 * names them (DESIGN §2). The channels existed before October 2020, where the demo's record
 * begins; the demo has each one proposed by a side and agreed by the other at that start, so the
 * record holds them the way a new link would. Which side proposed which is the demo's choice.
 */

export const RECORD_START = '2020-10-01T12:00:00.000Z';

interface Position {
  readonly side: 'US' | 'CN';
  readonly position: string;
  readonly level: Level;
  readonly title: Bilingual;
  /** Null where the public record the demo follows does not name the holder at the start. */
  readonly holder: string | null;
}

export const POSITIONS: readonly Position[] = [
  { side: 'US', position: 'us-secdef', level: 'minister', title: { en: 'Secretary of Defense', zh: '美国国防部长' }, holder: 'Mark T. Esper' },
  { side: 'US', position: 'us-cjcs', level: 'chief-of-staff', title: { en: 'Chairman of the Joint Chiefs of Staff', zh: '美军参谋长联席会议主席' }, holder: 'Gen. Mark A. Milley' },
  { side: 'US', position: 'us-indopacom', level: 'theater', title: { en: 'Commander, US Indo-Pacific Command', zh: '美军印太司令部司令' }, holder: 'Adm. Philip S. Davidson' },
  { side: 'US', position: 'us-dasd-china', level: 'policy', title: { en: 'Deputy Assistant Secretary of Defense for China', zh: '美国负责中国事务的国防部副助理部长' }, holder: null },
  { side: 'US', position: 'us-mmca', level: 'working', title: { en: 'Head of the US MMCA delegation', zh: '美方海上军事安全磋商机制代表团团长' }, holder: null },
  { side: 'CN', position: 'cn-mnd', level: 'minister', title: { en: 'Minister of National Defense', zh: '国防部长' }, holder: '魏凤和 (Gen. Wei Fenghe)' },
  { side: 'CN', position: 'cn-jsd', level: 'chief-of-staff', title: { en: 'Chief of the CMC Joint Staff Department', zh: '中央军委联合参谋部参谋长' }, holder: '李作成 (Gen. Li Zuocheng)' },
  { side: 'CN', position: 'cn-eastern', level: 'theater', title: { en: 'Commander, PLA Eastern Theater Command', zh: '东部战区司令员' }, holder: null },
  { side: 'CN', position: 'cn-southern', level: 'theater', title: { en: 'Commander, PLA Southern Theater Command', zh: '南部战区司令员' }, holder: null },
  { side: 'CN', position: 'cn-oimc', level: 'policy', title: { en: 'Deputy Director, CMC Office for International Military Cooperation', zh: '中央军委国际军事合作办公室副主任' }, holder: null },
  { side: 'CN', position: 'cn-mmca', level: 'working', title: { en: 'Head of the PLA MMCA delegation', zh: '中方海上军事安全磋商机制代表团团长' }, holder: null },
];

export const COUNTERPARTS: readonly { readonly level: Level; readonly positions: readonly [string, string] }[] = [
  { level: 'minister', positions: ['us-secdef', 'cn-mnd'] },
  { level: 'chief-of-staff', positions: ['us-cjcs', 'cn-jsd'] },
  { level: 'theater', positions: ['us-indopacom', 'cn-eastern'] },
  { level: 'theater', positions: ['us-indopacom', 'cn-southern'] },
  { level: 'policy', positions: ['us-dasd-china', 'cn-oimc'] },
  { level: 'working', positions: ['us-mmca', 'cn-mmca'] },
];

interface ChannelSpec {
  readonly proposedBy: 'US' | 'CN';
  readonly channel: string;
  readonly medium: ChannelMedium;
  readonly name: Bilingual;
  readonly level: Level;
  readonly ends: readonly [string, string];
}

export const CHANNELS: readonly ChannelSpec[] = [
  { proposedBy: 'US', channel: 'dtl', medium: 'direct-line', name: { en: 'Defense Telephone Link', zh: '中美国防部直通电话' }, level: 'minister', ends: ['us-secdef', 'cn-mnd'] },
  { proposedBy: 'US', channel: 'svtc', medium: 'secure-vtc', name: { en: 'Secure video teleconference, chiefs of staff', zh: '两军总参谋长保密视频通话' }, level: 'chief-of-staff', ends: ['us-cjcs', 'cn-jsd'] },
  { proposedBy: 'US', channel: 'theater-east', medium: 'dialogue', name: { en: 'Theater-commander talks: INDOPACOM and Eastern Theater Command', zh: '战区领导通话：美印太司令部与东部战区' }, level: 'theater', ends: ['us-indopacom', 'cn-eastern'] },
  { proposedBy: 'US', channel: 'theater-south', medium: 'dialogue', name: { en: 'Theater-commander talks: INDOPACOM and Southern Theater Command', zh: '战区领导通话：美印太司令部与南部战区' }, level: 'theater', ends: ['us-indopacom', 'cn-southern'] },
  { proposedBy: 'CN', channel: 'dpct', medium: 'dialogue', name: { en: 'Defense Policy Coordination Talks', zh: '中美国防部工作会晤' }, level: 'policy', ends: ['us-dasd-china', 'cn-oimc'] },
  { proposedBy: 'CN', channel: 'mmca', medium: 'dialogue', name: { en: 'Military Maritime Consultative Agreement meetings', zh: '中美海上军事安全磋商机制会议' }, level: 'working', ends: ['us-mmca', 'cn-mmca'] },
];

const sideOf = (position: string): 'US' | 'CN' => (position.startsWith('us-') ? 'US' : 'CN');
const other = (side: 'US' | 'CN'): 'US' | 'CN' => (side === 'US' ? 'CN' : 'US');

/** October 2020: each side declares its positions, the counterparts are paired, the channels proposed and agreed. */
export async function writeDirectory(w: HistoryWriter): Promise<void> {
  await w.at(RECORD_START);
  for (const { side, ...position } of POSITIONS) await w.step(side, 'administrator', '/positions', position);
  for (const pair of COUNTERPARTS) await w.step('US', 'policy', '/counterparts', pair);
  await w.at('2020-10-02T12:00:00.000Z');
  for (const { proposedBy, ends, ...channel } of CHANNELS) {
    await w.step(proposedBy, 'policy', '/channels', { ...channel, ends: ends.map((position) => ({ side: sideOf(position), position })), ackMinutes: {} });
  }
  await w.at('2020-10-03T02:00:00.000Z');
  for (const { proposedBy, channel } of CHANNELS) await w.step(other(proposedBy), 'policy', `/channels/${channel}/agree`, {});
}

/** A new holder of a position, recorded by the side that holds it. */
export async function newHolder(w: HistoryWriter, at: string, position: string, holder: string | null): Promise<void> {
  await w.at(at);
  await w.step(sideOf(position), 'administrator', `/positions/${position}/holder`, { holder });
}
