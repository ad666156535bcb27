import { afterEach, describe, expect, it } from 'vitest';
import { nodeCrypto } from './node-suite.js';
import { OFFLOAD_FROM, SignatureWorker, type SignatureCheck } from './signature-checks.js';

const signer = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(9));
const other = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(10));

/** `count` messages of different lengths, each signed by `signer`. */
function signed(count: number): SignatureCheck[] {
  return Array.from({ length: count }, (_, i) => {
    const message = new TextEncoder().encode(`message ${i} `.repeat(1 + (i % 7)));
    return { message, signature: signer.sign(message) };
  });
}

const workers: SignatureWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
});
function worker(): SignatureWorker {
  const w = new SignatureWorker(nodeCrypto);
  workers.push(w);
  return w;
}

describe('signature checks in a worker', () => {
  it('gives each check the answer the suite gives, checked in the worker', async () => {
    const checks = signed(40);
    const flipped = Uint8Array.from(checks[7]!.message);
    flipped[0]! ^= 1;
    checks[7] = { message: flipped, signature: checks[7]!.signature };
    checks[21] = { message: checks[21]!.message, signature: other.sign(checks[21]!.message) };
    checks[30] = { message: checks[30]!.message, signature: checks[30]!.signature.subarray(0, 63) };
    const w = worker();
    const answers = await w.verifyAll(signer.publicKey, checks);
    expect(answers).toEqual(checks.map((c) => nodeCrypto.ed25519.verify(signer.publicKey, c.message, c.signature)));
    expect(answers.filter((ok) => !ok)).toHaveLength(3);
    expect(w.counts).toEqual({ inWorker: 40, inline: 0 });
  });

  it('verifies nothing under a key that is not a curve point, and then goes on with a good key', async () => {
    const w = worker();
    const checks = signed(OFFLOAD_FROM);
    // y = 2 has no x on edwards25519: not a point (RFC 8032 §5.1.3 decoding fails).
    const notAPoint = new Uint8Array(32);
    notAPoint[0] = 2;
    expect(await w.verifyAll(notAPoint, checks)).toEqual(checks.map(() => false));
    expect(await w.verifyAll(signer.publicKey, checks)).toEqual(checks.map(() => true));
    expect(w.counts.inWorker).toBe(2 * OFFLOAD_FROM);
  });

  it('checks a small batch inline, without the hop to the worker', async () => {
    const w = worker();
    expect(await w.verifyAll(signer.publicKey, signed(OFFLOAD_FROM - 1))).toEqual(Array(OFFLOAD_FROM - 1).fill(true));
    expect(w.counts).toEqual({ inWorker: 0, inline: OFFLOAD_FROM - 1 });
  });

  it('answers what a crashed worker had under way inline, and starts a new worker for the next batch', async () => {
    const w = worker();
    await w.verifyAll(signer.publicKey, signed(OFFLOAD_FROM));
    const underWay = w.verifyAll(signer.publicKey, signed(200));
    await w.crashForTest();
    expect(await underWay).toEqual(Array(200).fill(true));
    expect(w.counts).toEqual({ inWorker: OFFLOAD_FROM, inline: 200 });
    expect(await w.verifyAll(signer.publicKey, signed(OFFLOAD_FROM))).toEqual(Array(OFFLOAD_FROM).fill(true));
    expect(w.counts.inWorker).toBe(2 * OFFLOAD_FROM);
  });
});
