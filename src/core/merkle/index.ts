// The Merkle log of the record (RFC 9162 / RFC 6962 hashing): tree hashes, a streaming root,
// the stored-hash layout a persisted log uses, proofs planned then computed from it, proof
// verification, and an in-memory log. Every function takes the hash as an argument.
export { HASH_SIZE, emptyRoot, leafHash, nodeHash, type MerkleHasher } from './tree-hash.js';
export { RootAccumulator } from './root-accumulator.js';
export { storedHashCount, storedHashIndex } from './stored-hash-layout.js';
export {
  appendIndexes, hashesToAppend, treeHashIndexes, treeHash, inclusionProofIndexes, inclusionProof, consistencyProofIndexes, consistencyProof,
} from './stored-hash-proofs.js';
export { verifyInclusion, verifyConsistency } from './verify-proof.js';
export { MemoryMerkleLog } from './memory-log.js';
