import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, type CodeList, type EventBody, type MechanismEventKind } from '../../core/index.js';
import { languageOf, searchFieldsOf, STARTING_FORMS, type SearchFields } from './search-text.js';

const T = '2023-12-21T13:00:00.000Z';
const HASH = 'ab'.repeat(32);
const CODES: CodeList = { id: 'dtl-codes', version: 1, codes: [{ code: 'Q7', en: 'Request an urgent call', zh: '请求紧急通话' }] };
const FORMS = { ...STARTING_FORMS, codeLists: [CODES] };

/** One valid body of every kind in the catalogue; the type makes a new kind impossible to forget. */
const BODIES: { [K in MechanismEventKind]: EventBody<K> } = {
  'position.declared': { position: 'cjcs', level: 'chief-of-staff', title: { en: 'Chairman of the Joint Chiefs of Staff', zh: '参谋长联席会议主席' }, holder: 'Gen. Charles Q. Brown' },
  'position.holder_changed': { position: 'cjcs', holder: 'Gen. Dan Caine' },
  'counterpart.paired': { level: 'chief-of-staff', positions: ['cjcs', 'jsd-chief'] },
  'channel.proposed': { channel: 'dtl', medium: 'direct-line', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level: 'minister', ends: [{ side: 'US', position: 'secdef' }, { side: 'CN', position: 'mnd' }], ackMinutes: {} },
  'channel.agreed': { channel: 'dtl' },
  'channel.suspended': { scope: { kind: 'level', level: 'theater' }, reason: '美方不顾中方强烈反对，佩洛西窜访台湾。' },
  'channel.resumption_proposed': { scope: { kind: 'all' } },
  'channel.resumed': { scope: { kind: 'all' } },
  'channel.closed': { channel: 'old-line', reason: 'Replaced by the secure VTC.' },
  'request.note_added': { request: 'r1', text: 'internal note' },
  'request.sent': { request: 'r1', to: 'CN', level: 'policy', format: 'talks', channel: 'dpct', options: [{ id: 'o1', start: T, end: T }], agenda: ['Maritime safety', 'Crisis communication'], respondBy: T, sentWhileSuspended: true },
  'request.accepted': { request: 'r1', option: 'o1' },
  'request.countered': { request: 'r1', options: [{ id: 'o2', start: T, end: T }], agenda: ['海上安全'], respondBy: T },
  'request.declined': { request: 'r1', reason: 'The time is not convenient.' },
  'request.withdrawn': { request: 'r1', reason: '' },
  'request.expired': { request: 'r1' },
  'message.sent': { message: 'm1', channel: 'dtl', to: 'CN', precedence: 'FLASH', thread: 'm1', inReplyTo: null, content: { kind: 'text', lang: 'en', text: 'Peace and stability across the Taiwan Strait.' }, ackDeadline: T, sentWhileSuspended: false },
  'message.delivered': { message: 'm1', receipt: { log: 'washington.parley.example/beijing', seq: 3, hash: HASH } },
  'message.seen': { message: 'm1' },
  'message.acknowledged': { message: 'm1' },
  'message.overdue': { message: 'm1' },
  'message.escalated': { message: 'm1', step: 'principal' },
  'translation.attached': { of: { log: 'beijing.parley.example/washington', seq: 5, hash: HASH }, from: 'zh', lang: 'en', text: 'The US side must respect China\'s core interests.' },
  'engagement.scheduled': { engagement: 'e1', request: 'r1', format: 'vtc', level: 'chief-of-staff', channel: 'vtc', start: T, end: T, agenda: ['Military relations'], planEntry: null },
  'engagement.started': { engagement: 'e1' },
  'engagement.attended': { engagement: 'e1', session: null, person: 'Gen. Liu Zhenli', position: 'jsd-chief' },
  'engagement.session_opened': { engagement: 'e1', session: 's1', agenda: ['Theater-level lines'] },
  'engagement.session_closed': { engagement: 'e1', session: 's1' },
  'engagement.ended': { engagement: 'e1' },
  'engagement.postponed': { engagement: 'e1', reason: 'Weather at the venue.' },
  'engagement.rescheduled': { engagement: 'e1', start: T, end: T },
  'engagement.cancelled': { engagement: 'e1', reason: '因故取消' },
  'engagement.note_added': { engagement: 'e1', text: 'internal' },
  'readout.draft_saved': { engagement: 'e1', lang: 'en', text: 'draft' },
  'readout.published': { engagement: 'e1', lang: 'zh', text: '美方要尊重中方核心利益和重大关切。', quotes: [] },
  'jointdoc.draft_saved': { document: 'plan-2024', content: {} },
  'jointdoc.proposed': { document: 'plan-2024', to: 'CN', type: 'engagement-plan', title: { en: 'Engagement plan 2024', zh: '2024年交往计划' }, version: 1, hash: HASH,
    content: { year: 2024, entries: [{ id: 'mmca', format: 'working-group', level: 'working', title: { en: 'MMCA working group', zh: '海上军事安全磋商机制工作小组' }, window: { from: T, to: T } }] } },
  'jointdoc.cosigned': { document: 'plan-2024', version: 1, hash: HASH },
};

