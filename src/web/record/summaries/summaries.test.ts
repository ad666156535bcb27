import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, type EventBody, type MechanismEventKind } from '../../../core/index.js';
import type { LinkChannel, RecordEvent } from '../../api/types.js';
import type { Language } from '../../i18n-options.js';
import en from '../../locales/en.json';
import zh from '../../locales/zh.json';
import { renderedIn, testI18n } from '../../testing/test-i18n.js';
import { EventSummary } from '../event-summary.js';
import { RecordNamesContext, type RecordNames } from './index.js';

const HASH = 'ab'.repeat(32);
const ref = { log: 'beijing.parley.example/washington', seq: 12, hash: HASH };
const call = { id: 'opt-1', start: '2024-01-12T14:00:00.000Z', end: '2024-01-12T15:00:00.000Z' };

/** A minimal valid body of every kind in the catalogue: the type refuses a kind left out. */
const BODIES: { readonly [K in MechanismEventKind]: EventBody<K> } = {
  'position.declared': { position: 'cjcs', level: 'chief-of-staff', title: { en: 'Chairman of the Joint Chiefs of Staff', zh: '参谋长联席会议主席' }, holder: 'Gen. Brown' },
  'position.holder_changed': { position: 'cjcs', holder: null },
  'counterpart.paired': { level: 'chief-of-staff', positions: ['cjcs', 'jsd-chief'] },
  'channel.proposed': {
    channel: 'dtl', medium: 'direct-line', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level: 'minister',
    ends: [{ side: 'US', position: 'secdef' }, { side: 'CN', position: 'mnd' }], ackMinutes: {},
  },
  'channel.agreed': { channel: 'dtl' },
  'channel.suspended': { scope: { kind: 'level', level: 'theater' }, reason: 'In response to the visit.' },
  'channel.resumption_proposed': { scope: { kind: 'all' } },
  'channel.resumed': { scope: { kind: 'channel', channel: 'dtl' } },
  'channel.closed': { channel: 'dtl', reason: 'Replaced by the secure VTC.' },
  'request.note_added': { request: 'req-1', text: 'Ask about the agenda first.' },
  'request.sent': {
    request: 'req-1', to: 'CN', level: 'minister', format: 'vtc', channel: 'dtl', options: [call], agenda: ['Maritime safety'],
    respondBy: '2024-01-10T12:00:00.000Z', sentWhileSuspended: false,
  },
  'request.accepted': { request: 'req-1', option: 'opt-1' },
  'request.countered': { request: 'req-1', options: [call, { id: 'opt-2', start: '2024-01-13T02:00:00.000Z', end: '2024-01-13T03:30:00.000Z' }], agenda: [], respondBy: '2024-01-11T00:00:00.000Z' },
  'request.declined': { request: 'req-1', reason: '时机不成熟。' },
  'request.withdrawn': { request: 'req-1', reason: '' },
  'request.expired': { request: 'req-1' },
  'message.sent': {
    message: 'm-1', channel: 'dtl', to: 'CN', precedence: 'FLASH', thread: 'm-1', inReplyTo: null,
    content: { kind: 'text', lang: 'en', text: 'Requesting a call.' }, ackDeadline: '2024-01-09T02:05:00.000Z', sentWhileSuspended: false,
  },
  'message.delivered': { message: 'm-1', receipt: ref },
  'message.seen': { message: 'm-1' },
  'message.acknowledged': { message: 'm-1' },
  'message.overdue': { message: 'm-1' },
  'message.escalated': { message: 'm-1', step: 'next-duty-role' },
  'translation.attached': { of: ref, from: 'zh', lang: 'en', text: 'We agree to the call.' },
  'engagement.scheduled': {
    engagement: 'eng-1', request: 'req-1', format: 'vtc', level: 'minister', channel: null,
    start: call.start, end: call.end, agenda: ['Maritime safety'], planEntry: null,
  },
  'engagement.started': { engagement: 'eng-1' },
  'engagement.attended': { engagement: 'eng-1', session: null, person: 'Adm. Dong Jun', position: 'mnd' },
  'engagement.session_opened': { engagement: 'eng-1', session: 's-1', agenda: [] },
  'engagement.session_closed': { engagement: 'eng-1', session: 's-1' },
  'engagement.ended': { engagement: 'eng-1' },
  'engagement.postponed': { engagement: 'eng-1', reason: 'Typhoon over the venue.' },
  'engagement.rescheduled': { engagement: 'eng-1', start: '2024-01-19T14:00:00.000Z', end: '2024-01-19T15:00:00.000Z' },
  'engagement.cancelled': { engagement: 'eng-1', reason: 'Overtaken by events.' },
  'engagement.note_added': { engagement: 'eng-1', text: 'Interpreter booked.' },
  'readout.draft_saved': { engagement: 'eng-1', lang: 'en', text: 'Draft readout.' },
  'readout.published': { engagement: 'eng-1', lang: 'zh', text: '双方进行了坦诚的交流。', quotes: [] },
  'jointdoc.draft_saved': { document: 'plan-2024', content: {} },
  'jointdoc.proposed': { document: 'plan-2024', to: 'CN', type: 'engagement-plan', title: { en: '2024 engagement plan', zh: '2024年交流计划' }, version: 2, content: {}, hash: HASH },
  'jointdoc.cosigned': { document: 'plan-2024', version: 2, hash: HASH },
};

