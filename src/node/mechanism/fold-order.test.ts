import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FoldSequence, foldOrder, type ReadLog } from './fold-order.js';
import type { RecordLine } from './record-lines.js';

const US_LOG = 'washington.parley.example/beijing';
const CN_LOG = 'beijing.parley.example/washington';
const INTERNAL = 'washington.parley.example/internal';

function line(origin: string, seq: number, ts: string, after: RecordLine['after'] = []): RecordLine {
  const side = origin === CN_LOG ? 'CN' : 'US';
  return { origin, seq, ref: { log: origin, seq, hash: '0'.repeat(64) }, side, ts: `2023-12-21T13:00:${ts}.000Z`, kind: 'x', actor: 'a', body: {}, rank: origin === INTERNAL ? 1 : 0, after };
}
const log = (origin: string, lines: RecordLine[], size = (lines.at(-1)?.seq ?? -1) + 1): ReadLog => ({ origin, lines, size });
const names = (lines: RecordLine[]) => lines.map((l) => `${l.side}${l.origin === INTERNAL ? 'i' : ''}${l.seq}`);

describe('the fold order', () => {
  it('takes the earliest event first, then the side, then the seq', () => {
    const us = [line(US_LOG, 1, '01'), line(US_LOG, 2, '03')];
    const cn = [line(CN_LOG, 1, '02'), line(CN_LOG, 2, '03')];
    expect(names(foldOrder([log(US_LOG, us), log(CN_LOG, cn)]))).toEqual(['US1', 'CN1', 'CN2', 'US2']);
  });

  it('never folds an event before the peer event it names, whatever the clocks say', () => {
    // Beijing's clock runs behind: its agreement carries an earlier time than the proposal it agrees.
    const proposal = line(US_LOG, 1, '10');
    const agreement = line(CN_LOG, 1, '05', [{ origin: US_LOG, size: 2 }]);
    expect(names(foldOrder([log(CN_LOG, [agreement]), log(US_LOG, [proposal])]))).toEqual(['US1', 'CN1']);
  });

  it('waits for an event it has not read yet rather than guess', () => {
    const agreement = line(CN_LOG, 1, '05', [{ origin: US_LOG, size: 2 }]);
    expect(names(foldOrder([log(CN_LOG, [agreement]), log(US_LOG, [], 1)]))).toEqual([]);
    // Events that are not the mechanism's (link.*) still count towards what was read.
    expect(names(foldOrder([log(CN_LOG, [agreement]), log(US_LOG, [], 2)]))).toEqual(['CN1']);
  });

  it('folds an internal entry right after what it was checked against', () => {
    const us = [line(US_LOG, 1, '01'), line(US_LOG, 2, '01')];
    const draft = line(INTERNAL, 0, '01', [{ origin: US_LOG, size: 2 }, { origin: CN_LOG, size: 0 }]);
    expect(names(foldOrder([log(US_LOG, us), log(INTERNAL, [draft]), log(CN_LOG, [], 0)]))).toEqual(['US1', 'USi0', 'US2']);
  });

  it('gives both nodes one order from the same logs, in whatever order they list them', () => {
    const us = [line(US_LOG, 1, '01'), line(US_LOG, 2, '04', [{ origin: CN_LOG, size: 2 }]), line(US_LOG, 3, '04')];
    const cn = [line(CN_LOG, 1, '04', [{ origin: US_LOG, size: 2 }]), line(CN_LOG, 2, '02')];
    expect(names(foldOrder([log(US_LOG, us), log(CN_LOG, cn)]))).toEqual(names(foldOrder([log(CN_LOG, cn), log(US_LOG, us)])));
  });
});

interface RandomRecord {
  readonly logs: readonly { readonly origin: string; readonly events: readonly { readonly line: boolean; readonly ts: number; readonly after: RecordLine['after'] }[] }[];
  readonly reads: readonly { readonly log: number; readonly count: number }[];
}

/** Three logs of random events (some not the mechanism's), each line after a random prefix of another log, read in random steps. */
const recordArbitrary: fc.Arbitrary<RandomRecord> = fc.record({
  logs: fc.tuple(...[US_LOG, CN_LOG, INTERNAL].map((origin) => fc.array(fc.record({
    line: fc.boolean(), ts: fc.integer({ min: 0, max: 9 }),
    after: fc.array(fc.record({ origin: fc.constantFrom(US_LOG, CN_LOG, INTERNAL).filter((o) => o !== origin), size: fc.integer({ min: 0, max: 12 }) }), { maxLength: 2 }),
  }), { maxLength: 12 }).map((events) => ({ origin, events })))),
  reads: fc.array(fc.record({ log: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 0, max: 4 }) }), { maxLength: 30 }),
});

/** Replays the reads; calls `step` with what each read added and the order of everything read so far. */
function replay(record: RandomRecord, step: (added: ReadLog, whole: RecordLine[]) => void): void {
  const lines = record.logs.map(({ origin, events }) =>
    events.map((e, seq) => (e.line ? line(origin, seq, String(e.ts).padStart(2, '0'), e.after) : null)));
  const read = [0, 0, 0];
  for (const { log: i, count } of record.reads) {
    const from = read[i]!;
    read[i] = Math.min(lines[i]!.length, from + count);
    const added = { origin: record.logs[i]!.origin, lines: lines[i]!.slice(from, read[i]).filter((l) => l !== null), size: read[i]! };
    const whole = foldOrder(record.logs.map(({ origin }, j) => ({ origin, lines: lines[j]!.slice(0, read[j]).filter((l) => l !== null), size: read[j]! })));
    step(added, whole);
  }
}

describe('the fold order kept current as the logs grow', () => {
  it('is the order of everything read, and says from where it changed', () => {
    fc.assert(fc.property(recordArbitrary, (record) => {
      const sequence = new FoldSequence();
      let before: readonly RecordLine[] = [];
      replay(record, (added, whole) => {
        const change = sequence.extend([added])!;
        expect(names([...sequence.linesFrom(0)])).toEqual(names(whole));
        expect([...before.slice(0, change.from), ...change.lines]).toEqual(whole);
        before = whole;
      });
    }), { numRuns: 2000 });
  });

  it('after forgetting a prefix, keeps the rest of the same order, or says it cannot', () => {
    fc.assert(fc.property(recordArbitrary, fc.integer({ min: 0, max: 20 }), (record, keep) => {
      const sequence = new FoldSequence();
      let base = 0;
      let broken = false;
      replay(record, (added, whole) => {
        if (broken) return;
        base = Math.max(base, sequence.length - keep);
        sequence.forget(base);
        broken = sequence.extend([added]) === null;
        if (!broken) expect(names([...sequence.linesFrom(base)])).toEqual(names(whole.slice(base)));
      });
    }), { numRuns: 1000 });
  });
});
