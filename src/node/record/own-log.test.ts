import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leafHash } from '../../core/index.js';
import { openStore, toEventRecord, type AppendEffects, type EventRecord, type Store } from '../../store/index.js';
import { TestLog, testSeed } from '../../test-support/event-factory.js';
import { nodeCrypto } from '../crypto/index.js';
import { systemClock } from '../server/clock.js';
import { OwnLog } from './own-log.js';

const origin = 'washington.parley.example/beijing';
const peerOrigin = 'beijing.parley.example/washington';
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function freshStore(): Promise<Store> {
  const store = await openStore({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'parley-own-log-')), 'parley.db') });
  stores.push(store);
  await store.createLog({ origin, role: 'own', peer: 'beijing', createdAt: new Date() });
  await store.createLog({ origin: peerOrigin, role: 'peer', peer: 'beijing', createdAt: new Date() });
  return store;
}

const signer = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(5));

/** The first `count` events of the peer's log, as stored. */
function peerEvents(count: number): EventRecord[] {
  const log = new TestLog(nodeCrypto, nodeCrypto.ed25519Signer(testSeed(9)), peerOrigin);
  return Array.from({ length: count }, (_, n) => log.append({ n })).map((e) => toEventRecord(e, leafHash(nodeCrypto, e.bytes)));
}

/** The store keeps Merkle hashes at whatever indexes it is given; here, the leaves at their seqs. */
const effectsFor = (events: readonly EventRecord[]): AppendEffects => ({ merkleHashes: events.map((e) => ({ idx: e.seq, hash: e.leafHash })) });

describe('the own log under a burst of appends', () => {
  it('commits a burst in groups and lets other work run between them', async () => {
    const store = await freshStore();
    const log = new OwnLog(store, nodeCrypto, signer, systemClock, origin, null);
    const order: string[] = [];
    log.onAppended((events) => order.push(`group of ${events.length}`));

    // 1,200 appends at once: three groups. Work that asks for a turn meanwhile (the sender's read,
    // an API request) must get one early in the burst, not after it.
    const burst = log.appendAll(Array.from({ length: 1200 }, (_, n) => ({ kind: 'message.sent', actor: 'us/duty-officer', body: { n } })));
    setImmediate(() => order.push('other work'));
    const events = await burst;

    expect(order.filter((o) => o !== 'other work')).toEqual(['group of 500', 'group of 500', 'group of 200']);
    // It ran before the second group was committed (in fact while the first was being signed).
    expect(order.indexOf('other work')).toBeLessThan(order.lastIndexOf('group of 500'));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1200 }, (_, n) => n));
    expect(await log.size()).toBe(1200);
  });
});

describe('an own event committed with a batch of the peer\'s log', () => {
  it('is signed after the appends queued before it, refers to the batch\'s newest event, and is stored in the batch\'s transaction', async () => {
    const store = await freshStore();
    const log = new OwnLog(store, nodeCrypto, signer, systemClock, origin, peerOrigin);
    const announced: number[][] = [];
    log.onAppended((events) => announced.push(events.map((e) => e.seq)));
    const batch = peerEvents(3);

    const before = log.appendAll([1, 2].map((n) => ({ kind: 'message.sent', actor: 'us/duty-officer', body: { n } })));
    const receipt = log.appendWith({ kind: 'link.receipt', actor: 'node:washington', body: { upTo: 2 } }, {
      head: batch[2]!,
      expects: { size: 3, added: 3 },
      store: (own) => store.appendPeerEvents(peerOrigin, batch, { ...effectsFor(batch), own }),
    });
    const after = log.append({ kind: 'message.sent', actor: 'us/duty-officer', body: { n: 3 } });
    const [sent, outcome, last] = await Promise.all([before, receipt, after]);

    expect(sent.map((e) => e.peer)).toEqual([null, null]);
    expect(outcome.result).toMatchObject({ kind: 'appended', added: 3, size: 3, own: { added: 1, size: 3 } });
    expect(outcome.event).toMatchObject({ seq: 2, peer: { log: peerOrigin, seq: 2 } });
    expect(last).toMatchObject({ seq: 3, peer: { log: peerOrigin, seq: 2 } });
    expect(announced).toEqual([[0, 1], [2], [3]]);
    expect((await store.readEvents(origin, 0, 10)).map((e) => e.kind)).toEqual(['message.sent', 'message.sent', 'link.receipt', 'message.sent']);
  });

  it('is not written, and not announced, when the batch is not stored as it was signed for', async () => {
    const store = await freshStore();
    const log = new OwnLog(store, nodeCrypto, signer, systemClock, origin, peerOrigin);
    const batch = peerEvents(2);
    await store.appendPeerEvents(peerOrigin, batch, effectsFor(batch));
    const announced: number[] = [];
    log.onAppended((events) => announced.push(events.length));

    const outcome = await log.appendWith({ kind: 'link.receipt', actor: 'node:washington', body: { upTo: 1 } }, {
      head: batch[1]!,
      expects: { size: 2, added: 2 },
      store: (own) => store.appendPeerEvents(peerOrigin, batch, { ...effectsFor(batch), own }),
    });
    expect(outcome).toEqual({ result: { kind: 'appended', added: 0, size: 2 } });
    expect(announced).toEqual([]);
    expect(await log.size()).toBe(0);
  });
});
