import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom, syntheticBody } from './synthetic-record.js';

describe('synthetic bodies', () => {
  it('are the same for the same seed as they have always been, so a bundle of N events never changes', () => {
    const random = seededRandom(6);
    const digest = createHash('sha256');
    for (let n = 0; n < 2000; n++) digest.update(JSON.stringify(syntheticBody(random, n)));
    // The digest of the first 2,000 bodies of seed 6, taken before the text was built word by word.
    expect(digest.digest('hex')).toBe('bf6563c86888c2b8280fc55a63ccff74d70041231d2040a888ffbe3e66cd430f');
  });

  it('are at most 2,000 bytes of JSON (300–2,000 with the event around them), words separated by single spaces', () => {
    const random = seededRandom(99);
    for (let n = 0; n < 500; n++) {
      const { body } = syntheticBody(random, n);
      const bytes = Buffer.byteLength(JSON.stringify(body));
      expect(bytes).toBeGreaterThanOrEqual(200);
      expect(bytes).toBeLessThanOrEqual(2_000);
      for (const field of [body.text, body.translation] as string[]) {
        expect(field).not.toMatch(/^ | $| {2}/);
      }
    }
  });
});
