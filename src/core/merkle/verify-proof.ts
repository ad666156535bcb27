import { equalBytes } from '../bytes.js';
import { ParleyError } from '../errors/index.js';
import { checkConsistencyRange, checkInclusionRange } from './proof-ranges.js';
import { HASH_SIZE, isPowerOfTwo, nodeHash, type MerkleHasher } from './tree-hash.js';

/*
 * Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 write it. Both functions
 * return nothing when the proof holds and throw a ParleyError otherwise: E_PROOF_RANGE for
 * impossible indexes or sizes (including any above 2^53 − 1, which RFC 9162's 64-bit
 * values allow but no Parley log reaches), E_PROOF_INVALID for everything else.
 */

const invalid = (message: string): ParleyError => new ParleyError('E_PROOF_INVALID', message);
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2); // not `>>`: sizes may exceed 32 bits

function checkHashSizes(...hashes: readonly Uint8Array[]): void {
  if (hashes.some((h) => h.length !== HASH_SIZE)) throw invalid(`Every hash in a Merkle proof is ${HASH_SIZE} bytes.`);
}

/**
 * The loop the two RFC algorithms share (§2.1.3.2 step 4, §2.1.4.2 step 6): climbs from node
 * fn of a tree whose last node is sn, taking one proof hash per level that has a sibling.
 * `full` (r, or sr) hashes in every sibling; `left` (fr) only the left siblings, which
 * rebuilds the old tree's root in a consistency proof; inclusion proofs do not need it.
 */
function climb(crypto: MerkleHasher, fn: number, sn: number, seed: Uint8Array, path: readonly Uint8Array[], trackLeft: boolean): { full: Uint8Array; left: Uint8Array } {
  let full = seed;
  let left = seed;
  for (const p of path) {
    if (sn === 0) throw invalid('The proof has more hashes than the tree has levels.');
    if (isOdd(fn) || fn === sn) {
      full = nodeHash(crypto, p, full);
      if (trackLeft) left = nodeHash(crypto, p, left);
      // fn is a right child, or the last node of its level with no sibling: go up past the
      // levels where it stays the last node (the ragged right edge of an unbalanced tree).
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
      }
    } else {
      full = nodeHash(crypto, full, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) throw invalid('The proof has fewer hashes than the tree has levels.');
  return { full, left };
}

/** RFC 9162 §2.1.3.2: checks that `leafHash` is leaf `index` of the tree of `size` leaves with `root`. */
export function verifyInclusion(crypto: MerkleHasher, index: number, size: number, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  checkInclusionRange(index, size); // step 1
  checkHashSizes(leafHash, root, ...proof);
  const { full } = climb(crypto, index, size - 1, leafHash, proof, false); // steps 2–4
  if (!equalBytes(full, root)) throw invalid(`Leaf ${index} is not included in the tree of ${size} leaves with this root.`); // step 5
}

/** RFC 9162 §2.1.4.2: checks that the tree (oldSize, oldRoot) is a prefix of the tree (newSize, newRoot). */
export function verifyConsistency(
  crypto: MerkleHasher, oldSize: number, newSize: number, oldRoot: Uint8Array, newRoot: Uint8Array, proof: readonly Uint8Array[],
): void {
  checkConsistencyRange(oldSize, newSize);
  // The RFC's algorithm starts from 0 < first < second. For the empty tree, follow Go's
  // verifier and the vectors: such a proof proves nothing, so callers must not rely on one.
  if (oldSize === 0) throw invalid('A consistency proof from the empty tree proves nothing; skip the check instead.');
  if (oldSize === newSize) {
    // Equal sizes: only equal roots are consistent, and there is nothing to prove. The roots
    // are compared as bytes, as Go does, so this holds even for hashes of another length.
    if (proof.length !== 0) throw invalid('Trees of equal size need an empty consistency proof.');
    if (!equalBytes(oldRoot, newRoot)) throw invalid(`Two different roots claimed for the tree of ${oldSize} leaves.`);
    return;
  }
  checkHashSizes(oldRoot, newRoot, ...proof);
  if (proof.length === 0) throw invalid('The consistency proof is empty.'); // step 1
  // Step 2: when the old tree is a complete subtree, the prover leaves out its root, which
  // the verifier already has; put it back as the path's first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  // Steps 3–4: start from the old tree's last leaf, raised past the levels where it is a right
  // child, so the path's first node is the largest complete subtree the two trees share.
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  const { full, left } = climb(crypto, fn, sn, path[0]!, path.slice(1), true); // steps 5–6
  // Step 7.
  if (!equalBytes(left, oldRoot)) throw invalid(`The consistency proof does not lead to the old root of the tree of ${oldSize} leaves.`);
  if (!equalBytes(full, newRoot)) throw invalid(`The consistency proof does not lead to the new root of the tree of ${newSize} leaves.`);
}
