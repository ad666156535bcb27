import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../core/index.js';
import { openStore, type EventRecord, type Store } from '../../store/index.js';
import { nodeCrypto } from '../crypto/index.js';
import { systemClock } from '../server/clock.js';
import { OwnLog } from './own-log.js';
import { withRecentEvents } from './recent-events.js';

const origin = 'washington.parley.example/beijing';
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const plain = (events: readonly (EventRecord | undefined)[]) => events.map((e) => e && { seq: e.seq, bytes: toHex(e.bytes), hash: toHex(e.hash), leaf: toHex(e.leafHash), kind: e.kind, ts: e.ts, peer: e.peer });

describe('the newest events kept in memory', () => {
  it('answers every read exactly as the database does, before and after what it keeps', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-recent-')), 'parley.db');
    const store = await openStore({ dialect: 'sqlite', path });
    stores.push(store);
    await store.createLog({ origin, role: 'own', peer: 'beijing', createdAt: new Date() });
    const signer = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(3));
    // 30 events written before the node kept anything (another run of the node), then 40 through it.
    await new OwnLog(store, nodeCrypto, signer, systemClock, origin, null).appendAll(Array.from({ length: 30 }, (_, n) => ({ kind: 'message.sent', actor: 'us/duty-officer', body: { n } })));
    const recent = withRecentEvents(store);
    const log = new OwnLog(recent, nodeCrypto, signer, systemClock, origin, null);
    for (let n = 30; n < 70; n += 8) await log.appendAll(Array.from({ length: 8 }, (_, i) => ({ kind: 'message.sent', actor: 'us/duty-officer', body: { n: n + i } })));

    for (const [from, limit] of [[0, 100], [25, 10], [30, 5], [30, 100], [45, 7], [69, 10], [70, 10]] as const) {
      expect(plain(await recent.readEvents(origin, from, limit)), `from ${from}, limit ${limit}`).toEqual(plain(await store.readEvents(origin, from, limit)));
    }
    for (const seqs of [[31, 50, 69], [29, 30], [70]]) {
      expect(plain(await recent.readEventsAt(origin, seqs)), `at ${seqs.join(',')}`).toEqual(plain(await store.readEventsAt(origin, seqs)));
    }
  });

  it('where other processes write the same logs, answers a read past what it keeps from memory only when that reaches the head', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-recent-')), 'parley.db');
    const store = await openStore({ dialect: 'sqlite', path });
    stores.push(store);
    await store.createLog({ origin, role: 'own', peer: 'beijing', createdAt: new Date() });
    let databaseReads = 0;
    const counted: Store = { ...store, readEvents: (...args) => (databaseReads++, store.readEvents(...args)) };
    const signer = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(4));
    const append = (through: Store, from: number, count: number) =>
      new OwnLog(through, nodeCrypto, signer, systemClock, origin, null).appendAll(Array.from({ length: count }, (_, i) => ({ kind: 'message.sent', actor: 'us/duty-officer', body: { n: from + i } })));
    // Two processes of one side on one database, as on PostgreSQL.
    const first = withRecentEvents(counted, false);
    const second = withRecentEvents(counted, false);
    await append(first, 0, 40);

    databaseReads = 0;
    expect(plain(await first.readEvents(origin, 30, 100))).toEqual(plain(await store.readEvents(origin, 30, 100)));
    expect(databaseReads).toBe(0);

    // The other process writes on: the head is beyond what the first keeps, so the rows are read.
    await append(second, 40, 10);
    databaseReads = 0;
    const read = await first.readEvents(origin, 30, 100);
    expect(read.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 30 + i));
    expect(plain(read)).toEqual(plain(await store.readEvents(origin, 30, 100)));
    expect(databaseReads).toBe(1);
  });
});
