import { afterEach, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../core/index.js';
import type { Clock, ParleyNode } from '../server/index.js';
import { eventually, startNode, startPair, TEST_TIMING } from '../testing/node-pair.js';
import { HOUR_MS, testerOf } from './link-test-schedule.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

/** A clock the test moves; the nodes' timers still tick in real time, so checks run every 30 ms. */
class TestClock implements Clock {
  constructor(public at: number) {}
  now(): Date {
    return new Date(this.at);
  }
}

const bodiesOf = async (node: ParleyNode, origin: string, kind: string): Promise<Record<string, unknown>[]> =>
  (await node.store.readEvents(origin, 0, 10_000))
    .map((e) => JSON.parse(fromUtf8(e.bytes)) as { kind: string; body: Record<string, unknown> })
    .filter((e) => e.kind === kind)
    .map((e) => e.body);

describe('the hourly link test', () => {
  it('alternates sides by the hour, records the round trip, and records a missed test as an incident on the side that noticed and then on the other', async () => {
    // An hour in which Washington tests ("beijing" < "washington", so Beijing takes even hours).
    let hour = Math.floor(Date.parse('2026-12-01T09:00:00.000Z') / HOUR_MS);
    if (testerOf(hour, ['washington', 'beijing']) !== 'washington') hour++;
    const clock = new TestClock(hour * HOUR_MS + 1_000);
    const options = { ...TEST_TIMING, clock, linkTestCheckMs: 30 };
    const { setup, us, cn, usLink } = await startPair(running, options);

    const [completed] = await eventually(async () => {
      const found = await bodiesOf(us, usLink.ownOrigin, 'link.test.completed');
      return found.length > 0 && found;
    }, 10_000, 'a completed test');
    expect(completed).toMatchObject({ slot: hour });
    expect(typeof completed!.rttMs).toBe('number');
    expect(await bodiesOf(cn, 'beijing.parley.example/washington', 'link.test.answer')).toEqual([expect.objectContaining({ slot: hour })]);
    // Past the grace period nothing is missed, on either side.
    clock.at = hour * HOUR_MS + 11 * 60_000;
    await new Promise((r) => setTimeout(r, 300));
    expect(await us.store.listIncidents()).toEqual([]);
    expect(await cn.store.listIncidents()).toEqual([]);

    // Beijing goes away; in Beijing's next hour its test never comes, and Washington says so.
    await cn.stop();
    running.splice(running.indexOf(cn), 1);
    clock.at = (hour + 1) * HOUR_MS + 11 * 60_000;
    const [missed] = await eventually(async () => {
      const found = await bodiesOf(us, usLink.ownOrigin, 'link.test.missed');
      return found.length > 0 && found;
    }, 10_000, 'a missed test');
    expect(missed).toMatchObject({ slot: hour + 1, role: 'responder' });
    const incidents = await us.store.listIncidents({ open: true });
    expect(incidents.map((i) => [i.kind, i.subject])).toContainEqual(['link-test.missed', `beijing#${hour + 1}`]);
    // Checked again and again, the same hour is recorded once.
    await new Promise((r) => setTimeout(r, 200));
    expect(await bodiesOf(us, usLink.ownOrigin, 'link.test.missed')).toHaveLength(1);

    // Beijing comes back: Washington's record of the missed hour reaches it, and the hour is an incident on its side too.
    const back = await startNode(setup.cn, options);
    running.push(back);
    const theirs = await eventually(async () => {
      const open = await back.store.listIncidents({ open: true });
      return open.find((i) => i.kind === 'link-test.missed' && i.subject === `washington#${hour + 1}`);
    }, 10_000, "the missed hour on Beijing's side");
    expect(theirs.details).toMatchObject({ reportedBy: 'washington', peerRole: 'responder', slot: hour + 1 });
  });
});
