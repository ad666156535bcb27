export { BUNDLE_FORMAT, parseManifest, type BundleLog, type BundleManifest } from './manifest.js';
export { HashWindow } from './hash-window.js';
export { verifyRecord, type CheckedEvent, type CheckedEventSource, type LogToVerify, type RootBuilder, type VerifiedLog } from './record-verifier.js';
export { openBundleCheckpoint, type OpenedCheckpoint } from './bundle-checkpoint.js';
