import { afterEach, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../core/index.js';
import type { ParleyNode } from '../server/index.js';
import type { CuttableProxy } from '../testing/cuttable-proxy.js';
import { eventually, startNode } from '../testing/node-pair.js';
import { pairBehindProxies } from '../testing/proxied-pair.js';

const running: ParleyNode[] = [];
const proxies: CuttableProxy[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

const kinds = async (node: ParleyNode, origin: string): Promise<string[]> =>
  (await node.store.readEvents(origin, 0, 10_000)).map((e) => (JSON.parse(fromUtf8(e.bytes)) as { kind: string }).kind);

describe('an outage only one side can see', () => {
  it('Washington cannot reach Beijing, Beijing still reaches Washington: the outage is on both watch floors, and closes on both', { timeout: 60_000 }, async () => {
    const { setup, toBeijing } = await pairBehindProxies(proxies);
    const us = await startNode(setup.us);
    const cn = await startNode(setup.cn);
    running.push(us, cn);
    const usLink = us.links.get('beijing')!;
    await eventually(async () => usLink.sender.status().state === 'up' && cn.links.get('washington')!.sender.status().state === 'up', 10_000, 'the link up');

    // Only Washington's direction is cut. Washington's exchanges fail and it calls the link down.
    toBeijing.sever();
    await eventually(async () => (await us.store.listIncidents({ open: true })).some((i) => i.kind === 'link.down' && i.subject === 'beijing'), 15_000, "Washington's link.down");
    // Beijing's own exchanges still work, and their answers bring it Washington's report.
    const reported = await eventually(async () => (await cn.store.listIncidents({ open: true })).find((i) => i.kind === 'link.down.peer' && i.subject === 'washington'), 15_000, "the outage on Beijing's side");
    expect(reported.details).toMatchObject({ reportedBy: 'washington', since: expect.any(String) });
    expect(cn.links.get('washington')!.sender.status().state).toBe('up');

    // The line is mended: both incidents close, and Washington's log says when it was down and when it came back.
    toBeijing.restore();
    await eventually(async () => !(await us.store.listIncidents({ open: true })).some((i) => i.kind === 'link.down'), 15_000, "Washington's incident closed");
    await eventually(async () => !(await cn.store.listIncidents({ open: true })).some((i) => i.kind === 'link.down.peer'), 15_000, "Beijing's incident closed");
    expect((await cn.store.listIncidents()).filter((i) => i.kind === 'link.down.peer' && i.closedAt !== null)).toHaveLength(1);
    const ours = await kinds(us, usLink.link.ownOrigin);
    expect(ours.filter((k) => k === 'link.down' || k === 'link.restored')).toEqual(['link.down', 'link.restored']);
    await eventually(async () => (await kinds(cn, cn.links.get('washington')!.link.peerOrigin)).includes('link.restored'), 10_000, 'the report of its end at Beijing');
  });
});