const DTL: LinkChannel = {
  id: 'dtl', medium: 'direct-line', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level: 'minister',
  ends: [{ side: 'US', position: 'secdef' }, { side: 'CN', position: 'mnd' }], status: 'active', proposedBy: 'US', ackMinutes: {},
};
const NAMES: Record<Language, RecordNames> = {
  en: { clocks: [{ label: 'Washington', timeZone: 'America/New_York' }, { label: 'Beijing', timeZone: 'Asia/Shanghai' }], sides: { US: 'Washington', CN: 'Beijing' }, channels: [DTL] },
  zh: { clocks: [{ label: '华盛顿', timeZone: 'America/New_York' }, { label: '北京', timeZone: 'Asia/Shanghai' }], sides: { US: '华盛顿', CN: '北京' }, channels: [DTL] },
};

const event = (kind: string, body: unknown, log = 'washington.parley.example/beijing'): RecordEvent => ({
  v: 1, log, seq: 7, prev: null, peer: null, ts: '2024-01-09T02:00:00.000Z', kind, actor: 'washington/duty-officer', body: body as Record<string, unknown>, sig: '',
});
const render = (e: RecordEvent, language: Language, names: RecordNames = NAMES[language]) =>
  renderedIn(language, createElement(RecordNamesContext.Provider, { value: names }, createElement(EventSummary, { event: e, otherName: language === 'zh' ? '北京' : 'Beijing' })));
