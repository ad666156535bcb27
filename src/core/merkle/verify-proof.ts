import { equalBytes } from '../bytes.js';
import type { CryptoSuite } from '../crypto/index.js';
import { ParleyError } from '../errors/index.js';
import { isSafeCount, nodeHash } from './tree-hash.js';

const invalid = (why: string): ParleyError => new ParleyError('E_PROOF_INVALID', why);
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/**
 * RFC 9162 §2.1.3.2 step 3 / §2.1.4.2 step 6: right-shift both indexes until fn is odd or zero,
 * skipping the levels where the node has no right sibling (the right edge of an unbalanced tree).
 */
function skipRightEdge(fn: number, sn: number): [number, number] {
  while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
  return [fn, sn];
}

/** RFC 9162 §2.1.3.2: checks that `leaf` is at `index` in the tree of `size` leaves with `root`. */
export function verifyInclusion(crypto: Pick<CryptoSuite, 'sha256'>, index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (!isSafeCount(index) || !isSafeCount(size) || index >= size) {
    throw new ParleyError('E_PROOF_RANGE', `Leaf ${index} is not in a tree of ${size} leaves.`);
  }
  if (proof.some((p) => p.length !== 32) || leaf.length !== 32 || root.length !== 32) throw invalid('Every hash in a proof is 32 bytes.');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw invalid('The inclusion proof is longer than the tree is deep.');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(crypto.sha256, p, r);
      if (!isOdd(fn)) [fn, sn] = skipRightEdge(fn, sn);
    } else {
      r = nodeHash(crypto.sha256, r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) throw invalid('The inclusion proof is shorter than the tree is deep.');
  if (!equalBytes(r, root)) throw invalid(`Leaf ${index} is not included in the tree of size ${size} with this root.`);
}

/** RFC 9162 §2.1.4.2: checks that the tree (oldSize, oldRoot) is a prefix of (newSize, newRoot). */
export function verifyConsistency(
  crypto: Pick<CryptoSuite, 'sha256'>, oldSize: number, newSize: number, oldRoot: Uint8Array, newRoot: Uint8Array, proof: readonly Uint8Array[],
): void {
  if (!isSafeCount(oldSize) || !isSafeCount(newSize) || oldSize > newSize) {
    throw new ParleyError('E_PROOF_RANGE', `No consistency proof from size ${oldSize} to size ${newSize}.`);
  }
  // A proof from the empty tree proves nothing; callers skip the check instead (as Go's tlog does).
  if (oldSize === 0) throw invalid('A consistency proof from the empty tree is meaningless; there is nothing to check.');
  if (oldSize === newSize) {
    if (proof.length !== 0 || !equalBytes(oldRoot, newRoot)) throw invalid('Trees of equal size are consistent only with equal roots and an empty proof.');
    return;
  }
  if (proof.some((p) => p.length !== 32) || oldRoot.length !== 32 || newRoot.length !== 32) throw invalid('Every hash in a proof is 32 bytes.');
  if (proof.length === 0) throw invalid('The consistency proof is empty.');
  // Step 2: when the old tree is a complete subtree, its root is the proof's implicit first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw invalid('The consistency proof is longer than needed.');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(crypto.sha256, c, fr);
      sr = nodeHash(crypto.sha256, c, sr);
      if (!isOdd(fn)) [fn, sn] = skipRightEdge(fn, sn);
    } else {
      sr = nodeHash(crypto.sha256, sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) throw invalid('The consistency proof is shorter than needed.');
  if (!equalBytes(fr, oldRoot)) throw invalid(`The proof does not lead to the old root of size ${oldSize}.`);
  if (!equalBytes(sr, newRoot)) throw invalid(`The proof does not lead to the new root of size ${newSize}.`);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
