import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../index.js';
import { at, effectsFor, newSession, newUser, ownLog, signedEvents, T0 } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

const AUDIT_ORIGIN = 'washington.parley.example/audit';

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`side-internal data (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    it('creates users, finds them by id and name, and refuses a taken id or name', async () => {
      const store = await stores.fresh();
      const officer = await store.createUser(newUser());
      const admin = await store.createUser(newUser({ id: 'u-admin', name: 'admin', role: 'administrator' }));
      expect(await store.getUser('u-duty-1')).toEqual(officer);
      expect(await store.findUserByName('admin')).toEqual(admin);
      expect(await store.listUsers()).toEqual([admin, officer]);
      await expect(store.createUser(newUser({ name: 'someone.else' }))).rejects.toMatchObject({ code: 'E_USER_EXISTS' });
      await expect(store.createUser(newUser({ id: 'u-other' }))).rejects.toMatchObject({ code: 'E_USER_EXISTS' });
      expect(await store.getUser('u-nobody')).toBeUndefined();
    });

    it('serves a session until it expires or ends', async () => {
      const store = await stores.fresh();
      await store.createUser(newUser());
      const session = await store.createSession(newSession());
      await store.createSession(newSession({ id: 'session-hash-2', expiresAt: at(60) }));
      expect(await store.getSession(session.id, at(3599))).toEqual(session);
      expect(await store.getSession(session.id, at(3600))).toBeUndefined();
      expect(await store.forgetExpiredSessions(at(60))).toBe(1);
      await store.endSession(session.id);
      expect(await store.getSession(session.id, T0)).toBeUndefined();
    });

    it('refuses a session for a user who does not exist', async () => {
      const store = await stores.fresh();
      await expect(store.createSession(newSession({ userId: 'u-ghost' }))).rejects.toMatchObject({ code: 'E_USER_UNKNOWN' });
    });

    it('keeps the internal audit log as a log of its own, apart from what the link shares', async () => {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      await store.createLog({ origin: AUDIT_ORIGIN, role: 'internal', peer: null, createdAt: T0 });
      const entries = signedEvents(AUDIT_ORIGIN, 2);
      await store.appendOwnEvents(AUDIT_ORIGIN, entries, effectsFor(entries));
      expect(await store.readEvents(AUDIT_ORIGIN, 0, 10)).toEqual(entries);
      expect((await store.listLogs({ peer: 'beijing' })).map((l) => l.origin)).not.toContain(AUDIT_ORIGIN);
      expect(await store.logSize(ownLog().origin)).toBe(0);
    });
  });
}
