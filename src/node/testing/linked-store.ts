import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  appendIndexes, cosignNote, formatCheckpoint, hashesToAppend, leafHash, noteVerifierKey, signEvent, signNote, storedHashCount, toHex, treeHash, treeHashIndexes,
  type EncodedEvent, type JsonObject, type PeerRef,
} from '../../core/index.js';
import { openStore, toEventRecord, type Store } from '../../store/index.js';
import type { NodeConfig, NodeKeys, PinnedPeerConfig } from '../config/index.js';
import { nodeCrypto } from '../crypto/index.js';

/*
 * A node store holding a realistic bilateral link, for tests of anything that reads the record:
 * our own log towards the peer and our copy of the peer's log, both signed and chained, each event
 * naming the other log's newest event as its node had seen it, with Merkle stored hashes computed
 * by src/core and checkpoints signed by the log's key and cosigned by the other side's witness.
 * It follows the node's convention: own log `${us.host}/${them.name}`, peer log
 * `${them.host}/${us.name}`, cosignatures by `${host}/witness`.
 */

/** One side of a link: its names and its keys. */
export interface TestSide {
  readonly name: string;
  readonly host: string;
  /** Country code, e.g. US. */
  readonly side: string;
  readonly keys: NodeKeys;
}

/** A side with deterministic keys derived from its name, so runs are reproducible. */
export function testSide(name: string, side: string, host = `${name}.parley.example`): TestSide {
  const seed = (label: string): Uint8Array => nodeCrypto.sha256(new TextEncoder().encode(`parley-test/${name}/${label}`));
  return { name, host, side, keys: { log: nodeCrypto.ed25519Signer(seed('log')), witness: nodeCrypto.ed25519Signer(seed('witness')) } };
}

export type LinkLogName = 'own' | 'peer';

export interface LinkedStoreOptions {
  /** The store to fill (left open by close()); default: a fresh SQLite database in a new temp folder. */
  readonly store?: Store;
  /** This node; default Washington (US). */
  readonly us?: TestSide;
  /** The peer; default Beijing (CN). */
  readonly them?: TestSide;
  readonly peerUrl?: string;
  /** Time of the first event; each later event, on either log, is one second after the previous one. */
  readonly start?: Date;
}

export interface AppendOptions {
  /** Every n-th event names the other log's newest event (1: every event; 0: none). Default 1. */
  readonly refEvery?: number;
}

interface LogState {
  readonly origin: string;
  readonly signer: NodeKeys['log'];
  size: number;
  head: EncodedEvent | null;
}

const KINDS = ['message.sent', 'message.receipt', 'message.acknowledged', 'link.test', 'request.sent', 'request.answered', 'notification.sent', 'readout.published'];
const PRECEDENCE = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];

function bodyOf(seq: number): { kind: string; actor: string; body: JsonObject } {
  return {
    kind: KINDS[seq % KINDS.length]!,
    actor: seq % 3 === 0 ? 'position/principal' : 'position/duty-officer',
    body: { channel: `dtl-${1 + (seq % 4)}`, precedence: PRECEDENCE[seq % PRECEDENCE.length]!, text: `Message ${seq} on the direct line.`, translation: `直通线第${seq}号消息。` },
  };
}

export class LinkedStore {
  readonly ownOrigin: string;
  readonly peerOrigin: string;
  private readonly logs: Record<LinkLogName, LogState>;
  private clock: number;

  private constructor(
    readonly store: Store,
    /** The SQLite file, when the factory opened the store itself. */
    readonly path: string | undefined,
    readonly us: TestSide,
    readonly them: TestSide,
    readonly peerUrl: string,
    start: Date,
  ) {
    this.ownOrigin = `${us.host}/${them.name}`;
    this.peerOrigin = `${them.host}/${us.name}`;
    this.logs = {
      own: { origin: this.ownOrigin, signer: us.keys.log, size: 0, head: null },
      peer: { origin: this.peerOrigin, signer: them.keys.log, size: 0, head: null },
    };
    this.clock = start.getTime();
  }

