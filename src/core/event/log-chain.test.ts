import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LogChain, type ChainLink } from './index.js';

const hashOf = (seq: number): string => seq.toString(16).padStart(64, '0');
const linkOf = (seq: number): ChainLink => ({ seq, prev: seq === 0 ? null : hashOf(seq - 1), hash: hashOf(seq) });

/** Feeds links to a fresh chain; returns the failure code and the seq it names, or null. */
function run(links: readonly ChainLink[]): { code: string; seq: unknown } | null {
  const chain = new LogChain('test/log');
  try {
    for (const link of links) chain.accept(link);
    chain.finish();
    return null;
  } catch (err) {
    const e = err as { code: string; details: { seq: unknown } };
    return { code: e.code, seq: e.details.seq };
  }
}

const honest = (n: number): ChainLink[] => Array.from({ length: n }, (_, i) => linkOf(i));

describe('LogChain', () => {
  it('accepts an honest log of any length', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), (n) => run(honest(n)) === null));
  });

  it('names each tampering precisely', () => {
    const log = honest(10);
    expect(run([...log.slice(0, 4), ...log.slice(5)])).toEqual({ code: 'E_EVENT_SEQ_GAP', seq: 5 });
    expect(run(log.slice(0, 9).concat(log.slice(9)).filter((l) => l.seq !== 9).concat([linkOf(11)]))).toEqual({ code: 'E_EVENT_SEQ_GAP', seq: 11 });
    expect(run([...log.slice(0, 3), log[4]!, log[3]!, ...log.slice(5)])).toEqual({ code: 'E_EVENT_OUT_OF_ORDER', seq: 4 });
    expect(run([...log.slice(0, 4), log[3]!, ...log.slice(4)])).toEqual({ code: 'E_EVENT_DUPLICATE', seq: 3 });
    expect(run([...log.slice(0, 4), { ...log[3]!, hash: 'f'.repeat(64) }, ...log.slice(4)])).toEqual({ code: 'E_EVENT_SEQ_REUSED', seq: 3 });
    expect(run([...log.slice(0, 4), { seq: 4, prev: 'e'.repeat(64), hash: 'd'.repeat(64) }, ...log.slice(5)])).toEqual({ code: 'E_EVENT_PREV_MISMATCH', seq: 4 });
    expect(run([...log.slice(0, 6), log[2]!])).toEqual({ code: 'E_EVENT_OUT_OF_ORDER', seq: 2 });
  });

  it('rejects every permutation, deletion or duplication of a log', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.oneof(
              fc.record({ op: fc.constant('delete' as const), at: fc.nat(n - 1) }),
              fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(n - 1) }),
              fc.record({ op: fc.constant('swap' as const), at: fc.nat(n - 2) }),
              fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(n - 1) }),
            ),
          ),
        ),
        ([n, { op, at }]) => {
          const links = honest(n);
          if (op === 'delete') links.splice(at, 1);
          if (op === 'duplicate') links.splice(at, 0, links[at]!);
          if (op === 'swap') [links[at], links[at + 1]] = [links[at + 1]!, links[at]!];
          if (op === 'shuffle') links.reverse();
          const failure = run(links);
          const wasDeletedAtEnd = op === 'delete' && at === n - 1;
          // Deleting the last event leaves a valid shorter chain; the checkpoint size catches that.
          expect(failure === null).toBe(wasDeletedAtEnd);
        },
      ),
      { numRuns: 400 },
    );
  });
});
