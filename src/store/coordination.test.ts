import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, type Store } from './index.js';
import { runsHere, TestStores } from './testing/test-stores.js';

const DECLARED = {
  sqlite: { advisoryLocks: false, notify: false },
  postgres: { advisoryLocks: true, notify: true },
} as const;

const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve())));

/** Payloads a store hears on a channel, and a way to wait for the n-th. */
async function hear(store: Store, channel: string) {
  const payloads: string[] = [];
  const waiters: (() => void)[] = [];
  const unlisten = await store.listen(channel, (payload) => {
    payloads.push(payload);
    waiters.splice(0).forEach((wake) => wake());
  });
  const count = async (n: number) => {
    while (payloads.length < n) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { payloads, count, unlisten };
}

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`coordination (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    it('declares what crosses processes', async () => {
      expect((await stores.fresh()).capabilities).toEqual(DECLARED[dialect]);
    });

    it('grants leadership to one holder at a time, and to another after release', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const leader = await first.tryAcquireLeadership('outbox/beijing');
      expect(leader).not.toBeNull();
      expect(await second.tryAcquireLeadership('outbox/beijing')).toBeNull();
      expect(await first.tryAcquireLeadership('outbox/beijing')).toBeNull();
      expect(await second.tryAcquireLeadership('outbox/moscow')).not.toBeNull();
      await leader!.release();
      expect(leader!.signal.aborted).toBe(true);
      expect(await second.tryAcquireLeadership('outbox/beijing')).not.toBeNull();
    });

    it('frees leadership when the store holding it closes', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const leader = await first.tryAcquireLeadership('outbox/beijing');
      expect(await second.tryAcquireLeadership('outbox/beijing')).toBeNull();
      await first.close();
      expect(leader!.signal.aborted).toBe(true);
      expect(await second.tryAcquireLeadership('outbox/beijing')).not.toBeNull();
    });

    it('runs work as leader only when it can lead, and lets go afterwards, also on failure', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const outcome = await first.withLeaderLock('scheduler', async () => {
        expect(await second.withLeaderLock('scheduler', async () => 'never')).toEqual({ acquired: false });
        return 42;
      });
      expect(outcome).toEqual({ acquired: true, value: 42 });
      await expect(second.withLeaderLock('scheduler', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await first.withLeaderLock('scheduler', async () => 'again')).toEqual({ acquired: true, value: 'again' });
    });

    it('delivers a notification to the listeners of every store on the database, until they unlisten', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const here = await hear(first, 'events.beijing');
      const there = await hear(second, 'events.beijing');
      const elsewhere = await hear(second, 'events.moscow');
      await second.notify('events.beijing', 'seq:5');
      await Promise.all([here.count(1), there.count(1)]);
      await here.unlisten();
      await first.notify('events.beijing', 'seq:6');
      await there.count(2);
      expect([here.payloads, there.payloads, elsewhere.payloads]).toEqual([['seq:5'], ['seq:5', 'seq:6'], []]);
    });

    it('refuses channel names and payloads PostgreSQL could not carry, on every dialect', async () => {
      const store = await stores.fresh();
      await expect(store.listen('Events Beijing', () => undefined)).rejects.toThrow(TypeError);
      await expect(store.notify('e'.repeat(31), 'x')).rejects.toThrow(TypeError);
      await expect(store.notify('events', 'x'.repeat(7001))).rejects.toThrow(/at most 7000 bytes/);
    });

    it.runIf(dialect === 'postgres')('loses leadership when the connection holding it dies, as when its process is killed', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const leader = await first.tryAcquireLeadership('outbox/beijing');
      await stores.rawQuery(
        first,
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'parley leader ' || current_schema() || '/outbox/beijing'",
      );
      await aborted(leader!.signal);
      expect(await second.tryAcquireLeadership('outbox/beijing')).not.toBeNull();
    });

    it.runIf(dialect === 'postgres')('listens again after its connection is cut', async () => {
      const first = await stores.fresh();
      const second = await stores.another(first);
      const here = await hear(first, 'events.beijing');
      await stores.rawQuery(first, "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'parley listener ' || current_schema()");
      // Notifications sent while it reconnects are lost (they are hints); keep sending until one arrives.
      const sending = setInterval(() => void second.notify('events.beijing', 'after-cut'), 100);
      try {
        await here.count(1);
      } finally {
        clearInterval(sending);
      }
      expect(here.payloads[0]).toBe('after-cut');
    });
  });
}
