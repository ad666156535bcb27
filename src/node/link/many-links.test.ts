import { afterEach, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../core/index.js';
import type { ParleyNode } from '../server/index.js';
import { writeNetwork } from '../testing/node-network.js';
import { eventually, startNode } from '../testing/node-pair.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

const textsOn = async (node: ParleyNode, origin: string): Promise<string[]> =>
  (await node.store.readEvents(origin, 0, 1000))
    .map((e) => JSON.parse(fromUtf8(e.bytes)) as { kind: string; body: { text?: string } })
    .filter((e) => e.kind === 'message.sent')
    .map((e) => e.body.text!);

describe('a node with several links', () => {
  it('keeps each bilateral link its own record: what goes to Beijing never reaches Moscow', async () => {
    const setups = await writeNetwork(
      [
        { name: 'washington', side: 'US', timeZone: 'America/New_York' },
        { name: 'beijing', side: 'CN', timeZone: 'Asia/Shanghai' },
        { name: 'moscow', side: 'RU', timeZone: 'Europe/Moscow' },
      ],
      [['washington', 'beijing'], ['washington', 'moscow']],
    );
    const [us, cn, ru] = await Promise.all(['washington', 'beijing', 'moscow'].map((n) => startNode(setups.get(n)!)));
    running.push(us!, cn!, ru!);
    expect([...us!.links.keys()].sort()).toEqual(['beijing', 'moscow']);
    await us!.links.get('beijing')!.link.record('message.sent', 'us/duty-officer', { text: 'to Beijing only' });
    await us!.links.get('moscow')!.link.record('message.sent', 'us/duty-officer', { text: 'to Moscow only' });
    await ru!.links.get('washington')!.link.record('message.sent', 'ru/duty-officer', { text: 'from Moscow' });

    await eventually(async () => (await textsOn(cn!, 'washington.parley.example/beijing')).length === 1 && (await textsOn(ru!, 'washington.parley.example/moscow')).length === 1, 10_000, 'both links');
    await eventually(async () => (await textsOn(us!, 'moscow.parley.example/washington')).length === 1, 10_000, 'Moscow to Washington');
    expect(await textsOn(cn!, 'washington.parley.example/beijing')).toEqual(['to Beijing only']);
    expect(await textsOn(ru!, 'washington.parley.example/moscow')).toEqual(['to Moscow only']);
    expect((await cn!.store.listLogs()).map((l) => l.origin).sort()).toEqual(['beijing.parley.example/washington', 'washington.parley.example/beijing']);
    // Each link is witnessed on its own: Washington cosigns Moscow's log with the same witness key it uses for Beijing's.
    await eventually(async () => (await us!.store.latestCheckpoint('moscow.parley.example/washington'))?.cosignatures.length === 1 && true, 10_000, 'cosigned');
  });
});
