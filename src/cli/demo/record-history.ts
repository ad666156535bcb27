import type { EngagementPlan } from '../../core/index.js';
import type { HistoryWriter } from './history-writer.js';
import { agreeDocument, ask, decline, held, type AskedFor } from './record-engagements.js';
import { newHolder, writeDirectory } from './record-directory.js';

/*
 * The 2020-2024 record of DESIGN §5, written through both nodes' APIs on the scenario clock, in
 * the order it happened (the clock never runs back). The dates are the public record's; where it
 * does not say the hour, or who asked, or what a deadline was, the demo chooses. Texts given as
 * a side's statement follow its public wording in substance and say that they are reconstructed.
 */

const RECONSTRUCTED_EN = '[Reconstructed in substance from the public record by the Parley demo.]';
const RECONSTRUCTED_ZH = '［Parley 演示据公开资料重述。］';

/** China's stated reason of 5 August 2022 (its Foreign Ministry's announcement of countermeasures), in substance, in both languages. */
export const SUSPENSION_REASON =
  '鉴于美方不顾中方强烈反对和严正交涉，执意安排佩洛西窜访台湾，中方宣布采取反制措施：取消安排中美两军战区领导通话，取消中美国防部工作会晤，取消中美海上军事安全磋商机制会议。' +
  ' / In response to the visit of Speaker Nancy Pelosi to Taiwan in disregard of China\'s strong opposition and serious representations, China announces countermeasures: ' +
  'cancelling the China-US theater commanders talk, the China-US Defense Policy Coordination Talks and the China-US Military Maritime Consultative Agreement meetings.';

export const READOUT_CN =
  '2023年12月21日晚，中央军委委员、中央军委联合参谋部参谋长刘振立应约同美军参联会主席布朗视频通话。刘振立表示，中美两国元首旧金山会晤为中美关系发展指明了方向，' +
  '两军要落实两国元首重要共识，在相互尊重的基础上加强沟通。刘振立强调，台湾问题是中国核心利益中的核心，中国人民解放军将坚定捍卫国家主权、安全和领土完整，美方应尊重中方核心利益和重大关切。' + RECONSTRUCTED_ZH;
const READOUT_CN_EN =
  'On the evening of 21 December 2023, Gen. Liu Zhenli, member of the Central Military Commission and Chief of its Joint Staff Department, held a video call at the US side\'s request with Gen. Brown, ' +
  'Chairman of the US Joint Chiefs of Staff. Liu said the heads of state\'s meeting in San Francisco had charted the course of China-US relations, and the two militaries should carry out their consensus ' +
  'and strengthen communication on the basis of mutual respect. Liu stressed that the Taiwan question is the core of China\'s core interests; the PLA will firmly defend China\'s sovereignty, security and ' +
  'territorial integrity, and the US side should respect China\'s core interests and major concerns. ' + RECONSTRUCTED_EN;
export const READOUT_US =
  'Chairman of the Joint Chiefs of Staff Gen. CQ Brown, Jr. held a video teleconference with People\'s Liberation Army Chief of the Joint Staff Department Gen. Liu Zhenli on December 21, 2023. ' +
  'General Brown discussed the importance of working together to responsibly manage competition, avoid miscalculations and maintain open and direct lines of communication, ' +
  'and called for theater-level lines between US Indo-Pacific Command and the PLA Eastern and Southern Theater Commands. ' + RECONSTRUCTED_EN;
const READOUT_US_ZH =
  '美军参联会主席布朗上将于2023年12月21日同中国人民解放军联合参谋部参谋长刘振立上将视频通话。布朗上将谈及双方共同负责任地管控竞争、避免误判、保持开放直接沟通渠道的重要性，' +
  '并呼吁建立美印太司令部与解放军东部战区、南部战区之间的战区级沟通渠道。' + RECONSTRUCTED_ZH;

