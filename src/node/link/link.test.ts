import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, noteVerifierKey, openNote, parseVerifierKey, verifyConsistency, verifyInclusion } from '../../core/index.js';
import { nodeCrypto } from '../crypto/index.js';
import type { ParleyNode } from '../server/index.js';
import { eventually, startPair } from '../testing/node-pair.js';
import { batchLength, MAX_BATCH_BYTES } from './link-protocol.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

const pair = () => startPair(running);

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

  it('answers with its own events only while it is not delivering them itself', async () => {
    const { us, usLink } = await pair();
    for (let i = 0; i < 30; i++) await usLink.record('message.sent', 'us/duty-officer', { precedence: 'ROUTINE', n: i });
    const sender = us.links.get('beijing')!.sender;
    await eventually(async () => sender.delivering() && true, 10_000, "Washington's sender up");
    const size = await usLink.own.size();
    // A peer that holds nothing of our log asks: our sender is delivering, so the answer does not carry it too.
    const whileDelivering = await usLink.receive({ events: [], have: 0, checkpoint: null, cosignature: null });
    expect(whileDelivering.events).toEqual([]);
    expect(whileDelivering.more).toBe(false);
    // A peer that lacks only our newest few (the receipts of what it has on its way) gets them.
    const nearlyUpToDate = await usLink.receive({ events: [], have: size - 3, checkpoint: null, cosignature: null });
    expect(nearlyUpToDate.events).toHaveLength(3);
    // With our sender not delivering (another process leads, or its exchanges fail), the answer carries the log.
    usLink.deliversItself = () => false;
    const notDelivering = await usLink.receive({ events: [], have: 0, checkpoint: null, cosignature: null });
    expect(notDelivering.events).toHaveLength(Math.min(size, 500));
  });

  it('serves link state, checkpoints and proofs to its own side only', async () => {
    const { us, usLink } = await pair();
    for (let i = 0; i < 12; i++) await usLink.record('message.sent', 'us/duty-officer', { n: i });
    // Checkpoints follow a growing log at most once a second: wait for one that covers the whole log.
    await eventually(async () => {
      const latest = await us.store.latestCheckpoint(usLink.ownOrigin);
      return latest !== undefined && latest.size === (await usLink.own.size()) && latest.cosignatures.length === 1;
    }, 10_000, 'a cosigned checkpoint of the whole log');
    const api = (path: string, token = us.operatorToken) => fetch(`${us.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await (await api('/v1/links', 'wrong')).json()).code).toBe('E_UNAUTHORIZED');
    const [status] = (await (await api('/v1/links')).json()) as [{ peer: string; state: string; own: { size: number; backlog: number } }];
    expect(status).toMatchObject({ peer: 'beijing', state: 'up' });

    const note = await (await api('/v1/links/beijing/checkpoint')).text();
    const logKey = parseVerifierKey(nodeCrypto, us.links.get('beijing')!.link.peer.logKey);
    const [, size, root] = note.split('\n') as [string, string, string];
    const ownKey = noteVerifierKey(nodeCrypto, usLink.ownOrigin, 'ed25519', us.keys.log.publicKey);
    expect(openNote(nodeCrypto, note, [parseVerifierKey(nodeCrypto, ownKey)]).verified).toHaveLength(1);
    expect(logKey.name).toBe('beijing.parley.example');

    const events = await us.store.readEvents(usLink.ownOrigin, 0, 100);
    const inclusion = (await (await api(`/v1/links/beijing/proof/inclusion?index=3&size=${size}`)).json()) as { root: string; proof: string[] };
    expect(inclusion.root).toBe(root);
    verifyInclusion(nodeCrypto, 3, Number(size), events[3]!.leafHash, inclusion.proof.map((p) => fromBase64(p)), fromBase64(root));
    const consistency = (await (await api(`/v1/links/beijing/proof/consistency?from=5&to=${size}`)).json()) as { proof: string[] };
    const oldRoot = fromBase64(((await (await api('/v1/links/beijing/proof/inclusion?index=0&size=5')).json()) as { root: string }).root);
    verifyConsistency(nodeCrypto, 5, Number(size), oldRoot, fromBase64(root), consistency.proof.map((p) => fromBase64(p)));
    expect((await (await api('/v1/links/beijing/proof/inclusion?index=3&size=99999')).json()).code).toBe('E_PROOF_RANGE');
    expect((await (await api('/v1/links/moscow/checkpoint')).json()).code).toBe('E_PEER_NOT_PINNED');
    // A duty officer closes an incident once it is dealt with; it stays listed, closed.
    const incident = await us.store.openIncident({ kind: 'link.down', subject: 'beijing', openedAt: new Date(), details: {} });
    const close = (id: number | string) => fetch(`${us.url}/v1/incidents/${id}/close`, { method: 'POST', headers: { authorization: `Bearer ${us.operatorToken}` } });
    expect((await (await close(incident.id)).json()).closedAt).toEqual(expect.any(String));
    expect(await (await api('/v1/incidents?open=true')).json()).toEqual([]);
    expect((await (await close(99999)).json()).code).toBe('E_NOT_FOUND');
  });

  it('opens each own log with who its node is, so each side learns the other\'s side and time zone from the record', async () => {
    const { us, cn, usLink, cnLink } = await pair();
    await eventually(async () => usLink.peerIdentity(), 10_000, 'peer identity');
    expect(await usLink.peerIdentity()).toEqual({ node: 'beijing', host: 'beijing.parley.example', side: 'CN', timeZone: 'Asia/Shanghai', peer: 'washington' });
    expect(await eventually(async () => cnLink.peerIdentity(), 10_000)).toMatchObject({ side: 'US', timeZone: 'America/New_York' });
    // Opening again (a restart) writes no second first event.
    await usLink.open();
    expect((await kindsOf(us, usLink.ownOrigin)).filter((k) => k === 'link.opened')).toHaveLength(1);
    expect(cn.config.side).toBe('CN');
  });

  it('delivers events of up to a megabyte, in exchanges that stay under the body limit', async () => {
    const { cn, usLink, cnLink } = await pair();
    // 20 events of 0.9 MB: 18 MB in all, more than one exchange may carry (16 MiB).
    const big = 'x'.repeat(900_000);
    for (let n = 0; n < 20; n++) await usLink.record('message.sent', 'us/duty-officer', { n, big });
    await eventually(async () => (await cn.store.logSize(cnLink.peerOrigin)) === (await usLink.own.size()), 30_000, 'the large events delivered');
    const sizes = (await cn.store.readEvents(cnLink.peerOrigin, 0, 100)).map((e) => e.bytes.length).filter((n) => n > 900_000);
    expect(sizes).toHaveLength(20);
    expect(batchLength(Array.from({ length: 20 }, () => ({ bytes: new Uint8Array(900_000) })))).toBe(9);
    expect(batchLength([{ bytes: new Uint8Array(MAX_BATCH_BYTES * 2) }])).toBe(1);
  });

  it('does not exchange again for what it wrote in answer to the peer', async () => {
    const { us, cn, usLink, cnLink } = await pair();
    await usLink.record('message.sent', 'us/duty-officer', { n: 0 });
    await eventually(async () => ((await us.store.lastAckedSeq('beijing')) ?? -1) === (await usLink.own.size()) - 1 && true, 10_000, 'first delivery');
    await cn.links.get('washington')!.sender.stop();
    // Washington's sender delivers one more event; Beijing receipts it in its answer (the receipt travels back in it).
    const before = await cnLink.own.size();
    await usLink.record('message.sent', 'us/duty-officer', { n: 1 });
    await eventually(async () => (await cnLink.own.size()) > before && true, 10_000, "Beijing's receipt");
    const receiptSeq = (await cnLink.own.size()) - 1;
    expect((await cn.store.readEvents(cnLink.ownOrigin, receiptSeq, 1))[0]!.kind).toBe('link.receipt');
    // Beijing's own exchange is answered by a Washington that had not yet taken in that answer:
    // the receipt is on its way to it already, so no further exchange is due.
    const outgoing = await cnLink.nextExchange();
    const result = await cnLink.answered(outgoing, { size: receiptSeq, events: [], more: false, checkpoint: null, cosignature: null });
    expect(result.more).toBe(false);
    // What Beijing recorded itself still is: its sender exchanges again at once.
    await cnLink.record('message.sent', 'cn/duty-officer', { n: 0 });
    const again = await cnLink.answered(await cnLink.nextExchange(), { size: receiptSeq, events: [], more: false, checkpoint: null, cosignature: null });
    expect(again.more).toBe(true);
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
