export { leafHash, nodeHash, emptyRoot, referenceRoot } from './tree-hash.js';
export { RootAccumulator } from './root-accumulator.js';
export { inclusionRanges, consistencyRanges, type LeafRange } from './proof-plan.js';
export {
  storedHashCount, storedHashIndex, rangeIndexes, hashRanges, inclusionPlan, consistencyPlan, rootPlan, rootFromPlan,
  appendPlan, hashesToAppend, type ProofPlan,
} from './stored-hashes.js';
export { verifyInclusion, verifyConsistency } from './verify-proof.js';
export { MemoryMerkleLog } from './memory-log.js';
