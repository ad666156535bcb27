import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryMerkleLog, cosignNote, leafHash, formatCheckpoint, noteSignerKey, noteVerifierKey, openNote, parseCheckpoint, parseVerifierKey, pureCrypto, signNote, toBase64, utf8 } from '../index.js';
import { repoRoot } from '../../test-support/vectors.js';

// Go's golang.org/x/mod/sumdb/{note,tlog}: an existing, independent implementation of signed
// notes and RFC 6962 proofs (Debian: golang-go, golang-golang-x-mod-dev; .ci/run installs them).
const GOPATH = '/usr/share/gocode';
const hasGo = spawnSync('go', ['version']).status === 0;
const env = { ...process.env, GOPATH, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(tmpdir(), 'parley-gocache') };
const missing = 'Go and x/mod are needed for this test: apt-get install golang-go golang-golang-x-mod-dev';
if (!hasGo && process.env.CI === 'true') {
  describe('interoperability with Go sumdb', () => it('has Go installed under CI', () => expect.fail(missing)));
}

const crypto = pureCrypto;
const log = crypto.ed25519Signer(crypto.sha256(utf8('interop/log')));
const witness = crypto.ed25519Signer(crypto.sha256(utf8('interop/witness')));
const ORIGIN = 'washington.parley.example/interop';
const WITNESS = 'beijing.parley.example/witness';
const logVkey = noteVerifierKey(crypto, ORIGIN, 'ed25519', log.publicKey);
const witnessVkey = noteVerifierKey(crypto, WITNESS, 'cosignature/v1', witness.publicKey);
let bin = '';
const go = (args: string[], input = '') => spawnSync(bin, args, { input, encoding: 'utf8' });

describe.skipIf(!hasGo)(`interoperability with Go sumdb${hasGo ? '' : ` (skipped: ${missing})`}`, () => {
  const tree = new MemoryMerkleLog(crypto);
  for (let i = 0; i < 1000; i++) tree.append(utf8(`event ${i}`));

  beforeAll(() => {
    bin = join(mkdtempSync(join(tmpdir(), 'parley-go-')), 'sumdbcheck');
    const build = spawnSync('go', ['build', '-o', bin, './interop/go/sumdbcheck'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  });

  it('Go opens a checkpoint Parley signed and cosigned, with either key', () => {
    const body = formatCheckpoint({ origin: ORIGIN, size: tree.size, rootHash: tree.root() });
    const note = cosignNote(crypto, signNote(crypto, body, [{ name: ORIGIN, signer: log }]), { name: WITNESS, signer: witness }, 1735689600);
    expect(go(['open', logVkey], note).stdout).toBe('ACCEPT 1 verified 1 unverified\n');
    expect(go(['open', witnessVkey], note).stdout).toBe('ACCEPT 1 verified 1 unverified\n');
    expect(go(['open', logVkey, witnessVkey], note).stdout).toBe('ACCEPT 2 verified 0 unverified\n');
  });

  it('Go rejects the same note with its text changed, or with a forged cosignature', () => {
    const body = formatCheckpoint({ origin: ORIGIN, size: tree.size, rootHash: tree.root() });
    const note = cosignNote(crypto, signNote(crypto, body, [{ name: ORIGIN, signer: log }]), { name: WITNESS, signer: witness }, 1735689600);
    expect(go(['open', logVkey], note.replace(`\n${tree.size}\n`, `\n${tree.size + 1}\n`)).status).toBe(1);
    const lines = note.split('\n');
    const cosig = lines[lines.length - 2]!;
    lines[lines.length - 2] = cosig.slice(0, -6) + (cosig.at(-6) === 'A' ? 'B' : 'A') + cosig.slice(-5);
    expect(go(['open', witnessVkey], lines.join('\n')).status).toBe(1);
  });

  it('Parley opens a checkpoint Go signed', () => {
    const body = formatCheckpoint({ origin: ORIGIN, size: 7, rootHash: tree.root(7) });
    const signed = go(['sign', noteSignerKey(crypto, ORIGIN, crypto.sha256(utf8('interop/log')))], body);
    expect(signed.status, signed.stdout).toBe(0);
    const opened = openNote(crypto, signed.stdout, [parseVerifierKey(crypto, logVkey)]);
    expect(parseCheckpoint(opened.text)).toMatchObject({ origin: ORIGIN, size: 7 });
  });

  it("Go accepts Parley's inclusion and consistency proofs, and rejects them against a wrong root", () => {
    const wrong = (hash: Uint8Array): string => toBase64(Uint8Array.from(hash, (b, i) => (i === 5 ? b ^ 1 : b)));
    for (const [index, size] of [[0, 1], [0, 1000], [999, 1000], [517, 777], [511, 512]] as const) {
      const leaf = toBase64(leafHash(crypto, utf8(`event ${index}`)));
      const proof = tree.inclusionProof(index, size).map(toBase64);
      expect(go(['inclusion', String(index), String(size), leaf, toBase64(tree.root(size)), ...proof]).stdout, `${index}/${size}`).toBe('ACCEPT\n');
      expect(go(['inclusion', String(index), String(size), leaf, wrong(tree.root(size)), ...proof]).status).toBe(1);
    }
    for (const [m, n] of [[1, 1000], [7, 8], [511, 512], [512, 1000], [999, 1000]] as const) {
      const proof = tree.consistencyProof(m, n).map(toBase64);
      expect(go(['consistency', String(m), String(n), toBase64(tree.root(m)), toBase64(tree.root(n)), ...proof]).stdout, `${m}→${n}`).toBe('ACCEPT\n');
      expect(go(['consistency', String(m), String(n), wrong(tree.root(m)), toBase64(tree.root(n)), ...proof]).status).toBe(1);
    }
  });
});
