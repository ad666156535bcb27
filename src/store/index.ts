// The public surface of src/store: one Store interface, opened for a dialect by openStore.
export { openStore } from './open-store.js';
export { DIALECTS, type DialectName, type Store, type StoreOptions } from './store.js';
export { toEventRecord } from './event-record.js';
export type {
  AppendEffects,
  Appended,
  EventEquivocation,
  EventRecord,
  LogRecord,
  LogRole,
  LogStore,
  MerkleHash,
  NewLog,
  OutboxAck,
  OwnAlongside,
  PeerAppended,
  PeerAppendEffects,
  PeerAppendResult,
} from './log-store.js';
export type {
  CheckpointPutResult,
  CheckpointRecord,
  CheckpointStore,
  Cosignature,
  EquivocationEvidence,
  NewCheckpoint,
  StoredEvidence,
} from './checkpoint-store.js';
export type { FederationStore, Incident, NewIncident, NewPeer, PeerTrust, PinnedPeer } from './federation-store.js';
export type { Session, SideInternalStore, User } from './side-internal-store.js';
export type { SearchEntry, SearchHit, SearchMark, SearchQuery, SearchResult, SearchStore } from './search-store.js';
export type { Coordination, LeaderLockOutcome, Leadership, StoreCapabilities, Unlisten } from './coordination.js';
