import { afterEach, describe, expect, it } from 'vitest';
import { utf8 } from '../../core/index.js';
import { DIALECTS } from '../index.js';
import { at, newCheckpoint, PEER_ORIGIN, peerLog, signedEvents } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`checkpoints and evidence (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    async function storeWithLog() {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      return store;
    }

    it('stores a checkpoint once; the same root again is a duplicate, another root is equivocation', async () => {
      const store = await storeWithLog();
      expect(await store.putCheckpoint(PEER_ORIGIN, newCheckpoint(7))).toEqual({ kind: 'stored' });
      expect(await store.putCheckpoint(PEER_ORIGIN, newCheckpoint(7, 1, { createdAt: at(99) }))).toEqual({ kind: 'duplicate' });
      const forked = await store.putCheckpoint(PEER_ORIGIN, newCheckpoint(7, 2));
      expect(forked).toEqual({ kind: 'equivocation', existing: { origin: PEER_ORIGIN, cosignatures: [], ...newCheckpoint(7) } });
      expect(await store.getCheckpoint(PEER_ORIGIN, 7)).toMatchObject({ root: newCheckpoint(7).root });
    });

    it('returns the latest checkpoint with its cosignatures, each witness once', async () => {
      const store = await storeWithLog();
      await store.putCheckpoint(PEER_ORIGIN, newCheckpoint(7));
      await store.putCheckpoint(PEER_ORIGIN, newCheckpoint(8));
      const ours = { witness: 'washington.parley.example/witness', line: '— washington.parley.example/witness c2ln', cosignedAt: at(9) };
      await store.addCosignature(PEER_ORIGIN, 8, ours);
      await store.addCosignature(PEER_ORIGIN, 8, { ...ours, line: '— washington.parley.example/witness bGF0ZXI=', cosignedAt: at(10) });
      expect(await store.latestCheckpoint(PEER_ORIGIN)).toEqual({ origin: PEER_ORIGIN, ...newCheckpoint(8), cosignatures: [ours] });
      expect(await store.getCheckpoint(PEER_ORIGIN, 9)).toBeUndefined();
    });

    it('refuses a cosignature for a checkpoint it does not hold', async () => {
      const store = await storeWithLog();
      const cosignature = { witness: 'w', line: '— w c2ln', cosignedAt: at(1) };
      await expect(store.addCosignature(PEER_ORIGIN, 3, cosignature)).rejects.toMatchObject({ code: 'E_CHECKPOINT_UNKNOWN' });
    });

    it('has no checkpoint for a new log', async () => {
      const store = await storeWithLog();
      expect(await store.latestCheckpoint(PEER_ORIGIN)).toBeUndefined();
    });

    it('records equivocation evidence once per pair, in either order, and keeps it', async () => {
      const store = await storeWithLog();
      const [first, second] = [utf8(newCheckpoint(7).note), utf8(newCheckpoint(7, 2).note)];
      const evidence = { origin: PEER_ORIGIN, kind: 'checkpoint' as const, position: 7, first, second, recordedAt: at(20) };
      const recorded = await store.recordEquivocation(evidence);
      expect(recorded).toEqual({ id: recorded.id, ...evidence });
      expect(await store.recordEquivocation({ ...evidence, first: second, second: first, recordedAt: at(30) })).toEqual(recorded);

      const [stored, forked] = [signedEvents(PEER_ORIGIN, 3)[2]!, signedEvents(PEER_ORIGIN, 3, 'forked')[2]!];
      await store.recordEquivocation({ origin: PEER_ORIGIN, kind: 'event', position: 2, first: stored.bytes, second: forked.bytes, recordedAt: at(40) });
      expect((await store.listEquivocations(PEER_ORIGIN)).map((e) => [e.kind, e.position])).toEqual([['checkpoint', 7], ['event', 2]]);
      await expect(stores.rawQuery(store, 'delete from equivocations')).rejects.toThrow(/append-only/);
    });
  });
}
