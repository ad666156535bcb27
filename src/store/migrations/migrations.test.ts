import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../index.js';
import { peerLog } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

const ALL = ['0001-record', '0002-federation', '0003-side-internal', '0004-search'];

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`migrations (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    const applied = async (store: Parameters<TestStores['rawQuery']>[0]) =>
      (await stores.rawQuery(store, 'select name from store_migrations order by name')).map((row) => (row as { name: string }).name);

    it('brings a fresh database to the latest schema on open', async () => {
      const store = await stores.fresh();
      expect(await applied(store)).toEqual(ALL);
      expect(await store.createLog(peerLog())).toMatchObject({ size: 0 });
    });

    it('re-opening runs nothing twice and keeps the data', async () => {
      const store = await stores.fresh();
      await store.createLog(peerLog());
      await store.close();
      const reopened = await stores.another(store);
      expect(await applied(reopened)).toEqual(ALL);
      expect(await reopened.getLog(peerLog().origin)).toMatchObject({ role: 'peer' });
    });

    it('lets two processes start on one fresh database at once', async () => {
      const place = await stores.newPlace();
      const [first, second] = await Promise.all([stores.openAt(place), stores.openAt(place)]);
      expect(await applied(first!)).toEqual(ALL);
      await first!.createLog(peerLog());
      expect(await second!.getLog(peerLog().origin)).toBeDefined();
    });
  });
}
