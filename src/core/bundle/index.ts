export { BUNDLE_FORMAT, parseManifest, type BundleLog, type BundleManifest } from './manifest.js';
export { HashWindow } from './hash-window.js';
export {
  HASH_AT, HASH_BYTES_PER_EVENT, LEAF_AT, NUMBERS_PER_EVENT, PEER_HASH_AT, PEER_SEQ_AT, PREV_AT, SEQ_AT, TS_AT, type BatchFailure, type CheckedBatch,
} from './checked-batch.js';
export { verifyRecord, type CheckedEventSource, type LogToVerify, type RootBuilder, type VerifiedLog } from './record-verifier.js';
export { openBundleCheckpoint, type OpenedCheckpoint } from './bundle-checkpoint.js';