  /** Creates both logs (empty) and pins the peer in the store, as a node does once a peer is added. */
  static async open(options: LinkedStoreOptions = {}): Promise<LinkedStore> {
    const path = options.store ? undefined : join(mkdtempSync(join(tmpdir(), 'parley-linked-')), 'parley.db');
    const store = options.store ?? (await openStore({ dialect: 'sqlite', path: path! }));
    const start = options.start ?? new Date(Date.UTC(2023, 11, 21, 13, 0, 0));
    const linked = new LinkedStore(store, path, options.us ?? testSide('washington', 'US'), options.them ?? testSide('beijing', 'CN'), options.peerUrl ?? 'https://beijing.parley.example:8402', start);
    await store.createLog({ origin: linked.ownOrigin, role: 'own', peer: linked.them.name, createdAt: start });
    await store.createLog({ origin: linked.peerOrigin, role: 'peer', peer: linked.them.name, createdAt: start });
    await store.pinPeer({ name: linked.them.name, url: linked.peerUrl, logKey: linked.peerKeys.logKey, witnessKey: linked.peerKeys.witnessKey, addedAt: start });
    return linked;
  }

  /** The peer's keys as they are pinned: the log key named by its host, the witness key by HOST/witness. */
  get peerKeys(): { readonly logKey: string; readonly witnessKey: string } {
    return {
      logKey: noteVerifierKey(nodeCrypto, this.them.host, 'ed25519', this.them.keys.log.publicKey),
      witnessKey: noteVerifierKey(nodeCrypto, `${this.them.host}/witness`, 'cosignature/v1', this.them.keys.witness.publicKey),
    };
  }

  /** Our node's configuration with the peer pinned, storing in this SQLite file. */
  config(overrides: Partial<NodeConfig> = {}): NodeConfig {
    const peer: PinnedPeerConfig = { name: this.them.name, url: this.peerUrl, ...this.peerKeys, addedAt: new Date(this.clock).toISOString() };
    return {
      format: 'parley-node/v1', side: this.us.side, name: this.us.name, host: this.us.host, listen: { host: '127.0.0.1', port: 8401 },
      timeZone: 'UTC', storage: { dialect: 'sqlite', path: this.path ?? 'parley.db' }, keyFile: 'node.key', peers: [peer],
      ...overrides,
    };
  }

  size(log: LinkLogName): number {
    return this.logs[log].size;
  }

  /** A reference to event `seq` of a log as the other log would name it (the hash read from the store). */
  async refTo(log: LinkLogName, seq: number): Promise<PeerRef> {
    const [event] = await this.store.readEvents(this.logs[log].origin, seq, 1);
    if (event?.seq !== seq) throw new Error(`${this.logs[log].origin} has no event ${seq}`);
    return { log: this.logs[log].origin, seq, hash: toHex(event.hash) };
  }

