import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../index.js';
import type { EventRecord, OwnAlongside } from '../index.js';
import { effectsFor, merkleHashesFor, OWN_ORIGIN, ownLog, PEER_ORIGIN, peerLog, signedEvents } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

const own = signedEvents(OWN_ORIGIN, 6);
const peer = signedEvents(PEER_ORIGIN, 24);
const forked = signedEvents(PEER_ORIGIN, 24, 'forked');

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`appending events (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    async function storeWithLogs() {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      await store.createLog(peerLog());
      return store;
    }

    it('reads back what was appended, in seq order, bytes verbatim', async () => {
      const store = await storeWithLogs();
      await store.appendOwnEvents(OWN_ORIGIN, own.slice(0, 2), effectsFor(own.slice(0, 2)));
      const appended = await store.appendOwnEvents(OWN_ORIGIN, own.slice(2), effectsFor(own.slice(2)));
      expect(appended).toEqual({ kind: 'appended', added: 4, size: 6 });
      expect(await store.readEvents(OWN_ORIGIN, 0, 100)).toEqual(own);
      expect((await store.readEvents(OWN_ORIGIN, 2, 2)).map((e) => e.seq)).toEqual([2, 3]);
      expect(await store.logSize(OWN_ORIGIN)).toBe(6);
      expect(await store.latestEvent(OWN_ORIGIN)).toEqual(own[5]);
      expect(await store.latestEvent(PEER_ORIGIN)).toBeUndefined();
    });

    it('stores batches of many sizes alike (each size compiles its own insert, and only some are kept)', async () => {
      const store = await storeWithLogs();
      const many = signedEvents(OWN_ORIGIN, 230);
      // Sizes 1, 2, …, 20 (more than the kept statements), then 1 and 9 again.
      let at = 0;
      for (const size of [...Array.from({ length: 20 }, (_, i) => i + 1), 1, 9]) {
        const batch = many.slice(at, at + size);
        await store.appendOwnEvents(OWN_ORIGIN, batch, effectsFor(batch));
        at += size;
      }
      expect(at).toBe(220);
      expect(await store.readEvents(OWN_ORIGIN, 0, 1000)).toEqual(many.slice(0, 220));
    });

    it('refuses a gap (E_EVENT_SEQ_GAP) and a reused seq (E_EVENT_SEQ_TAKEN), storing nothing', async () => {
      const store = await storeWithLogs();
      await store.appendOwnEvents(OWN_ORIGIN, own.slice(0, 3), effectsFor(own.slice(0, 3)));
      await expect(store.appendOwnEvents(OWN_ORIGIN, own.slice(4), effectsFor(own.slice(4)))).rejects.toMatchObject({ code: 'E_EVENT_SEQ_GAP' });
      await expect(store.appendOwnEvents(OWN_ORIGIN, own.slice(2, 5), effectsFor(own.slice(2, 5)))).rejects.toMatchObject({ code: 'E_EVENT_SEQ_TAKEN' });
      expect(await store.readEvents(OWN_ORIGIN, 0, 100)).toEqual(own.slice(0, 3));
    });

    it('refuses a batch whose seqs are not consecutive', async () => {
      const store = await storeWithLogs();
      const shuffled = [own[0]!, own[2]!, own[1]!];
      await expect(store.appendOwnEvents(OWN_ORIGIN, shuffled, effectsFor(shuffled))).rejects.toMatchObject({ code: 'E_EVENT_OUT_OF_ORDER' });
      expect(await store.logSize(OWN_ORIGIN)).toBe(0);
    });

    it('refuses events for a log it does not hold', async () => {
      const store = await stores.fresh();
      await expect(store.appendOwnEvents(OWN_ORIGIN, own, effectsFor(own))).rejects.toMatchObject({ code: 'E_LOG_UNKNOWN' });
      await expect(store.readEvents(OWN_ORIGIN, 0, 1)).rejects.toMatchObject({ code: 'E_LOG_UNKNOWN' });
    });

    it('lets exactly one of two racing writers take a seq; the other learns E_EVENT_SEQ_TAKEN', async () => {
      const first = await storeWithLogs();
      const second = await stores.another(first);
      const theirs = signedEvents(OWN_ORIGIN, 3, 'other-process');
      const outcomes = await Promise.allSettled([
        first.appendOwnEvents(OWN_ORIGIN, own.slice(0, 3), effectsFor(own.slice(0, 3))),
        second.appendOwnEvents(OWN_ORIGIN, theirs, effectsFor(theirs)),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ reason: { code: 'E_EVENT_SEQ_TAKEN' } });
      const winner = outcomes[0]!.status === 'fulfilled' ? own.slice(0, 3) : theirs;
      expect(await first.readEvents(OWN_ORIGIN, 0, 10)).toEqual(winner);
    });

    it('treats a repeated or overlapping peer delivery as the same events, adding only the new ones', async () => {
      const store = await storeWithLogs();
      await store.appendPeerEvents(PEER_ORIGIN, peer.slice(0, 4), effectsFor(peer.slice(0, 4)));
      expect(await store.appendPeerEvents(PEER_ORIGIN, peer.slice(0, 4), effectsFor(peer.slice(0, 4)))).toEqual({ kind: 'appended', added: 0, size: 4 });
      expect(await store.appendPeerEvents(PEER_ORIGIN, peer.slice(2, 6), effectsFor(peer.slice(2, 6)))).toEqual({ kind: 'appended', added: 2, size: 6 });
      expect(await store.readEvents(PEER_ORIGIN, 0, 100)).toEqual(peer.slice(0, 6));
    });

    it('returns another event at a stored seq as equivocation, with both events, and stores nothing of the batch', async () => {
      const store = await storeWithLogs();
      await store.appendPeerEvents(PEER_ORIGIN, peer.slice(0, 4), effectsFor(peer.slice(0, 4)));
      const delivery = [peer[1]!, ...forked.slice(2, 6)];
      const result = await store.appendPeerEvents(PEER_ORIGIN, delivery, effectsFor(delivery));
      expect(result).toEqual({ kind: 'equivocation', seq: 2, stored: peer[2], received: forked[2] });
      expect(await store.readEvents(PEER_ORIGIN, 0, 100)).toEqual(peer.slice(0, 4));
    });

    it('writes own events in the transaction of the peer batch they receipt, or neither of them', async () => {
      const store = await storeWithLogs();
      const alongside = (events: readonly EventRecord[], size: number, added: number): OwnAlongside => ({
        origin: OWN_ORIGIN, events, merkleHashes: merkleHashesFor(events), expects: { size, added },
      });
      const batch = peer.slice(0, 4);
      const stored = await store.appendPeerEvents(PEER_ORIGIN, batch, { ...effectsFor(batch), own: alongside(own.slice(0, 1), 4, 4) });
      expect(stored).toEqual({ kind: 'appended', added: 4, size: 4, own: { kind: 'appended', added: 1, size: 1 } });
      expect(await store.readEvents(OWN_ORIGIN, 0, 10)).toEqual(own.slice(0, 1));

      // Our seq 0 is taken: the next batch is not stored either, and can be stored once signed anew.
      const next = peer.slice(4, 6);
      await expect(store.appendPeerEvents(PEER_ORIGIN, next, { ...effectsFor(next), own: alongside(own.slice(0, 1), 6, 2) })).rejects.toMatchObject({ code: 'E_EVENT_SEQ_TAKEN' });
      expect(await store.logSize(PEER_ORIGIN)).toBe(4);

      // A batch not stored as the own events expect (all of it was stored before): it is, they are not.
      expect(await store.appendPeerEvents(PEER_ORIGIN, batch, { ...effectsFor(batch), own: alongside(own.slice(1, 2), 4, 4) })).toEqual({ kind: 'appended', added: 0, size: 4 });
      expect(await store.logSize(OWN_ORIGIN)).toBe(1);

      // Equivocation: nothing of either log is written.
      const fork = [peer[2]!, ...forked.slice(3, 6)];
      expect(await store.appendPeerEvents(PEER_ORIGIN, fork, { ...effectsFor(fork), own: alongside(own.slice(1, 2), 6, 2) })).toMatchObject({ kind: 'equivocation', seq: 3 });
      expect([await store.logSize(PEER_ORIGIN), await store.logSize(OWN_ORIGIN)]).toEqual([4, 1]);

      expect(await store.appendPeerEvents(PEER_ORIGIN, next, { ...effectsFor(next), own: alongside(own.slice(1, 2), 6, 2) })).toMatchObject({ size: 6, own: { size: 2 } });
      expect(await store.readEvents(OWN_ORIGIN, 0, 10)).toEqual(own.slice(0, 2));
      expect(await store.readEvents(PEER_ORIGIN, 0, 10)).toEqual(peer.slice(0, 6));
    });

    it('refuses a peer delivery that starts beyond the end of the log', async () => {
      const store = await storeWithLogs();
      await expect(store.appendPeerEvents(PEER_ORIGIN, peer.slice(1, 3), effectsFor(peer.slice(1, 3)))).rejects.toMatchObject({ code: 'E_EVENT_SEQ_GAP' });
    });

    it('ends with exactly the peer log after any sequence of overlapping, repeated and early deliveries', async () => {
      const delivery = fc.record({ from: fc.nat({ max: 20 }), length: fc.integer({ min: 1, max: 6 }) });
      await fc.assert(
        fc.asyncProperty(fc.array(delivery, { maxLength: 8 }), async (deliveries) => {
          const store = await storeWithLogs();
          let size = 0;
          for (const { from, length } of deliveries) {
            const batch = peer.slice(from, from + length);
            if (batch.length === 0) continue;
            const stored = store.appendPeerEvents(PEER_ORIGIN, batch, effectsFor(batch));
            if (from > size) {
              await expect(stored).rejects.toMatchObject({ code: 'E_EVENT_SEQ_GAP' });
            } else {
              size = Math.max(size, from + batch.length);
              await expect(stored).resolves.toMatchObject({ kind: 'appended', size });
            }
          }
          expect(await store.readEvents(PEER_ORIGIN, 0, 100)).toEqual(peer.slice(0, size));
          await store.close();
        }),
        { numRuns: 15 },
      );
    });

    it('leaves nothing behind when a write fails midway through its transaction', async () => {
      const store = await storeWithLogs();
      const batch = own.slice(0, 3);
      // The events are inserted before the Merkle hashes; a duplicate index fails the second insert.
      const broken = { merkleHashes: [...effectsFor(batch).merkleHashes, { idx: 0, hash: batch[1]!.leafHash }] };
      await expect(store.appendOwnEvents(OWN_ORIGIN, batch, broken)).rejects.toMatchObject({ code: 'E_MERKLE_HASH_CONFLICT' });
      expect(await store.logSize(OWN_ORIGIN)).toBe(0);
      expect(await store.readEvents(OWN_ORIGIN, 0, 10)).toEqual([]);
      await expect(store.readMerkleHashes(OWN_ORIGIN, [0])).rejects.toMatchObject({ code: 'E_MERKLE_HASH_MISSING' });
      // The log is not wedged: the same events go in once the batch is right.
      await expect(store.appendOwnEvents(OWN_ORIGIN, batch, effectsFor(batch))).resolves.toMatchObject({ size: 3 });
    });
  });
}
