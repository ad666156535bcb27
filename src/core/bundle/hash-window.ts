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
    this.pushFrom(hash, 0);
  }

  /** Pushes the 32 bytes at `offset` of `source` (a packed batch of hashes), without a view per hash. */
  pushFrom(source: Uint8Array, offset: number): void {
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
    const at = this.start + live;
    for (let i = 0; i < 32; i++) this.buffer[at + i] = source[offset + i]!;
    this.count++;
  }

  /** The hash at `seq`, or undefined when it was dropped or not yet pushed. */
  get(seq: number): Uint8Array | undefined {
    if (seq < this.base || seq >= this.end) return undefined;
    const at = this.start + (seq - this.base) * 32;
    return this.buffer.subarray(at, at + 32);
  }

  /** Whether the hash at `seq` is held and equals the 32 bytes at `offset` of `other`. */
  matches(seq: number, other: Uint8Array, offset: number): boolean {
    if (seq < this.base || seq >= this.end) return false;
    const at = this.start + (seq - this.base) * 32;
    let diff = 0;
    for (let i = 0; i < 32; i++) diff |= this.buffer[at + i]! ^ other[offset + i]!;
    return diff === 0;
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
