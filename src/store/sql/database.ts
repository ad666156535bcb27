import type { Generated } from 'kysely';
import type { LogRole } from '../log-store.js';
import type { PeerTrust } from '../federation-store.js';

/*
 * The tables as Kysely sees them. Integers are 64-bit in the database (BIGINT in PostgreSQL,
 * INTEGER in SQLite) and plain numbers here: seqs, sizes and epoch milliseconds stay far below
 * 2^53, and the PostgreSQL connection refuses to read a larger one rather than round it.
 * Every `*_at` column holds milliseconds since the Unix epoch, UTC.
 */

export interface LogsTable {
  id: Generated<number>;
  origin: string;
  role: LogRole;
  peer: string | null;
  /** Number of events; the conditional update of this column serializes concurrent appends. */
  size: number;
  created_at: number;
}

export interface EventsTable {
  log_id: number;
  seq: number;
  hash: Uint8Array;
  leaf_hash: Uint8Array;
  bytes: Uint8Array;
  ts: string;
  kind: string;
  actor: string;
  peer_log: string | null;
  peer_seq: number | null;
  peer_hash: Uint8Array | null;
}

export interface MerkleHashesTable {
  log_id: number;
  idx: number;
  hash: Uint8Array;
}

export interface CheckpointsTable {
  log_id: number;
  size: number;
  root: Uint8Array;
  note: string;
  created_at: number;
}

export interface CosignaturesTable {
  log_id: number;
  size: number;
  witness: string;
  line: string;
  cosigned_at: number;
}

export interface EquivocationsTable {
  id: Generated<number>;
  log_id: number;
  kind: 'checkpoint' | 'event';
  position: number;
  first: Uint8Array;
  second: Uint8Array;
  /** SHA-256 over the pair in a fixed order, so one pair is recorded once. */
  digest: Uint8Array;
  recorded_at: number;
}

export interface PeersTable {
  name: string;
  url: string;
  log_key: string;
  witness_key: string;
  added_at: number;
  trust: PeerTrust;
  trust_reason: string | null;
  trust_changed_at: number | null;
}

export interface OutboxCursorsTable {
  peer: string;
  last_acked_seq: number;
}

export interface SeenNoncesTable {
  peer: string;
  nonce: string;
  expires_at: number;
}

export interface IncidentsTable {
  id: Generated<number>;
  kind: string;
  subject: string;
  opened_at: number;
  closed_at: number | null;
  /** JSON text; no query looks inside it, so both dialects store text. */
  details: string;
}

export interface UsersTable {
  id: string;
  side: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface Database {
  logs: LogsTable;
  events: EventsTable;
  merkle_hashes: MerkleHashesTable;
  checkpoints: CheckpointsTable;
  cosignatures: CosignaturesTable;
  equivocations: EquivocationsTable;
  peers: PeersTable;
  outbox_cursors: OutboxCursorsTable;
  seen_nonces: SeenNoncesTable;
  incidents: IncidentsTable;
  users: UsersTable;
  sessions: SessionsTable;
}
