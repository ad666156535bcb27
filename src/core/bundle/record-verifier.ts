import { equalBytes, fromHex } from '../bytes.js';
import { ParleyError } from '../errors/index.js';
import { LogChain } from '../event/index.js';
import { HashWindow } from './hash-window.js';

/** One event whose bytes, shape, canonical form, log name and signature were already checked. */
export interface CheckedEvent {
  readonly seq: number;
  readonly prev: string | null;
  /** Lowercase hex SHA-256 of the event's canonical bytes. */
  readonly hash: string;
  readonly hashBytes: Uint8Array;
  /** RFC 9162 leaf hash of the event's canonical bytes. */
  readonly leafHash: Uint8Array;
  /** Milliseconds since the epoch, used only to walk the logs in roughly the order they were written. */
  readonly ts: number;
  /** The event's reference into its peer's log (its log name already checked). */
  readonly peer: { readonly seq: number; readonly hash: string } | null;
  /** 1-based line in the log's events file. */
  readonly line: number;
}

/** A log's events in file order; throws a ParleyError (details: line, seq) at the first bad event. */
export interface CheckedEventSource {
  next(): Promise<CheckedEvent | null>;
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
  readonly chain: LogChain;
  readonly window: HashWindow;
  peer: LogState | null;
  head: CheckedEvent | null | undefined; // undefined: not fetched yet; null: end of log
  lastRef: number;
  rootAtCheckpoint: Uint8Array | null;
  maxRetained: number;
}

const fail = (code: ConstructorParameters<typeof ParleyError>[0], message: string, state: LogState, event: CheckedEvent): ParleyError =>
  new ParleyError(code, message, { log: state.spec.origin, seq: event.seq, line: event.line });

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
    spec, chain: new LogChain(spec.origin), window: new HashWindow(), peer: null, head: undefined, lastRef: -1,
    rootAtCheckpoint: spec.checkpoint.size === 0 ? spec.tree.root() : null, maxRetained: 0,
  }));
  for (const state of states) state.peer = states.find((s) => s.spec.origin === state.spec.peer) ?? null;

  for (;;) {
    for (const state of states) if (state.head === undefined) state.head = await fetchNext(state);
    const waiting = states.filter((s) => s.head);
    if (waiting.length === 0) break;
    const runnable = waiting.filter((s) => {
      const ref = s.head!.peer;
      return !ref || !s.peer || ref.seq < s.peer.window.end || s.peer.head === null;
    });
    if (runnable.length === 0) {
      const s = waiting[0]!;
      throw fail('E_PEER_REF_CYCLE', `Event ${s.head!.seq} of ${s.spec.origin} refers to peer event ${s.head!.peer!.seq}, which itself refers to a later event of ${s.spec.origin}.`, s, s.head!);
    }
    let next = runnable[0]!;
    for (const s of runnable) if (s.head!.ts < next.head!.ts) next = s;
    const event = next.head!;
    next.head = undefined;
    accept(next, event);
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

async function fetchNext(state: LogState): Promise<CheckedEvent | null> {
  try {
    return await state.spec.source.next();
  } catch (err) {
    // A forward jump held by the chain's lookahead sits before the broken event: report it first.
    throw state.chain.pendingFailure() ?? err;
  }
}

function accept(state: LogState, event: CheckedEvent): void {
  const before = state.chain.size;
  state.chain.accept(event);
  if (state.chain.size === before) return; // held by the lookahead; the next event decides
  const ref = event.peer;
  const peer = state.peer;
  if (ref && peer) {
    if (ref.seq < state.lastRef) {
      throw fail('E_PEER_REF_REGRESSED', `Event ${event.seq} of ${state.spec.origin} refers to peer event ${ref.seq}, older than the ${state.lastRef} an earlier event named.`, state, event);
    }
    const known = peer.window.get(ref.seq);
    if (!known) {
      throw fail('E_PEER_REF_UNKNOWN', `Event ${event.seq} of ${state.spec.origin} refers to event ${ref.seq} of ${peer.spec.origin}, which does not exist (that log has ${peer.window.end} events).`, state, event);
    }
    if (!equalBytes(known, fromHex(ref.hash, 32))) {
      throw fail('E_PEER_REF_MISMATCH', `Event ${event.seq} of ${state.spec.origin} names event ${ref.seq} of ${peer.spec.origin} by a different hash than that event has.`, state, event);
    }
    state.lastRef = ref.seq;
    peer.window.dropBelow(ref.seq);
  }
  state.window.push(event.hashBytes);
  state.maxRetained = Math.max(state.maxRetained, state.window.retained);
  state.spec.tree.append(event.leafHash);
  if (state.spec.tree.size === state.spec.checkpoint.size) state.rootAtCheckpoint = state.spec.tree.root();
}
