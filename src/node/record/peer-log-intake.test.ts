import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromUtf8, signEvent, toHex, type EncodedEvent } from '../../core/index.js';
import { openStore, type Store } from '../../store/index.js';
import { nodeCrypto, SignatureWorker } from '../crypto/index.js';
import { systemClock } from '../server/clock.js';
import { PeerLogIntake } from './peer-log-intake.js';

const peerOrigin = 'beijing.parley.example/washington';
const ownOrigin = 'washington.parley.example/beijing';
const beijing = nodeCrypto.ed25519Signer(nodeCrypto.sha256(new TextEncoder().encode('parley-test/intake/beijing')));

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const workers: SignatureWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
});

async function intakeOnFreshStore(signatures?: SignatureWorker): Promise<{ store: Store; intake: PeerLogIntake }> {
  const store = await openStore({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'parley-intake-')), 'parley.db') });
  stores.push(store);
  const createdAt = new Date();
  await store.createLog({ origin: ownOrigin, role: 'own', peer: 'beijing', createdAt });
  await store.createLog({ origin: peerOrigin, role: 'peer', peer: 'beijing', createdAt });
  return { store, intake: new PeerLogIntake(store, nodeCrypto, systemClock, { peer: 'beijing', peerOrigin, ownOrigin, peerLogKey: beijing.publicKey }, signatures) };
}

/** Beijing's log as it would send it: `count` chained, signed events, as their canonical bytes. */
function beijingLog(count: number, text = 'body'): Uint8Array[] {
  const events: EncodedEvent[] = [];
  for (let seq = 0; seq < count; seq++) {
    const prev = events[seq - 1];
    events.push(
      signEvent(nodeCrypto, beijing, {
        v: 1, log: peerOrigin, seq, prev: prev ? toHex(prev.hash) : null, peer: null,
        ts: new Date(Date.UTC(2026, 11, 1, 8, 0, seq)).toISOString(), kind: 'message.sent', actor: 'cn/duty-officer', body: { n: seq, text },
      }),
    );
  }
  return events.map((e) => e.bytes);
}

describe('taking in the peer log', () => {
  it('stores a batch that overtook the one before it after that one, when a sender has two on their way', async () => {
    const { store, intake } = await intakeOnFreshStore();
    const log = beijingLog(10);
    // The second batch reaches the intake first.
    const [second, first] = await Promise.all([intake.accept(log.slice(5)), intake.accept(log.slice(0, 5))]);
    expect(first).toMatchObject({ added: 5, size: 5 });
    expect(second).toMatchObject({ added: 5, size: 10 });
    const stored = await store.readEvents(peerOrigin, 0, 20);
    expect(stored.map((e) => fromUtf8(e.bytes))).toEqual(log.map(fromUtf8));
  });

  it('still refuses a batch that leaves a gap nothing fills, naming where to resume, and stores nothing of it', async () => {
    const { store, intake } = await intakeOnFreshStore();
    const log = beijingLog(10);
    await intake.accept(log.slice(0, 3));
    await expect(intake.accept(log.slice(5))).rejects.toMatchObject({ code: 'E_EVENT_SEQ_GAP', details: { seq: 5, size: 3 } });
    expect(await store.logSize(peerOrigin)).toBe(3);
  });

  it('checks a large batch in the signature worker, and refuses it whole for one bad signature, naming that event', async () => {
    const signatures = new SignatureWorker(nodeCrypto);
    workers.push(signatures);
    const { store, intake } = await intakeOnFreshStore(signatures);
    const log = beijingLog(60);
    const forged = withSignatureOf(log[25]!, beijingLog(60, 'another body')[25]!);
    await expect(intake.accept([...log.slice(0, 25), forged, ...log.slice(26, 40)])).rejects.toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', details: { seq: 25 } });
    expect(await store.logSize(peerOrigin)).toBe(0);
    expect(signatures.counts.inWorker).toBe(40);

    // A bad signature is named before a malformed event that comes after it.
    await expect(intake.accept([...log.slice(0, 25), forged, ...log.slice(26, 30), new TextEncoder().encode('{"not":"an event"')])).rejects.toMatchObject({
      code: 'E_EVENT_SIGNATURE_INVALID', details: { seq: 25 },
    });
    await expect(intake.accept([...log.slice(0, 30), new TextEncoder().encode('{"not":"an event"')])).rejects.toMatchObject({ code: 'E_EVENT_MALFORMED' });
    expect(await store.logSize(peerOrigin)).toBe(0);

    expect(await intake.accept(log.slice(0, 40))).toMatchObject({ added: 40, size: 40 });
    // Events already held are compared by hash, not checked again: only the 20 new ones are.
    const checked = signatures.counts.inWorker + signatures.counts.inline;
    expect(await intake.accept(log.slice(20, 60))).toMatchObject({ added: 20, size: 60 });
    expect(signatures.counts.inWorker + signatures.counts.inline - checked).toBe(20);
    const stored = await store.readEvents(peerOrigin, 0, 100);
    expect(stored.map((e) => fromUtf8(e.bytes))).toEqual(log.map(fromUtf8));
  });
});

/** `event` with the signature member of `donor` (same seq, another body): a well-formed event whose signature does not verify. */
function withSignatureOf(event: Uint8Array, donor: Uint8Array): Uint8Array {
  const sigOf = (bytes: Uint8Array): string => /"sig":"([^"]+)"/.exec(fromUtf8(bytes))![1]!;
  return new TextEncoder().encode(fromUtf8(event).replace(sigOf(event), sigOf(donor)));
}