/** What each kind indexes: [a word of its text, channel, level, lang], or null for nothing. */
const EXPECTED: { [K in MechanismEventKind]: [string, string | null, string | null, string | null] | null } = {
  'position.declared': ['参谋长联席会议主席', null, 'chief-of-staff', null],
  'position.holder_changed': ['Dan Caine', null, null, 'en'],
  'counterpart.paired': null,
  'channel.proposed': ['国防部直通电话', 'dtl', 'minister', null],
  'channel.agreed': null,
  'channel.suspended': ['佩洛西', null, 'theater', 'zh'],
  'channel.resumption_proposed': null,
  'channel.resumed': null,
  'channel.closed': ['secure VTC', 'old-line', null, 'en'],
  'request.note_added': null,
  'request.sent': ['Crisis communication', 'dpct', 'policy', 'en'],
  'request.accepted': null,
  'request.countered': ['海上安全', null, null, 'zh'],
  'request.declined': ['not convenient', null, null, 'en'],
  'request.withdrawn': null,
  'request.expired': null,
  'message.sent': ['Taiwan Strait', 'dtl', null, 'en'],
  'message.delivered': null,
  'message.seen': null,
  'message.acknowledged': null,
  'message.overdue': null,
  'message.escalated': null,
  'translation.attached': ['core interests', null, null, 'en'],
  'engagement.scheduled': ['Military relations', 'vtc', 'chief-of-staff', 'en'],
  'engagement.started': null,
  'engagement.attended': ['Liu Zhenli', null, null, 'en'],
  'engagement.session_opened': ['Theater-level', null, null, 'en'],
  'engagement.session_closed': null,
  'engagement.ended': null,
  'engagement.postponed': ['Weather', null, null, 'en'],
  'engagement.rescheduled': null,
  'engagement.cancelled': ['因故取消', null, null, 'zh'],
  'engagement.note_added': null,
  'readout.draft_saved': null,
  'readout.published': ['尊重', null, null, 'zh'],
  'jointdoc.draft_saved': null,
  'jointdoc.proposed': ['海上军事安全磋商机制', null, null, null],
  'jointdoc.cosigned': null,
};

const summary = (fields: SearchFields | null) => fields && [fields.text, fields.channel, fields.level, fields.lang];

describe('what the search index keeps of an event', () => {
  it.each(Object.keys(EVENT_CATALOGUE) as MechanismEventKind[])('%s', (kind) => {
    const body = BODIES[kind];
    expect(EVENT_CATALOGUE[kind].body.safeParse(body).success).toBe(true);
    const fields = searchFieldsOf({ kind, body }, FORMS);
    const expected = EXPECTED[kind];
    if (expected === null) return expect(fields).toBeNull();
    const [word, channel, level, lang] = expected;
    expect(fields?.text).toContain(word);
    expect(summary(fields)?.slice(1)).toEqual([channel, level, lang]);
  });

  it('gives both languages where the record has both: titles, joint documents, and each line of an agenda', () => {
    expect(searchFieldsOf({ kind: 'jointdoc.proposed', body: BODIES['jointdoc.proposed'] })!.text).toBe(
      'Engagement plan 2024\n2024年交往计划\nMMCA working group\n海上军事安全磋商机制工作小组',
    );
    expect(searchFieldsOf({ kind: 'request.sent', body: BODIES['request.sent'] })!.text).toBe('Maritime safety\nCrisis communication');
    expect(searchFieldsOf({ kind: 'translation.attached', body: BODIES['translation.attached'] })!.translates).toEqual(BODIES['translation.attached'].of);
  });

  it('renders a short code through the agreed list in both languages, and keeps the bare code without one', () => {
    const body = { ...BODIES['message.sent'], content: { kind: 'short-code', list: 'dtl-codes', code: 'Q7' } };
    expect(searchFieldsOf({ kind: 'message.sent', body }, FORMS)).toEqual({ text: 'Q7\nRequest an urgent call\n请求紧急通话', channel: 'dtl', level: null, lang: null });
    expect(searchFieldsOf({ kind: 'message.sent', body })!.text).toBe('Q7');
  });

  it('indexes a notification with its template title and choice labels in both languages, and every value', () => {
    const body = {
      ...BODIES['message.sent'],
      content: { kind: 'notification', template: 'major-military-activity', values: { activity: 'exercise', area: 'East China Sea', start: T, end: T, forces: '2 destroyers', remarks: '实弹射击' } },
    };
    const { text, lang } = searchFieldsOf({ kind: 'message.sent', body })!;
    for (const word of ['Notification of a major military activity', '重大军事行动通报', 'Exercise', '演习', 'East China Sea', '2 destroyers', '实弹射击']) expect(text).toContain(word);
    expect(lang).toBeNull();
  });

  it('leaves out link events, unknown kinds and bodies that do not match their kind', () => {
    expect(searchFieldsOf({ kind: 'link.opened', body: { node: 'washington', host: 'washington.parley.example' } })).toBeNull();
    expect(searchFieldsOf({ kind: 'link.receipt', body: {} })).toBeNull();
    expect(searchFieldsOf({ kind: 'message.sent', body: { text: 'no schema' } })).toBeNull();
  });

  it('tells the language of free text by its script', () => {
    expect([languageOf('Weather.'), languageOf('台湾问题'), languageOf('CUES 信号已交换'), languageOf('0600')]).toEqual(['en', 'zh', 'zh', null]);
  });
});
