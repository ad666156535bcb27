import { afterEach, describe, expect, it } from 'vitest';
import type { ParleyNode } from '../server/index.js';
import { readLog } from '../testing/log-contents.js';
import { eventually, startPair } from '../testing/node-pair.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

describe('the outbox cursor', () => {
  it('reaches the end of the log when its last events are receipts, which the peer never receipts', async () => {
    const { us, cn, usLink, cnLink } = await startPair(running);

    await usLink.record('message.sent', 'us/duty-officer', { n: 0 });
    await eventually(async () => (await cn.store.logSize(cnLink.peerOrigin)) === (await us.store.logSize(usLink.ownOrigin)), 10_000, 'delivery');
    // Beijing speaks last: Washington's newest event is its receipt, and Beijing writes nothing more.
    await cnLink.record('message.sent', 'cn/duty-officer', { n: 0 });
    // Beijing's receipt and its message may reach Washington in two exchanges, each receipted:
    // wait for the receipt that covers everything Beijing wrote, not merely for a first one.
    await eventually(async () => {
      const last = (await readLog(us.store, usLink.ownOrigin)).at(-1);
      return last?.kind === 'link.receipt' && last.body.upTo === (await cn.store.logSize(cnLink.ownOrigin)) - 1;
    }, 10_000, 'Washington\'s receipt of all Beijing wrote');

    await eventually(
      async () => (await us.store.lastAckedSeq('beijing')) === (await us.store.logSize(usLink.ownOrigin)) - 1 && (await readLog(us.store, usLink.ownOrigin)).at(-1)?.kind === 'link.receipt',
      10_000,
      'the cursor at the end of the log, on the receipt',
    );
    const response = await fetch(`${us.url}/v1/links/beijing`, { headers: { authorization: `Bearer ${us.operatorToken}` } });
    expect(((await response.json()) as { own: { backlog: number } }).own.backlog).toBe(0);
  });
});
