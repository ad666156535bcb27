import { createReadStream } from 'node:fs';
import { ParleyError } from '../../core/index.js';

export interface RawBatch {
  /** The batch's bytes as they stand in the file. */
  readonly data: Uint8Array;
  /** Per line, its start and its end (before the newline) in `data`. */
  readonly bounds: Uint32Array;
  /** 1-based line number of the first line. */
  readonly firstLine: number;
}

const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Streams an events file as batches of whole lines, each copied into its own buffer so it can be
 * handed to a worker. Memory stays at a few chunks whatever the file's size. A missing final
 * newline is tolerated; an over-long line is refused rather than buffered without end.
 */
export async function* lineBatches(path: string, linesPerBatch = 256, bytesPerBatch = 512 * 1024): AsyncGenerator<RawBatch> {
  let nextLine = 1;

  function* cut(buffer: Buffer, final: boolean): Generator<RawBatch, number> {
    let pos = 0;
    let batchStart = 0;
    let bounds: number[] = [];
    const flush = (end: number): RawBatch => {
      // Buffer.prototype.slice does not copy; a batch needs its own memory, since it is transferred to a worker.
      const batch = { data: new Uint8Array(buffer.subarray(batchStart, end)), bounds: Uint32Array.from(bounds), firstLine: nextLine };
      nextLine += bounds.length / 2;
      bounds = [];
      return batch;
    };
    while (pos < buffer.length) {
      let newline = buffer.indexOf(10, pos);
      if (newline < 0) {
        if (!final) break;
        newline = buffer.length;
      }
      if (bounds.length === 0) batchStart = pos;
      bounds.push(pos - batchStart, newline - batchStart);
      pos = Math.min(newline + 1, buffer.length);
      if (newline === buffer.length) pos = buffer.length;
      if (bounds.length / 2 >= linesPerBatch || pos - batchStart >= bytesPerBatch) yield flush(pos);
    }
    if (bounds.length > 0) yield flush(pos);
    return pos;
  }

  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const consumed = yield* cut(buffer, false);
    carry = buffer.subarray(consumed);
    if (carry.length > MAX_LINE_BYTES) {
      throw new ParleyError('E_EVENT_MALFORMED', `Line ${nextLine} is longer than ${MAX_LINE_BYTES} bytes; no event is that large.`, { line: nextLine });
    }
  }
  if (carry.length) yield* cut(carry, true);
}
