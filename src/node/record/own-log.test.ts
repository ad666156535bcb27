import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { nodeCrypto } from '../crypto/index.js';
import { systemClock } from '../server/clock.js';
import { OwnLog } from './own-log.js';

const origin = 'washington.parley.example/beijing';
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

describe('the own log under a burst of appends', () => {
  it('commits a burst in groups and lets other work run between them', async () => {
    const store = await openStore({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'parley-own-log-')), 'parley.db') });
    stores.push(store);
    await store.createLog({ origin, role: 'own', peer: 'beijing', createdAt: new Date() });
    const log = new OwnLog(store, nodeCrypto, nodeCrypto.ed25519Signer(new Uint8Array(32).fill(5)), systemClock, origin, null);
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
