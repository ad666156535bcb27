import { afterEach, describe, expect, it } from 'vitest';
import { fromUtf8, openNote, parseVerifierKey } from '../../core/index.js';
import { nodeCrypto } from '../crypto/index.js';
import type { ParleyNode } from '../server/index.js';
import { eventually, startNode, writePair } from '../testing/node-pair.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

async function pair() {
  const setup = await writePair();
  const us = await startNode(setup.us);
  const cn = await startNode(setup.cn);
  running.push(us, cn);
  return { setup, us, cn, usLink: us.links.get('beijing')!.link, cnLink: cn.links.get('washington')!.link };
}

const kindsOf = async (node: ParleyNode, origin: string): Promise<string[]> =>
  (await node.store.readEvents(origin, 0, 10_000)).map((e) => (JSON.parse(fromUtf8(e.bytes)) as { kind: string }).kind);

describe('the link between two nodes', () => {
  it('delivers events in order, once, with signed receipts, and both sides witness each other', async () => {
    const { us, cn, usLink, cnLink } = await pair();
    for (let i = 0; i < 30; i++) await usLink.record('message.sent', 'us/duty-officer', { precedence: 'FLASH', n: i });
    const messagesAt = async (node: ParleyNode, origin: string) => (await kindsOf(node, origin)).filter((k) => k === 'message.sent').length;
    await eventually(async () => (await messagesAt(cn, cnLink.peerOrigin)) === 30, 10_000, 'delivery');
    const received = await cn.store.readEvents(cnLink.peerOrigin, 0, 1000);
    const messages = received.map((e) => JSON.parse(fromUtf8(e.bytes)) as { kind: string; body: { n?: number } }).filter((e) => e.kind === 'message.sent');
    expect(messages.map((m) => m.body.n)).toEqual([...Array(30).keys()]);
    // Our copy of the peer's log is byte for byte the peer's own log.
    await eventually(async () => (await us.store.logSize(usLink.peerOrigin)) === (await cn.store.logSize(cnLink.ownOrigin)), 10_000, 'receipts back');
    expect((await us.store.readEvents(usLink.peerOrigin, 0, 100)).map((e) => e.bytes)).toEqual((await cn.store.readEvents(cnLink.ownOrigin, 0, 100)).map((e) => e.bytes));
    expect(await kindsOf(cn, cnLink.ownOrigin)).toContain('link.receipt');
    const ownSize = await us.store.logSize(usLink.ownOrigin);
    await eventually(async () => (await us.store.lastAckedSeq('beijing')) === ownSize - 1, 10_000, 'outbox cursor');

    // Each side's latest checkpoints carry the other's cosignature, verifiable with the pinned keys.
    await eventually(async () => (await us.store.latestCheckpoint(usLink.ownOrigin))?.cosignatures.length === 1 && (await cn.store.latestCheckpoint(cnLink.ownOrigin))?.cosignatures.length === 1, 10_000, 'cosignatures');
    const checkpoint = (await us.store.latestCheckpoint(usLink.ownOrigin))!;
    const note = checkpoint.note + checkpoint.cosignatures[0]!.line;
    const opened = openNote(nodeCrypto, note, [parseVerifierKey(nodeCrypto, us.config.peers[0]!.witnessKey)]);
    expect(opened.verified[0]!.timestamp).toBeGreaterThan(0);
    expect(cnLink.peer.witnessKey).toBe(cn.config.peers[0]!.witnessKey);
  });

  it('is quiet when idle: receipts are never receipted, so the logs stop growing', async () => {
    const { us, cn, usLink, cnLink } = await pair();
    await usLink.record('message.sent', 'us/duty-officer', { text: 'one' });
    await eventually(async () => ((await us.store.lastAckedSeq('beijing')) ?? -1) >= 0 && true, 10_000, 'ack');
    await new Promise((r) => setTimeout(r, 800));
    const sizes = async () => [await us.store.logSize(usLink.ownOrigin), await cn.store.logSize(cnLink.ownOrigin)];
    const before = await sizes();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await sizes()).toEqual(before);
  });
});
