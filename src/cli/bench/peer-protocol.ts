/** What Washington's benchmark process and Beijing's node process (peer-process.ts) tell each other over IPC. */

export type ToPeer = { readonly type: 'tally' } | { readonly type: 'cpu' } | { readonly type: 'stop' };

export type FromPeer =
  | { readonly type: 'started' }
  /** Washington's log at Beijing now holds `size` events, committed at `at` (ms since the epoch). */
  | { readonly type: 'stored'; readonly size: number; readonly at: number }
  | { readonly type: 'tally'; readonly tally: ReceiverTally }
  /** Beijing's process.cpuUsage(), microseconds of CPU so far. */
  | { readonly type: 'cpu'; readonly micros: number }
  | { readonly type: 'failed'; readonly message: string };

export interface ReceiverTally {
  readonly size: number;
  /** Seqs that occur more than once in the copy (a store bug if ever non-zero). */
  readonly repeatedSeqs: number;
  /** The benchmark ids (`body.bench`) of the stored events, in log order. */
  readonly ids: readonly string[];
}

/**
 * Wall-clock milliseconds in sub-millisecond resolution. Both processes derive it from the same
 * system clock, so a time stamped in Beijing's process compares with one stamped in Washington's.
 */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();