/** The plan the January 2024 DPCT agreed (its content is the demo's: the real plan is not public); both entries were held in 2024. */
export const PLAN_2024: EngagementPlan = {
  year: 2024,
  entries: [
    { id: 'mmca-2024', format: 'working-group', level: 'working', title: { en: 'MMCA working group meeting', zh: '中美海上军事安全磋商机制工作小组会议' },
      window: { from: '2024-04-01T00:00:00.000Z', to: '2024-04-30T23:59:59.999Z' } },
    { id: 'theater-south-2024', format: 'vtc', level: 'theater', title: { en: 'Theater commanders\' video call: INDOPACOM and Southern Theater Command', zh: '战区领导视频通话：美印太司令部与南部战区' },
      window: { from: '2024-07-01T00:00:00.000Z', to: '2024-12-31T23:59:59.999Z' } },
  ],
};

const US_ASKS = { from: 'US' as const };
const us = (person: string, position: string) => ({ side: 'US' as const, person, position });
const cn = (person: string, position: string) => ({ side: 'CN' as const, person, position });

/** US requests of 2022-2023 that China let expire or declined; the theater, policy and working ones went over suspended channels. */
const CALL_AFTER_VISIT: AskedFor = { ...US_ASKS, request: 'r-2022-08-cjcs', level: 'chief-of-staff', format: 'call', channel: 'svtc', sentAt: '2022-08-04T14:00:00.000Z',
  respondBy: '2022-08-11T14:00:00.000Z', start: '2022-08-06T13:00:00.000Z', end: '2022-08-06T14:00:00.000Z', agenda: ['Crisis communication during the PLA exercises around Taiwan'] };
const THEATER_EAST_2022: AskedFor = { ...US_ASKS, request: 'r-2022-08-indopacom', level: 'theater', format: 'call', channel: 'theater-east', sentAt: '2022-08-10T20:00:00.000Z',
  respondBy: '2022-08-31T20:00:00.000Z', start: '2022-09-06T22:00:00.000Z', end: '2022-09-06T23:00:00.000Z', agenda: ['Operational safety in the Taiwan Strait'] };
const DPCT_2022: AskedFor = { ...US_ASKS, request: 'r-2022-12-dpct', level: 'policy', format: 'talks', channel: 'dpct', sentAt: '2022-12-05T15:00:00.000Z',
  respondBy: '2023-01-31T15:00:00.000Z', start: '2023-03-01T14:00:00.000Z', end: '2023-03-02T22:00:00.000Z', agenda: ['Defense Policy Coordination Talks'] };
const SECDEF_BALLOON: AskedFor = { ...US_ASKS, request: 'r-2023-02-secdef', level: 'minister', format: 'call', channel: 'dtl', sentAt: '2023-02-04T23:00:00.000Z',
  respondBy: '2023-02-11T23:00:00.000Z', start: '2023-02-06T14:00:00.000Z', end: '2023-02-06T15:00:00.000Z', agenda: ['The high-altitude balloon shot down on 4 February'] };
const MMCA_2023: AskedFor = { ...US_ASKS, request: 'r-2023-04-mmca', level: 'working', format: 'working-group', channel: 'mmca', sentAt: '2023-04-10T19:00:00.000Z',
  respondBy: '2023-05-31T19:00:00.000Z', start: '2023-06-20T19:00:00.000Z', end: '2023-06-21T03:00:00.000Z', agenda: ['MMCA working group: maritime and air safety'] };
const SHANGRI_LA: AskedFor = { ...US_ASKS, request: 'r-2023-05-secdef', level: 'minister', format: 'talks', channel: 'dtl', sentAt: '2023-05-10T14:00:00.000Z',
  respondBy: '2023-05-31T14:00:00.000Z', start: '2023-06-03T04:00:00.000Z', end: '2023-06-03T05:00:00.000Z', agenda: ['A meeting of the defense ministers at the Shangri-La Dialogue, Singapore'] };
const THEATER_SOUTH_2023: AskedFor = { ...US_ASKS, request: 'r-2023-08-indopacom', level: 'theater', format: 'call', channel: 'theater-south', sentAt: '2023-08-15T20:00:00.000Z',
  respondBy: '2023-09-15T20:00:00.000Z', start: '2023-09-20T22:00:00.000Z', end: '2023-09-20T23:00:00.000Z', agenda: ['Unsafe intercepts over the South China Sea'] };

