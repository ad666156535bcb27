import { equalBytes } from '../bytes.js';
import { ParleyError } from '../errors/index.js';
import { LogChain } from '../event/index.js';
import {
  HASH_AT, HASH_BYTES_PER_EVENT, LEAF_AT, NUMBERS_PER_EVENT, PEER_HASH_AT, PEER_SEQ_AT, PREV_AT, SEQ_AT, TS_AT, type CheckedBatch,
} from './checked-batch.js';
import { HashWindow } from './hash-window.js';

/** A log's checked events in file order, a batch at a time; null at the end of the log. */
export interface CheckedEventSource {
  next(): Promise<CheckedBatch | null>;
}

/** Incremental Merkle root, as the caller's Merkle implementation provides it. */
export interface RootBuilder {
  append(leafHash: Uint8Array): void;
  readonly size: number;
  root(): Uint8Array;
}

export interface LogToVerify {
  readonly origin: string;
  readonly peer: string;
  readonly checkpoint: { readonly size: number; readonly root: Uint8Array };
  readonly source: CheckedEventSource;
  readonly tree: RootBuilder;
}

export interface VerifiedLog {
  readonly origin: string;
  readonly size: number;
  readonly checkpointSize: number;
  readonly root: Uint8Array;
  /** Most peer hashes held at once: the memory the cross-check needed. */
  readonly maxRetained: number;
}

interface LogState {
  readonly spec: LogToVerify;
  /** Hashes are named by numbers, see `accept`. */
  readonly chain: LogChain<number>;
  readonly window: HashWindow;
  peer: LogState | null;
  /** The batch holding the log's next event, which is at `index`. */
  batch: CheckedBatch | null;
  index: number;
  ended: boolean;
  lastRef: number;
  rootAtCheckpoint: Uint8Array | null;
  maxRetained: number;
}

const fail = (code: ConstructorParameters<typeof ParleyError>[0], message: string, state: LogState, seq: number): ParleyError =>
  new ParleyError(code, message, { log: state.spec.origin, seq, line: state.batch!.firstLine + state.index });

// Accessors of a state's next event (the caller has made sure there is one).
const seqOf = (s: LogState): number => s.batch!.numbers[s.index * NUMBERS_PER_EVENT + SEQ_AT]!;
const tsOf = (s: LogState): number => s.batch!.numbers[s.index * NUMBERS_PER_EVENT + TS_AT]!;
const peerSeqOf = (s: LogState): number => s.batch!.numbers[s.index * NUMBERS_PER_EVENT + PEER_SEQ_AT]!;
const hasNext = (s: LogState): boolean => !s.ended;

/** Whether the state's next event can be taken now: its peer reference, if any, points at a hash already known (or the peer has ended, and the reference will be judged). */
function runnable(s: LogState): boolean {
  const ref = peerSeqOf(s);
  return ref < 0 || !s.peer || ref < s.peer.window.end || s.peer.ended;
}

/**
 * Verifies the chains, the cross-references and the trees of several logs read side by side.
 *
 * A peer reference says "when I wrote this, I had seen your event N". The logs are walked
 * together, always taking next the earliest event whose reference is already satisfiable, so a
 * reference is checked against the peer's hash as soon as that hash is known and the peer's
 * older hashes can be dropped. If no log can move, each waits on an event the other wrote later:
 * that is impossible for honest logs, and reported as a cycle.
 */
