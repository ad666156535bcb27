import { describe, expect, it } from 'vitest';
import type { RecordEvent } from '../api/types.js';
import { receiptsByEvent } from './receipts.js';

const event = (log: string, seq: number, kind: string, body: Record<string, unknown> = {}): RecordEvent => ({
  v: 1, log, seq, prev: null, peer: null, ts: '2026-12-01T13:00:00.000Z', kind, actor: `${log}/node`, body, sig: '',
});

describe('receipts against the events they receipt', () => {
  it('gives each event the first receipt of the other log that reaches it, and receipts none', () => {
    const us = [event('us', 0, 'link.opened'), event('us', 1, 'message.sent'), event('us', 2, 'link.receipt', { upTo: 1 }), event('us', 3, 'message.sent')];
    const cn = [event('cn', 0, 'link.opened'), event('cn', 1, 'link.receipt', { upTo: 1 }), event('cn', 2, 'message.sent'), event('cn', 3, 'link.receipt', { upTo: 2 })];
    const found = receiptsByEvent(us, cn);
    expect([...found].map(([seq, r]) => [seq, r.seq])).toEqual([[0, 1], [1, 1]]);
    // Washington's #3 still waits; so does Beijing's #2, since Washington's receipt #2 reaches only Beijing's #1.
    expect(found.has(3)).toBe(false);
    expect([...receiptsByEvent(cn, us)].map(([seq, r]) => [seq, r.seq])).toEqual([[0, 2]]);
    expect(receiptsByEvent(cn, us).has(2)).toBe(false);
  });
});