/** The words a reader sees, without markup. */
const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('every kind of mechanism event as a sentence', () => {
  const kinds = Object.keys(EVENT_CATALOGUE) as MechanismEventKind[];
  it('names every kind, the side\'s own internal ones too, in both languages', () => {
    for (const language of ['en', 'zh'] as const) {
      const i18n = testI18n(language);
      for (const kind of kinds) expect(i18n.exists(`kinds.${kind.replace(/[.-]/g, '_')}`), `${language}: ${kind}`).toBe(true);
    }
  });
  for (const language of ['en', 'zh'] as const) {
    it.each(kinds)(`${language}: %s reads as a sentence, not as the raw body`, (kind) => {
      const html = render(event(kind, BODIES[kind]), language);
      expect(html).not.toContain('summary-raw');
      // No key shown for want of a text, no tag of a sentence left unfilled.
      expect(words(html)).not.toMatch(/summary\.|incidents\.|<\/?\w+\/?>|\{\{/);
    });
  }
});

describe('what duty officers and interpreters read', () => {
  it('says who proposed what, for when on both sides\' clocks, on which channel, and by when to answer', () => {
    const sent = event('request.sent', BODIES['request.sent']);
    const enText = words(render(sent, 'en'));
    expect(enText).toContain('Washington proposed a video call at minister level to Beijing for ');
    expect(enText).toContain('14:00 UTC · 09:00 Washington · 22:00 Beijing (60 min) on the Defense Telephone Link; answer due ');
    expect(enText).toContain('Agenda: Maritime safety');
    const zhText = words(render(sent, 'zh'));
    expect(zhText).toContain('华盛顿向北京提议于');
    expect(zhText).toContain('14:00 UTC · 09:00 华盛顿 · 22:00 北京 （60 分钟）经“国防部直通电话”举行部长级视频通话，请于');
    expect(render(sent, 'en')).toContain('<time class="moment" dateTime="2024-01-12T14:00:00.000Z">');
  });

  it('reads the other side\'s answers from its own log', () => {
    const ours = (kind: MechanismEventKind) => event(kind, BODIES[kind], 'beijing.parley.example/washington');
    expect(words(render(ours('request.accepted'), 'zh'))).toBe('北京接受了请求 req-1 的时间选项 opt-1');
    expect(words(render(ours('request.accepted'), 'en'))).toBe('Beijing accepted time opt-1 of request req-1');
    expect(words(render(ours('request.declined'), 'en'))).toBe('Beijing declined request req-1: 时机不成熟。');
    expect(words(render(ours('channel.suspended'), 'zh'))).toBe('北京暂停所有战区级渠道：In response to the visit.');
    expect(words(render(ours('channel.resumed'), 'en'))).toBe('Beijing agreed to resume the channel Defense Telephone Link');
    expect(words(render(ours('request.expired'), 'zh'))).toBe('请求 req-1 逾期未获答复');
  });

  it('shows titles in the screen\'s language and texts in theirs, each marked with its language', () => {
    expect(render(event('jointdoc.proposed', BODIES['jointdoc.proposed']), 'zh')).toContain('华盛顿向北京提出交流计划《<span class="written" lang="zh">2024年交流计划</span>》第 2 版');
    expect(render(event('position.declared', BODIES['position.declared']), 'en')).toContain('the position “<span class="written" lang="en">Chairman of the Joint Chiefs of Staff</span>”');
    const readout = render(event('readout.published', BODIES['readout.published']), 'en');
    expect(readout).toContain('Washington published its readout of engagement eng-1, in Chinese:');
    expect(readout).toContain('<p class="message-text" lang="zh">双方进行了坦诚的交流。</p>');
    expect(render(event('translation.attached', BODIES['translation.attached']), 'zh')).toContain('北京第 12 号记录的译文（中文译为英文）：</p><p class="message-text" lang="en">We agree to the call.</p>');
  });

  it('shows what people wrote exactly as written, even when it looks like markup', () => {
    const html = render(event('engagement.cancelled', { engagement: 'eng-1', reason: 'See <reason/> and {{who}} & <b>bold</b>' }), 'en');
    expect(words(html)).toBe('Washington cancelled engagement eng-1: See <reason/> and {{who}} & <b>bold</b>');
    const channel = { ...DTL, name: { en: '<times/> {{who}}', zh: '<times/>' } };
    expect(words(render(event('channel.resumed', BODIES['channel.resumed']), 'en', { ...NAMES.en, channels: [channel] }))).toBe('Washington agreed to resume the channel <times/> {{who}}');
  });

  it('without the screen\'s names still reads: sides by code, channels by id, times in UTC', () => {
    const bare = { clocks: [], sides: {}, channels: [] };
    const text = words(render(event('request.sent', BODIES['request.sent']), 'en', bare));
    expect(text).toMatch(/^Washington proposed a video call at minister level to CN for .*14:00 UTC \(60 min\) on the dtl; answer due/);
  });

  it('shows a body its kind\'s schema refuses, or a kind it does not know, as recorded, and does not fail', () => {
    for (const [kind, body] of [['request.sent', { request: 'req-1' }], ['channel.suspended', { scope: { kind: 'planet' }, reason: 'x' }], ['readout.published', null], ['plan.unknown', { a: 1 }]] as const) {
      for (const language of ['en', 'zh'] as const) expect(render(event(kind, body ?? {}), language)).toContain('summary-raw');
    }
  });

  it('has the same marked places in each sentence in both languages', () => {
    const tags = (text: unknown) => (typeof text === 'string' ? [...text.matchAll(/<(\w+)\/>/g)].map((m) => m[1]).sort().join() : '');
    for (const [key, text] of Object.entries(en.summary)) expect(tags((zh.summary as Record<string, unknown>)[key]), key).toBe(tags(text));
  });
});
