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
 * Collects lines as (chunk, start, end) and copies them once into a batch of its own. No view
 * is made per line: at a million lines, those objects were a good part of the main thread's garbage.
 */
class BatchBuilder {
  private chunks: Buffer[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private bytes = 0;
  private nextLine = 1;

  constructor(private readonly maxLines: number, private readonly maxBytes: number) {}

  add(chunk: Buffer, start: number, end: number): void {
    this.chunks.push(chunk);
    this.starts.push(start);
    this.ends.push(end);
    this.bytes += end - start;
  }

  get full(): boolean {
    return this.chunks.length >= this.maxLines || this.bytes >= this.maxBytes;
  }

  get empty(): boolean {
    return this.chunks.length === 0;
  }

  /**
   * A batch in memory of its own, since it is transferred to a worker. Each line is preceded by
   * one zero byte, so the worker hashes its RFC 9162 leaf, SHA-256(0x00 ‖ line), in place.
   */
  take(): RawBatch {
    const count = this.chunks.length;
    const data = new Uint8Array(this.bytes + count);
    const bounds = new Uint32Array(count * 2);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      offset++; // the zero byte
      bounds[2 * i] = offset;
      offset += this.chunks[i]!.copy(data, offset, this.starts[i], this.ends[i]);
      bounds[2 * i + 1] = offset;
    }
    const batch = { data, bounds, firstLine: this.nextLine };
    this.nextLine += count;
    this.chunks = [];
    this.starts = [];
    this.ends = [];
    this.bytes = 0;
    return batch;
  }

  tooLong(): ParleyError {
    const line = this.nextLine + this.chunks.length;
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