async function milleyCalls(w: HistoryWriter): Promise<void> {
  const attendance = [us('Gen. Mark A. Milley', 'us-cjcs'), cn('李作成 (Gen. Li Zuocheng)', 'cn-jsd')];
  await held(w, { ...US_ASKS, request: 'r-2020-10-cjcs', engagement: 'milley-li-2020-10', level: 'chief-of-staff', format: 'call', channel: 'dtl',
    sentAt: '2020-10-29T18:00:00.000Z', respondBy: '2020-10-30T18:00:00.000Z', acceptedAt: '2020-10-30T02:00:00.000Z',
    start: '2020-10-30T13:00:00.000Z', end: '2020-10-30T13:45:00.000Z', agenda: ['Reassurance ahead of the US election'], attendance });
  await newHolder(w, '2020-11-09T20:00:00.000Z', 'us-secdef', 'Christopher C. Miller (acting)');
  await held(w, { ...US_ASKS, request: 'r-2021-01-cjcs', engagement: 'milley-li-2021-01', level: 'chief-of-staff', format: 'call', channel: 'dtl',
    sentAt: '2021-01-07T20:00:00.000Z', respondBy: '2021-01-08T20:00:00.000Z', acceptedAt: '2021-01-08T04:00:00.000Z',
    start: '2021-01-08T14:00:00.000Z', end: '2021-01-08T14:45:00.000Z', agenda: ['Reassurance after the events of 6 January'], attendance });
  await newHolder(w, '2021-01-22T20:00:00.000Z', 'us-secdef', 'Lloyd J. Austin III');
  await newHolder(w, '2021-04-30T20:00:00.000Z', 'us-indopacom', 'Adm. John C. Aquilino');
}

async function policyVtc2021(w: HistoryWriter): Promise<void> {
  await newHolder(w, '2021-09-01T14:00:00.000Z', 'us-dasd-china', 'Michael S. Chase');
  await newHolder(w, '2021-09-01T15:00:00.000Z', 'cn-oimc', '黄雪平 (Maj. Gen. Huang Xueping)');
  await held(w, { ...US_ASKS, request: 'r-2021-09-dpct', engagement: 'dpct-vtc-2021-09', level: 'policy', format: 'vtc', channel: 'dpct',
    sentAt: '2021-09-14T14:00:00.000Z', respondBy: '2021-09-24T14:00:00.000Z', acceptedAt: '2021-09-22T03:00:00.000Z',
    start: '2021-09-28T12:00:00.000Z', end: '2021-09-28T14:30:00.000Z', agenda: ['Defense policy talks by secure video teleconference'],
    attendance: [us('Michael S. Chase', 'us-dasd-china'), cn('黄雪平 (Maj. Gen. Huang Xueping)', 'cn-oimc')] });
}

/** August 2022 to November 2023: the suspension, the requests China let expire or declined, and the agreed resumption. */
async function suspension(w: HistoryWriter): Promise<void> {
  await ask(w, CALL_AFTER_VISIT);
  await w.at('2022-08-05T08:00:00.000Z');
  for (const level of ['theater', 'policy', 'working']) await w.step('CN', 'policy', '/channels/suspension', { scope: { kind: 'level', level }, reason: SUSPENSION_REASON });
  await ask(w, THEATER_EAST_2022);
  await w.expire('US', CALL_AFTER_VISIT.request);
  await w.expire('US', THEATER_EAST_2022.request);
  await ask(w, DPCT_2022);
  await w.expire('US', DPCT_2022.request);
  await ask(w, SECDEF_BALLOON);
  await decline(w, SECDEF_BALLOON, '2023-02-09T04:00:00.000Z',
    '美方这种不负责任、严重错误的做法，没有营造两军对话交流的应有氛围，因此中方没有接受美方关于两国防长通电话的提议。 / The US side\'s irresponsible and seriously mistaken approach has not created ' +
    'the proper atmosphere for dialogue and exchanges between the two militaries, so China did not accept the US proposal of a call between the two defense ministers.');
  await newHolder(w, '2023-03-12T04:00:00.000Z', 'cn-mnd', '李尚福 (Gen. Li Shangfu)');
  await ask(w, MMCA_2023);
  await ask(w, SHANGRI_LA);
  await decline(w, SHANGRI_LA, '2023-05-29T08:00:00.000Z',
    '美方清楚两军交流遇到困难的原因。美方应切实尊重中国主权、安全利益和关切，立即纠正错误做法，拿出诚意，为两军对话沟通营造必要氛围和条件。 / The US side knows well why military exchanges face difficulties. ' +
    'It should respect China\'s sovereignty, security interests and concerns, correct its wrong practices at once, show sincerity and create the necessary atmosphere and conditions for dialogue between the two militaries.');
  await w.expire('US', MMCA_2023.request);
  await ask(w, THEATER_SOUTH_2023);
  await w.expire('US', THEATER_SOUTH_2023.request);
  await newHolder(w, '2023-10-01T04:00:00.000Z', 'us-cjcs', 'Gen. Charles Q. Brown Jr.');
  await newHolder(w, '2023-10-24T08:00:00.000Z', 'cn-mnd', null);
  // 15 November 2023, Woodside: the US proposes resuming what China suspended; China agrees.
  await w.at('2023-11-15T22:00:00.000Z');
  await w.step('US', 'policy', '/channels/resumption-proposal', { scope: { kind: 'all' } });
  await w.at('2023-11-16T02:00:00.000Z');
  await w.step('CN', 'policy', '/channels/resumption', { scope: { kind: 'all' } });
}

