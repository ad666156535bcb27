import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../index.js';
import { at, effectsFor, newIncident, newPeer, PEER_ORIGIN, peerLog, signedEvents } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

const receipts = signedEvents(PEER_ORIGIN, 4);
const forked = signedEvents(PEER_ORIGIN, 4, 'forked');

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`federation state (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    it('pins a peer once; the same keys again are accepted, other keys or address refused', async () => {
      const store = await stores.fresh();
      const pinned = await store.pinPeer(newPeer());
      expect(pinned).toEqual({ ...newPeer(), trust: 'trusted', trustReason: null, trustChangedAt: null });
      expect(await store.pinPeer(newPeer({ addedAt: at(60) }))).toEqual(pinned);
      await expect(store.pinPeer(newPeer({ logKey: 'beijing.parley.example+00000000+AQ' }))).rejects.toMatchObject({ code: 'E_PEER_ALREADY_PINNED' });
      await expect(store.pinPeer(newPeer({ url: 'https://elsewhere.example' }))).rejects.toMatchObject({ code: 'E_PEER_ALREADY_PINNED' });
      expect(await store.listPeers()).toEqual([pinned]);
    });

    it('marks a peer untrusted with a reason, and refuses to for a peer never pinned', async () => {
      const store = await stores.fresh();
      await store.pinPeer(newPeer());
      const marked = await store.setPeerTrust('beijing', 'untrusted', 'two checkpoints of size 7 with different roots', at(5));
      expect(marked).toMatchObject({ trust: 'untrusted', trustReason: 'two checkpoints of size 7 with different roots', trustChangedAt: at(5) });
      expect(await store.getPeer('beijing')).toEqual(marked);
      await expect(store.setPeerTrust('moscow', 'trusted', 'x', at(6))).rejects.toMatchObject({ code: 'E_PEER_NOT_PINNED' });
    });

    it('moves the outbox cursor together with the receipt that acknowledges, and never back', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      expect(await store.lastAckedSeq('beijing')).toBeNull();
      await store.appendPeerEvents(PEER_ORIGIN, receipts.slice(0, 2), effectsFor(receipts.slice(0, 2), { outboxAck: { peer: 'beijing', seq: 41 } }));
      expect(await store.lastAckedSeq('beijing')).toBe(41);

      // A receipt that is not stored moves nothing: refused (a gap) or returned as equivocation.
      const gap = receipts.slice(3);
      await expect(store.appendPeerEvents(PEER_ORIGIN, gap, effectsFor(gap, { outboxAck: { peer: 'beijing', seq: 99 } }))).rejects.toMatchObject({ code: 'E_EVENT_SEQ_GAP' });
      const fork = forked.slice(1, 3);
      expect(await store.appendPeerEvents(PEER_ORIGIN, fork, effectsFor(fork, { outboxAck: { peer: 'beijing', seq: 99 } }))).toMatchObject({ kind: 'equivocation' });
      expect(await store.lastAckedSeq('beijing')).toBe(41);

      // A late receipt for less is stored, but the cursor stays where it was.
      const late = receipts.slice(2, 3);
      await store.appendPeerEvents(PEER_ORIGIN, late, effectsFor(late, { outboxAck: { peer: 'beijing', seq: 7 } }));
      expect(await store.lastAckedSeq('beijing')).toBe(41);
    });

    it('refuses a replayed nonce until it expires and is forgotten', async () => {
      const store = await stores.fresh();
      expect(await store.rememberNonce('beijing', 'n-1', at(300))).toBe(true);
      expect(await store.rememberNonce('beijing', 'n-1', at(300))).toBe(false);
      expect(await store.rememberNonce('moscow', 'n-1', at(300))).toBe(true);
      expect(await store.forgetExpiredNonces(at(299))).toBe(0);
      expect(await store.forgetExpiredNonces(at(300))).toBe(2);
      expect(await store.rememberNonce('beijing', 'n-1', at(900))).toBe(true);
    });

    it('accepts a nonce exactly once when two processes see the same request at once', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).rememberNonce('beijing', 'same-nonce', at(300)));
      const accepted = (await Promise.all(attempts)).filter(Boolean);
      expect(accepted).toHaveLength(1);
    });

    it('keeps one open incident per kind and subject, and closes it once', async () => {
      const store = await stores.fresh();
      const opened = await store.openIncident(newIncident());
      expect(await store.openIncident(newIncident({ openedAt: at(30), details: { again: true } }))).toEqual(opened);
      const other = await store.openIncident(newIncident({ kind: 'link-test.missed' }));
      const closed = await store.closeIncident(opened.id, at(60));
      expect(closed).toEqual({ ...opened, closedAt: at(60) });
      expect(await store.closeIncident(opened.id, at(90))).toEqual(closed);
      expect(await store.closeIncident(9999, at(90))).toBeUndefined();
      expect(await store.listIncidents({ open: true })).toEqual([other]);
      const reopened = await store.openIncident(newIncident({ openedAt: at(120) }));
      expect(reopened.id).not.toBe(opened.id);
      expect((await store.listIncidents()).map((i) => i.id)).toEqual([opened.id, other.id, reopened.id]);
      expect(await store.listIncidents({ open: false })).toEqual([closed]);
      // Closed by what it is about: the open one of that kind and subject, and only that one.
      const closedAgain = await store.closeOpenIncident(reopened.kind, reopened.subject, at(150));
      expect(closedAgain).toEqual({ ...reopened, closedAt: at(150) });
      expect(await store.closeOpenIncident(reopened.kind, reopened.subject, at(180))).toBeUndefined();
      expect(await store.listIncidents({ open: true })).toEqual([other]);
    });
  });
}
