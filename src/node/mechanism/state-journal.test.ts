import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MechanismState } from './mechanism-state.js';
import { StateJournal } from './state-journal.js';

type Write = { readonly map: 'messages' | 'requests' | 'escalations'; readonly key: string; readonly value: number } | { readonly push: 'translations' | 'notes' } | { readonly channels: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ map: fc.constantFrom('messages' as const, 'requests' as const, 'escalations' as const), key: fc.constantFrom('a', 'b', 'c'), value: fc.integer() }),
  fc.record({ push: fc.constantFrom('translations' as const, 'notes' as const) }),
  fc.record({ channels: fc.integer() }),
);

function commit(state: MechanismState, w: Write): void {
  const s = state as unknown as Record<string, Map<string, unknown> | unknown[]> & { internal: Record<string, Map<string, unknown> | unknown[]> };
  if ('map' in w) (w.map === 'escalations' ? (s.internal.escalations as Map<string, unknown>) : (s[w.map] as Map<string, unknown>)).set(w.key, w.value);
  else if ('push' in w) (w.push === 'notes' ? (s.internal.notes as unknown[]) : (s.translations as unknown[])).push({});
  else state.channels = [...state.channels, { id: String(w.channels) } as never];
}

const picture = (state: MechanismState) => JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value] : value));

describe('the journal of the fold', () => {
  it('undoes the steps from any position kept, back to the state as it was there', () => {
    fc.assert(fc.property(fc.array(fc.array(write, { maxLength: 4 }), { maxLength: 30 }), fc.nat(), fc.nat(), (steps, back, forgotten) => {
      const journal = new StateJournal();
      const pictures = [picture(journal.state)];
      steps.forEach((writes, i) => {
        journal.begin(i);
        for (const w of writes) commit(journal.state, w);
        pictures.push(picture(journal.state));
      });
      journal.forget(forgotten % (steps.length + 1));
      const position = journal.oldest + (back % (journal.length - journal.oldest + 1));
      const conflicts = journal.undoTo(position);
      expect(picture(journal.state)).toBe(pictures[position]);
      expect(conflicts).toBe(position < steps.length ? position : null);
    }), { numRuns: 1000 });
  });
});
