import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { Housekeeping } from './housekeeping.js';

describe('housekeeping', () => {
  it('forgets nonces past their replay window, and only those', async () => {
    const store = await openStore({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'parley-hk-')), 'p.db') });
    let now = new Date('2026-12-01T10:00:00.000Z');
    const housekeeping = new Housekeeping(store, { now: () => now }, 60_000, (error) => {
      throw error;
    });
    try {
      expect(await store.rememberNonce('beijing', 'old-nonce-aaaaaaaaaaaa', new Date('2026-12-01T10:05:00.000Z'))).toBe(true);
      expect(await store.rememberNonce('beijing', 'new-nonce-aaaaaaaaaaaa', new Date('2026-12-01T10:20:00.000Z'))).toBe(true);
      now = new Date('2026-12-01T10:10:00.000Z');
      await housekeeping.sweep();
      // The old nonce's window has passed, so forgetting it opens no replay: a request that old is refused by its date.
      expect(await store.rememberNonce('beijing', 'old-nonce-aaaaaaaaaaaa', new Date('2026-12-01T10:30:00.000Z'))).toBe(true);
      expect(await store.rememberNonce('beijing', 'new-nonce-aaaaaaaaaaaa', new Date('2026-12-01T10:30:00.000Z'))).toBe(false);
    } finally {
      await housekeeping.stop();
      await store.close();
    }
  });
});