/** 21 December 2023: the Brown–Liu video call at the US's request, and both sides' readouts with the interpreters' translations. */
async function brownLiu(w: HistoryWriter): Promise<void> {
  await newHolder(w, '2023-12-01T04:00:00.000Z', 'cn-jsd', '刘振立 (Gen. Liu Zhenli)');
  await held(w, { ...US_ASKS, request: 'r-2023-12-cjcs', engagement: 'brown-liu-2023-12', level: 'chief-of-staff', format: 'vtc', channel: 'svtc',
    sentAt: '2023-12-12T15:00:00.000Z', respondBy: '2023-12-19T15:00:00.000Z', acceptedAt: '2023-12-18T03:00:00.000Z',
    start: '2023-12-21T13:00:00.000Z', end: '2023-12-21T14:00:00.000Z', agenda: ['Military relations after the Woodside summit', 'Crisis communication'],
    attendance: [us('Gen. Charles Q. Brown Jr.', 'us-cjcs'), cn('刘振立 (Gen. Liu Zhenli)', 'cn-jsd')] });
  const on = '/readouts/brown-liu-2023-12';
  await w.at('2023-12-21T14:30:00.000Z');
  await w.step('CN', 'press', `${on}/publish`, { lang: 'zh', text: READOUT_CN });
  await w.at('2023-12-21T16:00:00.000Z');
  await w.step('US', 'interpreter', `${on}/CN/translations`, { lang: 'en', text: READOUT_CN_EN });
  await w.at('2023-12-21T18:00:00.000Z');
  await w.step('US', 'press', `${on}/publish`, { lang: 'en', text: READOUT_US });
  await w.at('2023-12-22T01:00:00.000Z');
  await w.step('CN', 'interpreter', `${on}/US/translations`, { lang: 'zh', text: READOUT_US_ZH });
  await newHolder(w, '2023-12-29T10:00:00.000Z', 'cn-mnd', '董军 (Adm. Dong Jun)');
}

