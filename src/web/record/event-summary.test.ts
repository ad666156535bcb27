import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { hintFor, SHARED_EVENT_KINDS } from '../../core/index.js';
import type { RecordEvent } from '../api/types.js';
import type { Language } from '../i18n-options.js';
import { renderedIn, testI18n } from '../testing/test-i18n.js';
import { EventSummary } from './event-summary.js';

const event = (kind: string, body: Record<string, unknown>): RecordEvent => ({
  v: 1, log: 'washington/beijing', seq: 7, prev: null, peer: null, ts: '2024-01-09T02:00:00.000Z', kind, actor: 'node:washington', body, sig: '',
});
const render = (e: RecordEvent, language: Language) => renderedIn(language, createElement(EventSummary, { event: e, otherName: language === 'zh' ? '北京' : 'Beijing' }));

describe('the record in either language', () => {
  it('names every kind of event that crosses the link in both languages', () => {
    for (const language of ['en', 'zh'] as const) {
      const i18n = testI18n(language);
      for (const kind of SHARED_EVENT_KINDS) expect(i18n.exists(`kinds.${kind.replace(/[.-]/g, '_')}`), `${language}: ${kind}`).toBe(true);
    }
  });

  it('says why a link was down from the code of its last error, with the node\'s message marked as English', () => {
    const down = event('link.down', { since: '2024-01-09T01:50:00.000Z', lastError: { code: 'E_PEER_UNREACHABLE', message: 'connect ECONNREFUSED 127.0.0.1:4002' } });
    const zh = render(down, 'zh');
    expect(zh).toContain('无法连通北京');
    expect(zh).toContain(hintFor('E_PEER_UNREACHABLE', 'zh'));
    expect(zh).toContain('<span class="error-detail" lang="en">connect ECONNREFUSED 127.0.0.1:4002</span>');
    expect(render(down, 'en')).toContain(hintFor('E_PEER_UNREACHABLE', 'en'));
  });

  it('says when the link works again, and why trust was restored in the administrator\'s own words', () => {
    expect(render(event('link.restored', { down: 5, downSince: null, restoredAt: '2024-01-09T02:00:00.000Z' }), 'zh')).toContain('第 5 号记录所报告的中断已结束');
    const restored = render(event('link.trust.restored', { reason: '经双方管理员核实，证据系测试所致。', previousReason: 'The checkpoint is not an extension.', evidence: [] }), 'zh');
    expect(restored).toContain('已恢复对北京日志的信任：经双方管理员核实，证据系测试所致。');
    expect(restored).toContain('<span lang="en">The checkpoint is not an extension.</span>');
  });
});
