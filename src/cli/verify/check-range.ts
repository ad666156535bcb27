import type { CheckedBatch, CryptoSuite } from '../../core/index.js';
import { checkBatch, suitePrimitives, type LinePrimitives } from './check-batch.js';
import { MAX_LINE_BYTES, type LineRange, type RangeReader } from './line-ranges.js';

/** Which log a range of lines belongs to, and the key its events must be signed with. */
export interface LogIdentity {
  readonly log: string;
  readonly peer: string;
  readonly publicKey: Uint8Array;
}

/** One range of one log's events file, to be read and checked by the same thread. */
export interface RangeJob extends LogIdentity {
  readonly range: LineRange;
}

/**
 * Reads a range's lines and checks them (see `checkBatch`). Line numbers in the result count from
 * 1 at the range's first line: only the caller, who takes the ranges in file order, knows how many
 * lines came before.
 */
export function checkRange(crypto: CryptoSuite, job: RangeJob, reader: RangeReader, primitives: LinePrimitives = suitePrimitives(crypto)): CheckedBatch {
  let lines;
  try {
    lines = reader.read(job.range);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return {
      count: 0, firstLine: 1, numbers: new Float64Array(0), hashes: new Uint8Array(0),
      failure: { code: 'E_BUNDLE_UNREADABLE', message: `The events file of ${job.log} cannot be read from byte ${job.range.start} on (${reason}).`, line: 1, seq: null },
    };
  }
  const result = checkBatch(crypto, { log: job.log, peer: job.peer, publicKey: job.publicKey, data: lines.data, bounds: lines.bounds, firstLine: 1 }, primitives);
  if (result.failure !== null || lines.tooLong < 0) return result;
  return {
    ...result,
    failure: { code: 'E_EVENT_MALFORMED', message: `This line is longer than ${MAX_LINE_BYTES} bytes; no event is that large.`, line: 1 + lines.tooLong, seq: null },
  };
}
