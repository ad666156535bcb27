import { ParleyError } from '../errors/index.js';
import { isSafeCount, splitPoint } from './tree-hash.js';

/** A run of leaves [start, end): every proof hash is the tree hash of one such run. */
export type LeafRange = readonly [start: number, end: number];

function checkRange(index: number, size: number): void {
  if (!isSafeCount(index) || !isSafeCount(size) || index >= size) {
    throw new ParleyError('E_PROOF_RANGE', `Leaf ${index} is not in a tree of ${size} leaves.`);
  }
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes form the inclusion proof, leaf first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  checkRange(index, size);
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

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true): the ranges of a consistency proof. */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  if (!isSafeCount(oldSize) || !isSafeCount(newSize) || oldSize > newSize) {
    throw new ParleyError('E_PROOF_RANGE', `No consistency proof from size ${oldSize} to size ${newSize}.`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const out: LeafRange[] = [];
  let lo = 0;
  let hi = newSize;
  let m = oldSize;
  let complete = true; // SUBPROOF's b: whether D[lo:hi] is a subtree the verifier already knows
  for (;;) {
    if (m === hi - lo) {
      if (!complete) out.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
      m -= k;
      complete = false;
    }
  }
  return out.reverse();
}