export async function verifyRecord(logs: readonly LogToVerify[], onEvent: () => void = () => {}): Promise<VerifiedLog[]> {
  const states: LogState[] = logs.map((spec) => ({
    spec, chain: new LogChain<number>(spec.origin), window: new HashWindow(), peer: null, batch: null, index: 0, ended: false, lastRef: -1,
    rootAtCheckpoint: spec.checkpoint.size === 0 ? spec.tree.root() : null, maxRetained: 0,
  }));
  for (const state of states) state.peer = states.find((s) => s.spec.origin === state.spec.peer) ?? null;

  for (;;) {
    // Every log's next event is at hand before choosing, so a broken batch is reported as soon as it is reached.
    for (const state of states) if (!state.ended && state.index >= (state.batch?.count ?? 0)) await fetchBatch(state);
    let next: LogState | null = null;
    let firstWaiting: LogState | null = null;
    for (const s of states) {
      if (!hasNext(s)) continue;
      firstWaiting ??= s;
      if (runnable(s) && (next === null || tsOf(s) < tsOf(next))) next = s;
    }
    if (firstWaiting === null) break;
    if (next === null) {
      const s = firstWaiting;
      throw fail('E_PEER_REF_CYCLE', `Event ${seqOf(s)} of ${s.spec.origin} refers to peer event ${peerSeqOf(s)}, which itself refers to a later event of ${s.spec.origin}.`, s, seqOf(s));
    }
    accept(next);
    next.index++;
    onEvent();
  }

  return states.map((state) => {
    state.chain.finish();
    const { size, root } = state.spec.checkpoint;
    if (state.chain.size < size) {
      throw new ParleyError('E_LOG_TRUNCATED', `The checkpoint of ${state.spec.origin} covers ${size} events, but only ${state.chain.size} are present.`, { log: state.spec.origin, seq: state.chain.size });
    }
    if (!equalBytes(state.rootAtCheckpoint!, root)) {
      throw new ParleyError('E_CHECKPOINT_ROOT_MISMATCH', `The checkpoint of ${state.spec.origin} at size ${size} is signed by the log but its root is not the root of these events: a fork or a rewritten log.`, { log: state.spec.origin, seq: size - 1 });
    }
    return { origin: state.spec.origin, size: state.chain.size, checkpointSize: size, root, maxRetained: state.maxRetained };
  });
}

/** Moves to the log's next non-empty batch, or marks the log ended; a batch that stopped at a failure throws it here. */
async function fetchBatch(state: LogState): Promise<void> {
  for (;;) {
    const failure = state.batch?.failure;
    if (failure) {
      // A forward jump held by the chain's lookahead sits before the broken event: report it first.
      throw state.chain.pendingFailure() ?? new ParleyError(failure.code, failure.message, { log: state.spec.origin, line: failure.line, seq: failure.seq });
    }
    let batch: CheckedBatch | null;
    try {
      batch = await state.spec.source.next();
    } catch (err) {
      throw state.chain.pendingFailure() ?? err;
    }
    state.batch = batch;
    state.index = 0;
    if (batch === null) {
      state.ended = true;
      return;
    }
    if (batch.count > 0) return;
  }
}

function accept(state: LogState): void {
  const batch = state.batch!;
  const seq = seqOf(state);
  const at = state.index * HASH_BYTES_PER_EVENT;
  const hashes = batch.hashes;
  const before = state.chain.size;
  const window = state.window;
  // The chain compares a link's hashes only with the hash it accepted last, which is the newest
  // one in the window (the window grows exactly when the chain does). So a hash is named by a
  // number, not spelled in hex: `head` when its bytes equal that newest hash; otherwise -1 for
  // a prev, which then equals nothing the chain holds, and `head + 1` for the event's own hash,
  // the name it takes if the chain accepts it.
  const head = window.end - 1;
  const prev = seq === 0 ? null : head >= 0 && window.matches(head, hashes, at + PREV_AT) ? head : -1;
  const hash = head >= 0 && window.matches(head, hashes, at + HASH_AT) ? head : head + 1;
  state.chain.accept({ seq, prev, hash, line: batch.firstLine + state.index });
  if (state.chain.size === before) return; // held by the lookahead; the next event decides
  const ref = peerSeqOf(state);
  const peer = state.peer;
  if (ref >= 0 && peer) {
    if (ref < state.lastRef) {
      throw fail('E_PEER_REF_REGRESSED', `Event ${seq} of ${state.spec.origin} refers to peer event ${ref}, older than the ${state.lastRef} an earlier event named.`, state, seq);
    }
    if (!peer.window.matches(ref, hashes, at + PEER_HASH_AT)) {
      if (peer.window.get(ref) === undefined) {
        throw fail('E_PEER_REF_UNKNOWN', `Event ${seq} of ${state.spec.origin} refers to event ${ref} of ${peer.spec.origin}, which does not exist (that log has ${peer.window.end} events).`, state, seq);
      }
      throw fail('E_PEER_REF_MISMATCH', `Event ${seq} of ${state.spec.origin} names event ${ref} of ${peer.spec.origin} by a different hash than that event has.`, state, seq);
    }
    state.lastRef = ref;
    peer.window.dropBelow(ref);
  }
  window.pushFrom(hashes, at + HASH_AT);
  state.maxRetained = Math.max(state.maxRetained, state.window.retained);
  state.spec.tree.append(hashes.subarray(at + LEAF_AT, at + LEAF_AT + 32));
  if (state.spec.tree.size === state.spec.checkpoint.size) state.rootAtCheckpoint = state.spec.tree.root();
}
