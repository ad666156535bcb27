/**
 * The hashes of one log's events from a moving lower bound up to its newest event, packed
 * 32 bytes each. Peer references only move forward, so everything below the peer's latest
 * reference can be dropped: memory follows the distance between the two logs, not their length.
 */
export class HashWindow {
  private buffer = new Uint8Array(32 * 1024);
  private start = 0; // byte offset of `base` in buffer
  private count = 0;
  private base = 0; // seq of the first retained hash

  /** Seq of the next hash to be pushed (the log's size so far). */
  get end(): number {
    return this.base + this.count;
  }

  push(hash: Uint8Array): void {
    const live = this.count * 32;
    if (this.start + live + 32 > this.buffer.length) {
      if (2 * (live + 32) <= this.buffer.length) {
        // Mostly dropped: slide the live part to the front instead of growing.
        this.buffer.copyWithin(0, this.start, this.start + live);
      } else {
        const grown = new Uint8Array(2 * this.buffer.length);
        grown.set(this.buffer.subarray(this.start, this.start + live));
        this.buffer = grown;
      }
      this.start = 0;
    }
    this.buffer.set(hash, this.start + live);
    this.count++;
  }

  /** The hash at `seq`, or undefined when it was dropped or not yet pushed. */
  get(seq: number): Uint8Array | undefined {
    if (seq < this.base || seq >= this.end) return undefined;
    const at = this.start + (seq - this.base) * 32;
    return this.buffer.subarray(at, at + 32);
  }

  /** Forget hashes below `seq`. */
  dropBelow(seq: number): void {
    const drop = Math.min(Math.max(0, seq - this.base), this.count);
    this.start += drop * 32;
    this.count -= drop;
    this.base += drop;
  }

  get retained(): number {
    return this.count;
  }
}