  /**
   * Appends `count` signed events to one log, with their Merkle stored hashes in the same
   * transaction: the own log as this node writes it, the peer log as it arrives from the peer.
   * Each event names the other log's newest event (every `refEvery`-th event).
   */
  async append(log: LinkLogName, count: number, options: AppendOptions = {}): Promise<void> {
    const refEvery = options.refEvery ?? 1;
    const state = this.logs[log];
    const other = this.logs[log === 'own' ? 'peer' : 'own'];
    const encoded: EncodedEvent[] = [];
    for (let i = 0; i < count; i++) {
      const seq = state.size + i;
      const peer: PeerRef | null = other.head && refEvery > 0 && seq % refEvery === 0 ? { log: other.origin, seq: other.head.event.seq, hash: toHex(other.head.hash) } : null;
      const previous = encoded[i - 1] ?? state.head;
      const event = signEvent(nodeCrypto, state.signer, {
        v: 1, log: state.origin, seq, prev: previous ? toHex(previous.hash) : null, peer, ts: new Date(this.clock).toISOString(), ...bodyOf(seq),
      });
      this.clock += 1000;
      encoded.push(event);
    }
    const leaves = encoded.map((e) => leafHash(nodeCrypto, e.bytes));
    const edge = state.size === 0 ? [] : await this.store.readMerkleHashes(state.origin, appendIndexes(state.size));
    const first = storedHashCount(state.size);
    const merkleHashes = hashesToAppend(nodeCrypto, state.size, leaves, edge).map((hash, i) => ({ idx: first + i, hash }));
    const records = encoded.map((e, i) => toEventRecord(e, leaves[i]!));
    if (log === 'own') {
      await this.store.appendOwnEvents(state.origin, records, { merkleHashes });
    } else {
      const result = await this.store.appendPeerEvents(state.origin, records, { merkleHashes });
      if (result.kind !== 'appended') throw new Error(`the peer log equivocated at ${result.seq}`);
    }
    state.size += count;
    state.head = encoded[count - 1] ?? state.head;
  }

  /**
   * Signs a checkpoint of a log at its current size (root from the stored hashes) and stores it;
   * with `cosign` (the default) the other side's witness cosigns it too. Returns its size.
   */
  async checkpoint(log: LinkLogName, options: { readonly cosign?: boolean } = {}): Promise<number> {
    const state = this.logs[log];
    const size = state.size;
    const root = treeHash(nodeCrypto, size, size === 0 ? [] : await this.store.readMerkleHashes(state.origin, treeHashIndexes(size)));
    const note = signNote(nodeCrypto, formatCheckpoint({ origin: state.origin, size, rootHash: root }), [{ name: state.origin, signer: state.signer }]);
    const stored = await this.store.putCheckpoint(state.origin, { size, root, note, createdAt: new Date(this.clock) });
    if (stored.kind === 'equivocation') throw new Error(`${state.origin} already has another checkpoint at ${size}`);
    if (options.cosign ?? true) await this.cosign(log, size);
    return size;
  }

  /** The other side's witness cosigns a stored checkpoint of a log (ours on the peer's log, the peer's on ours). */
  async cosign(log: LinkLogName, size: number): Promise<void> {
    const state = this.logs[log];
    const witness = log === 'own' ? this.them : this.us;
    const checkpoint = await this.store.getCheckpoint(state.origin, size);
    if (!checkpoint) throw new Error(`${state.origin} has no checkpoint at ${size}`);
    const name = `${witness.host}/witness`;
    const cosignedAt = new Date(this.clock);
    const cosigned = cosignNote(nodeCrypto, checkpoint.note, { name, signer: witness.keys.witness }, Math.floor(cosignedAt.getTime() / 1000));
    await this.store.addCosignature(state.origin, size, { witness: name, line: cosigned.slice(checkpoint.note.length), cosignedAt });
  }

  /** Closes the store if the factory opened it. */
  async close(): Promise<void> {
    if (this.path) await this.store.close();
  }
}

/**
 * Rewrites one stored event's bytes beside the store, as an administrator with database access
 * could: drops the append-only trigger first. SQLite only; for tests of what catches it.
 */
export function overwriteStoredEvent(path: string, origin: string, seq: number, change: (text: string) => string): void {
  const db = new Database(path);
  try {
    db.exec('drop trigger if exists events_no_update');
    const row = db.prepare('select e.bytes from events e join logs l on l.id = e.log_id where l.origin = ? and e.seq = ?').get(origin, seq) as { bytes: Buffer } | undefined;
    if (!row) throw new Error(`no stored event ${seq} of ${origin}`);
    const bytes = Buffer.from(change(row.bytes.toString('utf8')), 'utf8');
    db.prepare('update events set bytes = ? where seq = ? and log_id = (select id from logs where origin = ?)').run(bytes, seq, origin);
  } finally {
    db.close();
  }
}
