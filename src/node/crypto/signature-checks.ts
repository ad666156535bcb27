import { Worker } from 'node:worker_threads';
import type { CryptoSuite } from '../../core/index.js';
import { SPKI_PREFIX } from './node-suite.js';

/** One Ed25519 signature to check: the exact bytes it covers and the 64-byte signature. */
export interface SignatureCheck {
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
}

/** Ed25519 checks of many messages under one public key, answered together. */
export interface SignatureChecks {
  /** Whether each signature verifies, in the order of `checks`. */
  verifyAll(publicKey: Uint8Array, checks: readonly SignatureCheck[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/** Checks on the calling thread, with the given suite. */
export function inlineSignatureChecks(crypto: CryptoSuite): SignatureChecks {
  return {
    verifyAll: async (publicKey, checks) => checks.map((c) => crypto.ed25519.verify(publicKey, c.message, c.signature)),
    close: async () => undefined,
  };
}

/**
 * Below this many checks a batch is checked on the calling thread: the hop to the worker and back
 * (two messages, about a tenth of a millisecond) would add to the latency of the small batches
 * of a quiet link and free almost nothing.
 */
export const OFFLOAD_FROM = 16;

/**
 * The worker's whole program. It runs node:crypto's Ed25519 verification, as the node suite does
 * (a key that is not a curve point verifies nothing), and loads nothing else: a worker that
 * imported the node layer would spend a third of a second of CPU starting. Kept as source text so
 * that it runs the same from the compiled build and from the sources under test.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI_PREFIX = Buffer.from('${SPKI_PREFIX.toString('hex')}', 'hex');
let keyBytes = null;
let key = null;
parentPort.on('message', ({ id, publicKey, data, ends, signatures }) => {
  const ok = new Uint8Array(ends.length);
  try {
    if (keyBytes === null || Buffer.compare(keyBytes, publicKey) !== 0) {
      key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      keyBytes = Buffer.from(publicKey);
    }
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      try {
        ok[i] = verify(null, data.subarray(start, ends[i]), key, signatures.subarray(64 * i, 64 * i + 64)) ? 1 : 0;
      } catch {
        ok[i] = 0;
      }
      start = ends[i];
    }
  } catch {
    keyBytes = null;
  }
  parentPort.postMessage({ id, ok }, [ok.buffer]);
});
`;

interface Job {
  resolve(ok: Uint8Array): void;
  reject(error: Error): void;
}

/**
 * Signature checks in a worker thread, so that a node taking in a large batch (a flood, or the
 * backlog after an outage) verifies it beside its event loop rather than on it: the loop goes on
 * storing the batch before, answering clients and folding the record meanwhile. Small batches
 * are checked inline. A worker that fails is replaced, and its pending checks run inline: a
 * batch is never refused because the worker went away.
 */
export class SignatureWorker implements SignatureChecks {
  private current: { readonly worker: Worker; readonly jobs: Map<number, Job> } | null = null;
  private nextId = 0;
  private closed = false;
  private readonly inline: SignatureChecks;
  /** Checks answered by the worker and on the calling thread: for tests and diagnostics. */
  readonly counts = { inWorker: 0, inline: 0 };

  constructor(crypto: CryptoSuite) {
    this.inline = inlineSignatureChecks(crypto);
  }

  async verifyAll(publicKey: Uint8Array, checks: readonly SignatureCheck[]): Promise<boolean[]> {
    if (checks.length < OFFLOAD_FROM || this.closed || publicKey.length !== 32) return this.checkInline(publicKey, checks);
    let ok: Uint8Array;
    try {
      ok = await this.inWorker(publicKey, checks);
    } catch {
      return this.checkInline(publicKey, checks);
    }
    this.counts.inWorker += checks.length;
    // A signature that is not 64 bytes never verifies (the worker was sent 64 zero bytes for it).
    return checks.map((c, i) => ok[i] === 1 && c.signature.length === 64);
  }

  /** Ends the worker now, as a crash would: what it had under way is checked inline. */
  crashForTest(): Promise<number> | undefined {
    return this.current?.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = null;
    await current?.worker.terminate();
  }

  private checkInline(publicKey: Uint8Array, checks: readonly SignatureCheck[]): Promise<boolean[]> {
    this.counts.inline += checks.length;
    return this.inline.verifyAll(publicKey, checks);
  }

  private inWorker(publicKey: Uint8Array, checks: readonly SignatureCheck[]): Promise<Uint8Array> {
    let length = 0;
    for (const c of checks) length += c.message.length;
    const data = new Uint8Array(length);
    const ends = new Uint32Array(checks.length);
    const signatures = new Uint8Array(64 * checks.length);
    let at = 0;
    checks.forEach((c, i) => {
      data.set(c.message, at);
      ends[i] = at += c.message.length;
      if (c.signature.length === 64) signatures.set(c.signature, 64 * i);
    });
    const { worker, jobs } = this.running();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A worker with checks under way keeps the process alive; an idle one does not.
      if (jobs.size === 0) worker.ref();
      jobs.set(id, { resolve, reject });
      worker.postMessage({ id, publicKey: Uint8Array.from(publicKey), data, ends, signatures }, [data.buffer, ends.buffer, signatures.buffer]);
    });
  }

  private running(): { readonly worker: Worker; readonly jobs: Map<number, Job> } {
    if (this.current) return this.current;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const jobs = new Map<number, Job>();
    worker.on('message', ({ id, ok }: { id: number; ok: Uint8Array }) => {
      const job = jobs.get(id);
      jobs.delete(id);
      if (jobs.size === 0) worker.unref();
      job?.resolve(ok);
    });
    const failed = (error: Error): void => {
      if (this.current?.worker === worker) this.current = null;
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`The signature worker stopped (exit code ${code}).`)));
    this.current = { worker, jobs };
    return this.current;
  }
}
