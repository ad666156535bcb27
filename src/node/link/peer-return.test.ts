import { afterEach, describe, expect, it } from 'vitest';
import type { ParleyNode } from '../server/index.js';
import { eventually, startNode, TEST_TIMING, writePair } from '../testing/node-pair.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

describe('when the peer comes back after an outage', () => {
  it('the link is up again as soon as the peer reaches us, not after the rest of a long back-off, and the backlog arrives', async () => {
    const setup = await writePair();
    // Washington retries a failed exchange only every 30 s.
    const us = await startNode(setup.us, { ...TEST_TIMING, linkTiming: { ...TEST_TIMING.linkTiming, retryMinMs: 30_000, retryMaxMs: 30_000 } });
    running.push(us);
    const link = us.links.get('beijing')!;
    // Beijing is down: Washington's first exchange fails and it backs off for 30 s.
    await eventually(async () => link.sender.status().state === 'degraded', 10_000, 'the failed first exchange');
    for (let n = 0; n < 20; n++) await link.link.record('message.sent', 'us/duty-officer', { precedence: 'ROUTINE', n });

    const cn = await startNode(setup.cn);
    running.push(cn);
    const cnLink = cn.links.get('washington')!.link;
    await eventually(async () => link.sender.status().state === 'up', 10_000, 'the link up on Washington');
    const ownSize = await link.link.own.size();
    await eventually(async () => (await cn.store.logSize(cnLink.peerOrigin)) === ownSize, 10_000, "Washington's backlog at Beijing");
    expect(link.sender.status().failures).toBe(0);
  });
});