/** 8-9 January 2024: the DPCT in Washington, its minutes and the 2024 plan, both in force; then the two entries of the plan, held. */
async function dpct2024(w: HistoryWriter): Promise<void> {
  const delegations = [us('Michael S. Chase', 'us-dasd-china'), cn('宋延超 (Maj. Gen. Song Yanchao)', 'cn-oimc')];
  await held(w, { ...US_ASKS, request: 'r-2023-12-dpct', engagement: 'dpct-2024-01', level: 'policy', format: 'talks', channel: 'dpct',
    sentAt: '2023-12-22T15:00:00.000Z', respondBy: '2024-01-05T15:00:00.000Z', acceptedAt: '2023-12-28T03:00:00.000Z',
    start: '2024-01-08T14:00:00.000Z', end: '2024-01-09T22:00:00.000Z', agenda: ['Defense Policy Coordination Talks, the Pentagon'], attendance: delegations,
    sessions: [
      { id: 's1', start: '2024-01-08T14:30:00.000Z', end: '2024-01-08T21:00:00.000Z', agenda: ['Carrying out the Woodside consensus', 'Channels of communication'] },
      { id: 's2', start: '2024-01-09T14:00:00.000Z', end: '2024-01-09T20:00:00.000Z', agenda: ['Military engagements in 2024', 'The 2024 engagement plan'] },
    ],
    during: async (w) => {
      await agreeDocument(w, 'US', '2024-01-09T20:30:00.000Z', {
        minutesOf: 'dpct-2024-01', document: 'minutes-dpct-2024-01', title: { en: 'Agreed minutes, DPCT, 8-9 January 2024', zh: '中美国防部工作会晤纪要（2024年1月8日至9日）' }, lang: 'en',
        text: 'The 17th US-PRC Defense Policy Coordination Talks were held at the Pentagon on 8-9 January 2024, led by Michael S. Chase, Deputy Assistant Secretary of Defense for China, ' +
          'and Maj. Gen. Song Yanchao, Deputy Director of the CMC Office for International Military Cooperation. The two sides discussed carrying out the consensus of the heads of state at Woodside, ' +
          'keeping channels of communication open, and the military engagements of 2024, and agreed the engagement plan for 2024. ' + RECONSTRUCTED_EN,
      });
      await agreeDocument(w, 'US', '2024-01-09T21:00:00.000Z', { document: 'plan-2024', type: 'engagement-plan', title: { en: 'Military engagement plan 2024', zh: '2024年两军交往计划' }, content: PLAN_2024 });
    },
  });
  await w.at('2024-01-10T00:00:00.000Z');
  await w.step('US', 'duty-officer', '/engagements/dpct-2024-01/notes', { text: 'Reconstructed from the public record; the minutes are the demo\'s summary.' });
  await held(w, { ...US_ASKS, request: 'r-2024-02-mmca', engagement: 'mmca-2024-04', level: 'working', format: 'working-group', channel: 'mmca', planEntry: 'mmca-2024',
    sentAt: '2024-02-01T19:00:00.000Z', respondBy: '2024-03-01T19:00:00.000Z', acceptedAt: '2024-02-20T03:00:00.000Z',
    start: '2024-04-03T18:00:00.000Z', end: '2024-04-05T03:00:00.000Z', agenda: ['MMCA working group, Honolulu'], attendance: [us('US MMCA delegation', 'us-mmca'), cn('中方海上军事安全磋商机制代表团', 'cn-mmca')],
    sessions: [
      { id: 's1', start: '2024-04-03T19:00:00.000Z', end: '2024-04-04T02:00:00.000Z', agenda: ['Maritime and air safety'] },
      { id: 's2', start: '2024-04-04T19:00:00.000Z', end: '2024-04-05T02:00:00.000Z', agenda: ['Unsafe encounters since 2022'] },
    ] });
  await newHolder(w, '2024-05-03T20:00:00.000Z', 'us-indopacom', 'Adm. Samuel J. Paparo');
  await newHolder(w, '2024-09-01T02:00:00.000Z', 'cn-southern', '吴亚男 (Gen. Wu Yanan)');
  await held(w, { ...US_ASKS, request: 'r-2024-08-indopacom', engagement: 'paparo-wu-2024-09', level: 'theater', format: 'vtc', channel: 'theater-south', planEntry: 'theater-south-2024',
    sentAt: '2024-08-20T20:00:00.000Z', respondBy: '2024-09-06T20:00:00.000Z', acceptedAt: '2024-09-04T03:00:00.000Z',
    start: '2024-09-09T22:00:00.000Z', end: '2024-09-09T23:00:00.000Z', agenda: ['Theater-level communication'],
    attendance: [us('Adm. Samuel J. Paparo', 'us-indopacom'), cn('吴亚男 (Gen. Wu Yanan)', 'cn-southern')] });
}

/** Writes the whole 2020-2024 record, from the directory to the plan's last entry. */
export async function writePublicRecord(w: HistoryWriter): Promise<void> {
  await writeDirectory(w);
  await milleyCalls(w);
  await policyVtc2021(w);
  await suspension(w);
  await brownLiu(w);
  await dpct2024(w);
}

/** The last step of the record: a node whose record holds it has the whole history. */
export const LAST_ENGAGEMENT = 'paparo-wu-2024-09';
