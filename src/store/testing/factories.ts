import { concatBytes, pureCrypto, utf8, type JsonObject } from '../../core/index.js';
import { TestLog, testSeed } from '../../test-support/event-factory.js';
import {
  toEventRecord,
  type AppendEffects,
  type EventRecord,
  type MerkleHash,
  type NewCheckpoint,
  type NewIncident,
  type NewLog,
  type NewPeer,
  type Session,
  type User,
} from '../index.js';

/** Test data for the storage suite: small factories with overridable defaults. */

export const T0 = new Date(Date.UTC(2023, 11, 21, 13, 0, 0));
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export const OWN_ORIGIN = 'washington.parley.example/beijing';
export const PEER_ORIGIN = 'beijing.parley.example/washington';

export const ownLog = (overrides: Partial<NewLog> = {}): NewLog => ({ origin: OWN_ORIGIN, role: 'own', peer: 'beijing', createdAt: T0, ...overrides });
export const peerLog = (overrides: Partial<NewLog> = {}): NewLog => ({ origin: PEER_ORIGIN, role: 'peer', peer: 'beijing', createdAt: T0, ...overrides });

const signer = pureCrypto.ed25519Signer(testSeed(7));
const chains = new Map<string, EventRecord[]>();

export const leafHashOf = (bytes: Uint8Array): Uint8Array => pureCrypto.sha256(concatBytes(Uint8Array.of(0), bytes));

/**
 * The first `count` events of a signed log. Another `variant` signs other bodies under the same
 * key and origin: the same seqs with other hashes, as a log that equivocates would.
 */
export function signedEvents(origin: string, count: number, variant = 'a'): EventRecord[] {
  const key = `${origin} ${variant}`;
  const cached = chains.get(key);
  if (cached && cached.length >= count) return cached.slice(0, count);
  const log = new TestLog(pureCrypto, signer, origin);
  for (let seq = 0; seq < count; seq++) log.append({ text: `message ${seq}`, variant });
  const records = log.events.map((encoded) => toEventRecord(encoded, leafHashOf(encoded.bytes)));
  chains.set(key, records);
  return records;
}

/** Unsigned stand-ins of about `size` bytes, for volume: the store neither parses nor verifies. */
export function bulkEvents(count: number, fromSeq = 0, size = 1024): EventRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = fromSeq + i;
    const body: JsonObject = { seq, text: 'x'.repeat(size) };
    const bytes = utf8(JSON.stringify(body));
    return { seq, bytes, hash: pureCrypto.sha256(bytes), leafHash: leafHashOf(bytes), ts: at(seq).toISOString(), kind: 'message.sent', actor: 'us/duty-officer', peer: null };
  });
}

/** One stored hash per event, at the event's seq: the store keeps indexes opaque, so any layout will do. */
export const merkleHashesFor = (events: readonly EventRecord[]): MerkleHash[] => events.map((e) => ({ idx: e.seq, hash: e.leafHash }));

export const effectsFor = (events: readonly EventRecord[], extra: Partial<AppendEffects> = {}): AppendEffects => ({
  merkleHashes: merkleHashesFor(events),
  ...extra,
});

export const newPeer = (overrides: Partial<NewPeer> = {}): NewPeer => ({
  name: 'beijing',
  url: 'https://beijing.parley.example:8402',
  logKey: 'beijing.parley.example+4a5b6c7d+AXrQ2M7JGz6yV8Fq0r5JY2qW4rH1lT3kB9sN0pC7dE6f',
  witnessKey: 'beijing.parley.example/witness+1a2b3c4d+Ae3kQ9mL0pR7sT2uV5wX8yZ1aB4cD7eF0gH3iJ6kL9mN',
  addedAt: T0,
  ...overrides,
});

export function newCheckpoint(size: number, rootFill = 1, overrides: Partial<NewCheckpoint> = {}): NewCheckpoint {
  const root = new Uint8Array(32).fill(rootFill);
  return { size, root, note: `${PEER_ORIGIN}\n${size}\n${Buffer.from(root).toString('base64')}\n\n— beijing.parley.example sig${rootFill}\n`, createdAt: at(size), ...overrides };
}

export const newIncident = (overrides: Partial<NewIncident> = {}): NewIncident => ({
  kind: 'link.down',
  subject: 'beijing',
  openedAt: T0,
  details: { lastHeartbeat: T0.toISOString() },
  ...overrides,
});

export const newUser = (overrides: Partial<User> = {}): User => ({
  id: 'u-duty-1',
  side: 'US',
  name: 'duty.officer',
  role: 'duty-officer',
  passwordHash: '$scrypt$n=16384,r=8,p=1$c2FsdA$aGFzaA',
  createdAt: T0,
  ...overrides,
});

export const newSession = (overrides: Partial<Session> = {}): Session => ({
  id: 'session-hash-1',
  userId: 'u-duty-1',
  createdAt: T0,
  expiresAt: at(3600),
  ...overrides,
});
