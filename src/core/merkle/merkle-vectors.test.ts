import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromBase64, fromHex, pureCrypto, toBase64, toHex } from '../index.js';
import { MemoryMerkleLog, RootAccumulator, emptyRoot, leafHash, verifyConsistency, verifyInclusion } from './index.js';
import { vectorPath } from '../../test-support/vectors.js';

const crypto = pureCrypto;
// Vectors hold some deliberately wrong-length values; decode leniently and let the verifier refuse them.
const b64 = (s: string | null | undefined): Uint8Array => (s ? new Uint8Array(Buffer.from(s, 'base64')) : new Uint8Array(0));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
  });
}

/** The fields of an inclusion or a consistency vector (see vectors/merkle/README.md). */
interface Vector {
  leafIdx: number; treeSize: number; leafHash: string; root: string;
  size1: number; size2: number; root1: string; root2: string;
  proof: string[] | null; wantErr: boolean;
}

/** 'ok', or the code of the proof error the check refuses with; anything else (a crash) fails the test. */
function outcome(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (err) {
    const code = (err as { code?: string }).code ?? String(err);
    expect(code).toMatch(/^E_PROOF_(INVALID|RANGE)$/);
    return code;
  }
}

/**
 * Reads one vector. Indexes and sizes are unsigned 64-bit; JSON.parse rounds those above
 * 2^53 − 1 (e.g. 2^64 − 1), so such files are flagged from their text: the verifier must
 * refuse them as out of range, never compare a rounded value.
 */
function readVector(path: string): { v: Vector; huge: boolean } {
  const text = readFileSync(path, 'utf8');
  return { v: JSON.parse(text), huge: /:\s*\d{17,}/.test(text) };
}

describe('RFC 9162 inclusion proofs (vectors/merkle/inclusion)', () => {
  const dir = vectorPath('merkle/inclusion');
  const all = files(dir);
  it('has the 98 upstream cases', () => expect(all).toHaveLength(98));
  for (const path of all) {
    const { v, huge } = readVector(path);
    it(`${relative(dir, path)} → ${v.wantErr ? 'fails' : 'verifies'}`, () => {
      const result = outcome(() => verifyInclusion(crypto, v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root)));
      expect(result === 'ok').toBe(!v.wantErr);
      if (huge) expect(result).toBe('E_PROOF_RANGE');
    });
  }
});

describe('RFC 9162 consistency proofs (vectors/merkle/consistency)', () => {
  const dir = vectorPath('merkle/consistency');
  const all = files(dir);
  it('has the 98 upstream cases', () => expect(all).toHaveLength(98));
  for (const path of all) {
    const { v, huge } = readVector(path);
    // One success is unusual: sizes-are-equal-one-and-proof-is-empty has equal roots that are
    // not 32 bytes. Like Go's verifier, equal sizes only compare the roots, so it passes.
    it(`${relative(dir, path)} → ${v.wantErr ? 'fails' : 'verifies'}`, () => {
      const result = outcome(() => verifyConsistency(crypto, v.size1, v.size2, b64(v.root1), b64(v.root2), (v.proof ?? []).map(b64)));
      expect(result === 'ok').toBe(!v.wantErr);
      if (huge) expect(result).toBe('E_PROOF_RANGE');
    });
  }
});

describe('the classic 8-leaf tree', () => {
  const roots = JSON.parse(readFileSync(vectorPath('merkle/roots.json'), 'utf8'));
  const proofs = JSON.parse(readFileSync(vectorPath('c2sp/examples/proofs.json'), 'utf8'));
  const leaves: Uint8Array[] = roots.leaves.map((l: { data: string }) => fromHex(l.data));

  it('reproduces every leaf hash and the roots of sizes 0 to 8, three ways', () => {
    const log = new MemoryMerkleLog(crypto);
    const acc = new RootAccumulator(crypto);
    expect(toHex(log.root())).toBe(roots.roots[0].root);
    expect(toHex(emptyRoot(crypto))).toBe(roots.roots[0].root);
    leaves.forEach((data, i) => {
      expect(toHex(log.append(data))).toBe(roots.leaves[i].leaf_hash);
      acc.append(leafHash(crypto, data));
      expect(toHex(log.root())).toBe(roots.roots[i + 1].root);
      expect(toHex(acc.root())).toBe(roots.roots[i + 1].root);
    });
    for (let size = 0; size <= 8; size++) expect(toHex(log.root(size))).toBe(roots.roots[size].root);
  });

  it('reproduces the Go-generated proofs of vectors/c2sp/examples byte for byte, and accepts them', () => {
    const log = new MemoryMerkleLog(crypto);
    const goLeaves: Uint8Array[] = proofs.leaves_hex.map((h: string) => fromHex(h));
    expect(goLeaves.map((d) => toHex(log.append(d)))).toEqual(proofs.leaf_hashes_hex);
    expect(toBase64(log.root(7))).toBe(proofs.root_7.base64);
    expect(toBase64(log.root(8))).toBe(proofs.root_8.base64);
    for (const key of ['inclusion_0_8', 'inclusion_6_8']) {
      const p = proofs[key];
      const proof = log.inclusionProof(p.index, p.tree_size);
      expect(proof.map(toBase64)).toEqual(p.proof_base64);
      verifyInclusion(crypto, p.index, p.tree_size, leafHash(crypto, fromHex(p.leaf_hex)), proof, fromBase64(proofs.root_8.base64));
    }
    const c = proofs.consistency_7_8;
    const proof = log.consistencyProof(7, 8);
    expect(proof.map(toBase64)).toEqual(c.proof_base64);
    verifyConsistency(crypto, 7, 8, fromBase64(proofs.root_7.base64), fromBase64(proofs.root_8.base64), proof);
  });
});
