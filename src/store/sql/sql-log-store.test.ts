import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../index.js';
import { at, bulkEvents, effectsFor, OWN_ORIGIN, ownLog, PEER_ORIGIN, peerLog, signedEvents } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

const events = signedEvents(PEER_ORIGIN, 5);

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`logs and Merkle hashes (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    it('creates a log once: the same log again is returned as stored, another role or peer is refused', async () => {
      const store = await stores.fresh();
      const created = await store.createLog(peerLog());
      expect(created).toEqual({ ...peerLog(), size: 0 });
      expect(await store.createLog(peerLog({ createdAt: at(60) }))).toEqual(created);
      await expect(store.createLog(peerLog({ role: 'own' }))).rejects.toMatchObject({ code: 'E_LOG_CONFLICT' });
      await expect(store.createLog(peerLog({ peer: 'moscow' }))).rejects.toMatchObject({ code: 'E_LOG_CONFLICT' });
    });

    it('lists logs by role and peer, with their sizes', async () => {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      await store.createLog(peerLog());
      await store.createLog({ origin: 'washington.parley.example/audit', role: 'internal', peer: null, createdAt: at(1) });
      await store.appendPeerEvents(PEER_ORIGIN, events, effectsFor(events));
      expect((await store.listLogs()).map((l) => l.origin)).toEqual([OWN_ORIGIN, PEER_ORIGIN, 'washington.parley.example/audit']);
      expect(await store.listLogs({ role: 'peer' })).toEqual([{ ...peerLog(), size: 5 }]);
      expect((await store.listLogs({ peer: 'beijing' })).map((l) => l.role)).toEqual(['own', 'peer']);
      expect(await store.getLog('nowhere.example/log')).toBeUndefined();
    });

    it('finds events by seq and the newest event of a kind', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.appendPeerEvents(PEER_ORIGIN, events, effectsFor(events));
      const found = await store.readEventsAt(PEER_ORIGIN, [3, 0, 9, 3]);
      expect(found.map((e) => e?.seq)).toEqual([3, 0, undefined, 3]);
      expect(found[0]!.bytes).toEqual(events[3]!.bytes);
      expect((await store.latestEventOfKind(PEER_ORIGIN, events[0]!.kind))?.seq).toBe(4);
      expect(await store.latestEventOfKind(PEER_ORIGIN, 'no.such.kind')).toBeUndefined();
    });

    it('returns Merkle hashes in the order asked, repeats included', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.appendPeerEvents(PEER_ORIGIN, events, effectsFor(events));
      const hashes = await store.readMerkleHashes(PEER_ORIGIN, [3, 0, 3, 4]);
      expect(hashes).toEqual([events[3]!.leafHash, events[0]!.leafHash, events[3]!.leafHash, events[4]!.leafHash]);
      expect(await store.readMerkleHashes(PEER_ORIGIN, [])).toEqual([]);
      await expect(store.readMerkleHashes(PEER_ORIGIN, [2, 5])).rejects.toMatchObject({ code: 'E_MERKLE_HASH_MISSING', details: { idx: 5 } });
    });

    it('keeps hashes stored once: the same value again is accepted, another value refused with nothing stored', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.appendPeerEvents(PEER_ORIGIN, events.slice(0, 3), effectsFor(events.slice(0, 3)));
      // A redelivery recomputes the hashes it overlaps; equal values pass.
      await store.appendPeerEvents(PEER_ORIGIN, events.slice(1, 4), effectsFor(events.slice(1, 4)));
      const wrong = { merkleHashes: [{ idx: 0, hash: events[4]!.leafHash }, { idx: 4, hash: events[4]!.leafHash }] };
      await expect(store.appendPeerEvents(PEER_ORIGIN, events.slice(4), wrong)).rejects.toMatchObject({ code: 'E_MERKLE_HASH_CONFLICT' });
      expect(await store.logSize(PEER_ORIGIN)).toBe(4);
      await expect(store.readMerkleHashes(PEER_ORIGIN, [4])).rejects.toMatchObject({ code: 'E_MERKLE_HASH_MISSING' });
    });

    it('stores a batch larger than one statement can bind, whole', async () => {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      // 6,100 rows of 11 columns exceed both SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
      const many = bulkEvents(6100, 0, 16);
      await store.appendOwnEvents(OWN_ORIGIN, many, effectsFor(many));
      expect(await store.logSize(OWN_ORIGIN)).toBe(6100);
      expect(await store.readEvents(OWN_ORIGIN, 6098, 10)).toEqual(many.slice(6098));
      expect(await store.readMerkleHashes(OWN_ORIGIN, [0, 6099])).toEqual([many[0]!.leafHash, many[6099]!.leafHash]);
    });

    it('keeps the record append-only in the database itself', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.appendPeerEvents(PEER_ORIGIN, events, effectsFor(events));
      for (const statement of ["update events set kind = 'message.retracted'", 'delete from events', 'delete from merkle_hashes']) {
        await expect(stores.rawQuery(store, statement), statement).rejects.toThrow(/append-only/);
      }
      expect(await store.readEvents(PEER_ORIGIN, 0, 10)).toEqual(events);
    });

    it('keeps its data across a close and re-open', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.appendPeerEvents(PEER_ORIGIN, events, effectsFor(events));
      await store.close();
      const reopened = await stores.another(store);
      expect(await reopened.readEvents(PEER_ORIGIN, 0, 10)).toEqual(events);
      expect(await reopened.readMerkleHashes(PEER_ORIGIN, [4])).toEqual([events[4]!.leafHash]);
    });
  });
}
