import { fromUtf8 } from '../../core/index.js';
import { openNode, type ParleyNode } from '../../node/index.js';
import { wallClockMs, type FromPeer, type ReceiverTally, type ToPeer } from './peer-protocol.js';

/*
 * Beijing's node for the federation benchmarks, in a process of its own as a real peer would be
 * (and on the machine's other core). It tells its parent over IPC when Washington's events are
 * durably stored in its copy, stamped with its own high-resolution wall clock, and on request
 * lists what that copy holds, so loss and duplication are counted from the receiver's data.
 */

const PAGE = 2_000;

async function tally(node: ParleyNode): Promise<ReceiverTally> {
  const { link } = node.links.get('washington')!;
  const ids: string[] = [];
  const seen = new Set<number>();
  let repeatedSeqs = 0;
  for (let from = 0; ; ) {
    const page = await node.store.readEvents(link.peerOrigin, from, PAGE);
    for (const event of page) {
      if (seen.has(event.seq)) repeatedSeqs++;
      seen.add(event.seq);
      const id = (JSON.parse(fromUtf8(event.bytes)) as { body?: { bench?: unknown } }).body?.bench;
      if (typeof id === 'string') ids.push(id);
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1]!.seq + 1;
  }
  return { size: await node.store.logSize(link.peerOrigin), repeatedSeqs, ids };
}

async function main(): Promise<void> {
  const send = (message: FromPeer): void => void process.send?.(message);
  const [configPath] = process.argv.slice(2);
  const node = await openNode(configPath!, { logLevel: 'silent' });
  const { link } = node.links.get('washington')!;
  link.onChange((change) => {
    if (change.origin === link.peerOrigin) send({ type: 'stored', size: change.size, at: wallClockMs() });
  });
  process.on('message', (message: ToPeer) => {
    if (message.type === 'tally') {
      tally(node).then((t) => send({ type: 'tally', tally: t }), (error: Error) => send({ type: 'failed', message: error.message }));
    } else if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', micros: user + system });
    } else if (message.type === 'stop') {
      node.stop().then(() => process.disconnect(), (error: Error) => {
        send({ type: 'failed', message: error.message });
        process.exit(1);
      });
    }
  });
  // An orphaned peer stops with its parent instead of holding its port.
  process.on('disconnect', () => void node.stop().finally(() => process.exit(0)));
  await node.start();
  send({ type: 'started' });
}

main().catch((error: Error) => {
  process.send?.({ type: 'failed', message: error.message } satisfies FromPeer);
  process.exit(1);
});
