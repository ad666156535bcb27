import { createReadStream } from 'node:fs';
import { ParleyError } from '../../core/index.js';

export interface RawBatch {
  /** The batch's lines, back to back, without their newlines. */
  readonly data: Uint8Array;
  /** Per line, its start and its end in `data`. */
  readonly bounds: Uint32Array;
  /** 1-based line number of the first line. */
  readonly firstLine: number;
}

const MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
 * Collects lines as runs of one chunk and copies each run once into a batch of its own. Lines
 * that follow each other in a chunk are one run, so a batch usually takes one copy, not one per
 * line, and no view is made per line.
 *
 * Each line is preceded by one zero byte, so the worker hashes its RFC 9162 leaf,
 * SHA-256(0x00 ‖ line), in place: the newline before a line of a run is copied where that zero
 * byte goes, and overwritten.
 */
class BatchBuilder {
  private runs: { chunk: Buffer; start: number; end: number; at: number }[] = [];
  private bounds: Uint32Array;
  private lines = 0;
  /** Bytes of the batch so far, the zero bytes included. */
  private size = 0;
  private nextLine = 1;

  constructor(private readonly maxLines: number, private readonly maxBytes: number) {
    this.bounds = new Uint32Array(2 * maxLines);
  }

  add(chunk: Buffer, start: number, end: number): void {
    const run = this.runs[this.runs.length - 1];
    if (run !== undefined && run.chunk === chunk && run.end + 1 === start) run.end = end;
    else this.runs.push({ chunk, start, end, at: this.size + 1 });
    if (2 * this.lines + 2 > this.bounds.length) {
      const grown = new Uint32Array(2 * this.bounds.length);
      grown.set(this.bounds);
      this.bounds = grown;
    }
    this.bounds[2 * this.lines] = this.size + 1;
    this.size += 1 + end - start;
    this.bounds[2 * this.lines + 1] = this.size;
    this.lines++;
  }

  get full(): boolean {
    return this.lines >= this.maxLines || this.size - this.lines >= this.maxBytes;
  }

  get empty(): boolean {
    return this.lines === 0;
  }

  /** The batch in memory of its own, since it is transferred to a worker. */
  take(): RawBatch {
    const count = this.lines;
    const data = new Uint8Array(this.size);
    for (const run of this.runs) run.chunk.copy(data, run.at, run.start, run.end);
    const bounds = this.bounds.subarray(0, 2 * count);
    for (let i = 0; i < count - 1; i++) data[bounds[2 * i + 1]!] = 0;
    const batch = { data, bounds, firstLine: this.nextLine };
    this.nextLine += count;
    this.runs = [];
    this.bounds = new Uint32Array(2 * this.maxLines);
    this.lines = 0;
    this.size = 0;
    return batch;
  }

  tooLong(): ParleyError {
    const line = this.nextLine + this.lines;
    return new ParleyError('E_EVENT_MALFORMED', `Line ${line} is longer than ${MAX_LINE_BYTES} bytes; no event is that large.`, { line });
  }
}

/** The lines before an over-long one are still handed out (a failure among them comes first), then reading stops. */
function* refuseLongLine(builder: BatchBuilder): Generator<RawBatch, never> {
  const error = builder.tooLong();
  if (!builder.empty) yield builder.take();
  throw error;
}

/**
 * Streams an events file as batches of whole lines. Memory stays at a few chunks whatever the
 * file's size; the only bytes joined across chunks are those of the one line a chunk cuts.
 * A missing final newline is tolerated; an over-long line is refused rather than buffered.
 */
export async function* lineBatches(path: string, linesPerBatch = 256, bytesPerBatch = 512 * 1024): AsyncGenerator<RawBatch> {
  const builder = new BatchBuilder(linesPerBatch, bytesPerBatch);
  const whole = (line: Buffer): void => builder.add(line, 0, line.length);
  let carry: Buffer[] = []; // pieces of a line that started in an earlier chunk
  let carried = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let pos = 0;
    if (carried > 0) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        carry.push(chunk);
        carried += chunk.length;
        if (carried > MAX_LINE_BYTES) yield* refuseLongLine(builder);
        continue;
      }
      whole(Buffer.concat([...carry, chunk.subarray(0, newline)]));
      carry = [];
      carried = 0;
      pos = newline + 1;
      if (builder.full) yield builder.take();
    }
    for (let newline = chunk.indexOf(10, pos); newline >= 0; newline = chunk.indexOf(10, pos)) {
      builder.add(chunk, pos, newline);
      pos = newline + 1;
      if (builder.full) yield builder.take();
    }
    if (pos < chunk.length) {
      carry = [chunk.subarray(pos)];
      carried = chunk.length - pos;
      if (carried > MAX_LINE_BYTES) yield* refuseLongLine(builder);
    }
  }
  if (carried > 0) whole(Buffer.concat(carry));
  if (!builder.empty) yield builder.take();
}
