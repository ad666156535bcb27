import { emptyRoot, nodeHash, splitPoint, type MerkleHasher } from '../tree-hash.js';

/*
 * RFC 9162's own recursive definitions, transcribed as literally as possible over a list of
 * leaf hashes: slow (every call rehashes whole subtrees) but obviously the RFC, so tests can
 * check the fast paths against the text rather than against themselves.
 */

/** §2.1.1 MTH(D[n]) with the leaves given as leaf hashes. */
export function referenceRoot(crypto: MerkleHasher, leaves: readonly Uint8Array[]): Uint8Array {
  const n = leaves.length;
  if (n === 0) return emptyRoot(crypto);
  if (n === 1) return leaves[0]!;
  const k = splitPoint(n);
  return nodeHash(crypto, referenceRoot(crypto, leaves.slice(0, k)), referenceRoot(crypto, leaves.slice(k)));
}

/** §2.1.3.1 PATH(m, D[n]). */
export function referenceInclusionProof(crypto: MerkleHasher, m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const n = leaves.length;
  if (n === 1 && m === 0) return [];
  const k = splitPoint(n);
  if (m < k) return [...referenceInclusionProof(crypto, m, leaves.slice(0, k)), referenceRoot(crypto, leaves.slice(k))];
  return [...referenceInclusionProof(crypto, m - k, leaves.slice(k)), referenceRoot(crypto, leaves.slice(0, k))];
}

/** §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m < n. */
export function referenceConsistencyProof(crypto: MerkleHasher, m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return subproof(crypto, m, leaves, true);
}

function subproof(crypto: MerkleHasher, m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [referenceRoot(crypto, leaves)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(crypto, m, leaves.slice(0, k), b), referenceRoot(crypto, leaves.slice(k))];
  return [...subproof(crypto, m - k, leaves.slice(k), false), referenceRoot(crypto, leaves.slice(0, k))];
}
