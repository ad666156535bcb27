import { describe, expect, it } from 'vitest';
import { applyRequestEvent, type EngagementRequest, type RequestEvent } from './engagement-request.js';
import { HOUR } from './instant.js';
import { periodOf, responsiveness } from './responsiveness.js';
import { CN, hoursAfter, step, US } from './testing/fixtures.js';
import type { Level } from './vocabulary.js';

/** A request from `from` sent `sentHours` after T0, followed by answers given as [kind, hours after sending]. */
function request(id: string, from: string, sentHours: number, answers: Array<['accepted' | 'countered' | 'declined' | 'withdrawn', number, string?]>, level: Level = 'theater'): EngagementRequest {
  const to = from === US ? CN : US;
  const sentAt = hoursAfter(sentHours);
  const events: RequestEvent[] = [step('request.sent', from, sentAt, {
    request: id, to, level, format: 'talks', channel: null, options: [{ id: 'o1', start: hoursAfter(500, sentAt), end: hoursAfter(501, sentAt) }],
    agenda: [], respondBy: hoursAfter(48, sentAt), sentWhileSuspended: true,
  })];
  for (const [kind, after, by] of answers) {
    const at = hoursAfter(after, sentAt);
    const side = by ?? (kind === 'withdrawn' ? from : to);
    if (kind === 'accepted') events.push(step('request.accepted', side, at, { request: id, option: 'o1' }));
    if (kind === 'declined') events.push(step('request.declined', side, at, { request: id, reason: 'Not now' }));
    if (kind === 'withdrawn') events.push(step('request.withdrawn', side, at, { request: id, reason: '' }));
    if (kind === 'countered') events.push(step('request.countered', side, at, { request: id, options: [{ id: 'o1', start: hoursAfter(600, sentAt), end: hoursAfter(601, sentAt) }], agenda: [], respondBy: hoursAfter(after + 48, sentAt) }));
  }
  return events.reduce<EngagementRequest | null>(applyRequestEvent, null)!;
}

describe('responsiveness', () => {
  it('shows requests ignored after a suspension as expired unanswered, per side asked', () => {
    // 2022-23 in miniature: four US requests to China, two ignored, one declined, one accepted after a counter.
    const requests = [
      request('r1', US, 0, []),
      request('r2', US, 50, []),
      request('r3', US, 100, [['declined', 10]]),
      request('r4', US, 150, [['countered', 2], ['accepted', 5, US]]),
      request('r5', CN, 400, [['accepted', 1]]),
    ];
    const rows = responsiveness(requests, hoursAfter(1000));
    expect(rows).toEqual([
      { side: CN, level: 'theater', period: '2023', asked: 4, accepted: 1, countered: 1, declined: 1, expiredUnanswered: 2, withdrawn: 0, open: 0, medianMillisToAnswer: 6 * HOUR },
      { side: US, level: 'theater', period: '2024', asked: 1, accepted: 1, countered: 0, declined: 0, expiredUnanswered: 0, withdrawn: 0, open: 0, medianMillisToAnswer: 1 * HOUR },
    ]);
  });

  it('counts a request as open until its deadline and expired after, without any recorded expiry', () => {
    const requests = [request('r1', US, 0, [])];
    expect(responsiveness(requests, hoursAfter(47))[0]).toMatchObject({ open: 1, expiredUnanswered: 0, medianMillisToAnswer: null });
    expect(responsiveness(requests, hoursAfter(48))[0]).toMatchObject({ open: 0, expiredUnanswered: 1 });
  });

  it('keeps levels and periods apart, and counts withdrawals', () => {
    const rows = responsiveness([request('a', US, 0, [['withdrawn', 1]], 'policy'), request('b', US, 0, [], 'working')], hoursAfter(1), 'quarter');
    expect(rows.map((r) => [r.level, r.period, r.withdrawn, r.open])).toEqual([['policy', '2023-Q4', 1, 0], ['working', '2023-Q4', 0, 1]]);
  });

  it('names periods by the UTC date', () => {
    expect(periodOf('2023-12-31T23:59:59.999Z', 'quarter')).toBe('2023-Q4');
    expect(periodOf('2024-01-01T00:00:00.000Z', 'month')).toBe('2024-01');
    expect(periodOf('2024-05-01T00:00:00.000Z', 'quarter')).toBe('2024-Q2');
  });
});
