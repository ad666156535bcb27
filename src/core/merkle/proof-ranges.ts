import { ParleyError } from '../errors/index.js';
import { isSafeCount, splitPoint } from './tree-hash.js';

/**
 * A run of leaves [start, end). Every hash in a proof is the tree hash (RFC 9162 MTH) of one
 * such run, and every run a proof names is a node of the RFC 9162 tree, so a store can
 * assemble it from the complete subtrees it keeps (see stored-hash-layout.ts).
 */
export type LeafRange = readonly [start: number, end: number];

export function checkInclusionRange(index: number, size: number): void {
  if (!isSafeCount(index) || !isSafeCount(size) || index >= size) {
    throw new ParleyError('E_PROOF_RANGE', `Leaf ${index} is not in a tree of ${size} leaves.`, { index, size });
  }
}

export function checkConsistencyRange(oldSize: number, newSize: number): void {
  if (!isSafeCount(oldSize) || !isSafeCount(newSize) || oldSize > newSize) {
    throw new ParleyError('E_PROOF_RANGE', `No consistency proof leads from size ${oldSize} to size ${newSize}.`, { oldSize, newSize });
  }
}

/**
 * RFC 9162 §2.1.3.1 PATH(m, D[n]), as the ranges whose hashes form the inclusion proof, in
 * proof order (the leaf's sibling first). The RFC recurses from the root down, appending the
 * sibling after the deeper part of the path; walking down and reversing gives the same order.
 */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  checkInclusionRange(index, size);
  const siblings: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index - lo < k) {
      siblings.push([lo + k, hi]);
      hi = lo + k;
    } else {
      siblings.push([lo, lo + k]);
      lo += k;
    }
  }
  return siblings.reverse();
}

/**
 * RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges in proof order.
 * Empty for m = 0 and m = n: there is nothing to prove (verifiers treat those cases apart).
 */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  checkConsistencyRange(oldSize, newSize);
  if (oldSize === 0 || oldSize === newSize) return [];
  const out: LeafRange[] = [];
  let lo = 0;
  let hi = newSize;
  let m = oldSize;
  // SUBPROOF's flag b: true while D[lo:hi] is still a prefix whose root the verifier knows
  // (the old root itself), so it need not be sent.
  let known = true;
  for (;;) {
    if (m === hi - lo) {
      if (!known) out.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      // The old tree lies in the left subtree: prove that part, then add the right subtree.
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      // The old tree covers the whole left subtree: send it, and continue on the right.
      out.push([lo, lo + k]);
      lo += k;
      m -= k;
      known = false;
    }
  }
  return out.reverse();
}
