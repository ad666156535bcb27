import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  ParleyError, RootAccumulator, isParleyError, openBundleCheckpoint, parseManifest, toBase64, verifyRecord,
  type BundleManifest, type CryptoSuite, type LogToVerify,
} from '../../core/index.js';
import { nodeCrypto } from '../../node/index.js';
import { BatchedEventSource } from './batched-source.js';
import { lineRanges } from './line-ranges.js';
import { nodeLinePrimitives } from './node-line-primitives.js';
import { nodeMerkleHasher } from './node-sha256.js';
import { WorkerPool, inlineChecker, type BatchChecker } from './worker-pool.js';

export interface VerifyOptions {
  /** Worker threads; 0 checks on the calling thread. Default: one per core. */
  readonly threads?: number;
  /** Verifier keys the reader trusts; when given, every key in the bundle must be one of them. */
  readonly pinnedKeys?: readonly string[];
  readonly crypto?: CryptoSuite;
  readonly onProgress?: (done: number, total: number) => void;
  /** Bytes of an events file each thread reads and checks at a time; tests make it small to cut many ranges. */
  readonly rangeBytes?: number;
}

export interface VerifyFailure {
  readonly code: ParleyError['code'];
  readonly message: string;
  readonly hint: string;
  readonly log: string | null;
  readonly seq: number | null;
  readonly line: number | null;
}

export interface VerifyReport {
  readonly valid: boolean;
  readonly format: string | null;
  readonly events: number;
  readonly seconds: number;
  readonly keys: 'pinned' | 'from-bundle';
  readonly logs: readonly { origin: string; size: number; checkpointSize: number; root: string; logKey: string; witnessKey: string }[];
  readonly failure: VerifyFailure | null;
}

function failureOf(err: ParleyError): VerifyFailure {
  const d = err.details;
  return {
    code: err.code, message: err.message, hint: err.hint,
    log: typeof d.log === 'string' ? d.log : null,
    seq: typeof d.seq === 'number' ? d.seq : null,
    line: typeof d.line === 'number' ? d.line : null,
  };
}

async function readManifest(dir: string): Promise<BundleManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', `${join(dir, 'manifest.json')} cannot be read.`);
  }
  try {
    return parseManifest(JSON.parse(text));
  } catch (err) {
    if (isParleyError(err)) throw err;
    throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', 'manifest.json is not valid JSON.');
  }
}

async function readBundleFile(dir: string, path: string, log: string): Promise<string> {
  try {
    return await readFile(join(dir, path), 'utf8');
  } catch {
    throw new ParleyError('E_BUNDLE_UNREADABLE', `${path} (log ${log}) cannot be read.`, { log });
  }
}

/**
 * `parley verify`: checks a transcript bundle offline. Checkpoints and cosignatures first (cheap,
 * and they pin what the events must add up to), then all events of all logs streamed through
 * worker threads, then each log's size and root against its checkpoint.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const crypto = options.crypto ?? nodeCrypto;
  const threads = options.threads ?? availableParallelism();
  let manifest: BundleManifest | null = null;
  let events = 0;
  let checker: BatchChecker | null = null;
  const logs: VerifyReport['logs'][number][] = [];
  const report = (failure: VerifyFailure | null): VerifyReport => ({
    valid: failure === null, format: manifest?.format ?? null, events, seconds: (performance.now() - started) / 1000,
    keys: options.pinnedKeys?.length ? 'pinned' : 'from-bundle', logs, failure,
  });
  try {
    manifest = await readManifest(dir);
    const pinned = options.pinnedKeys?.length ? new Set(options.pinnedKeys) : null;
    const total = manifest.logs.reduce((sum, l) => sum + l.size, 0);
    const toVerify: LogToVerify[] = [];
    // Without a suite of its own the inline checker uses the workers' primitives, so tests check what the workers run.
    checker = threads > 0 ? new WorkerPool(threads) : inlineChecker(crypto, options.crypto ? undefined : nodeLinePrimitives());
    for (const log of manifest.logs) {
      for (const key of [log.log_key, log.witness_key]) {
        if (pinned && !pinned.has(key)) {
          throw new ParleyError('E_BUNDLE_KEY_NOT_PINNED', `The bundle's key ${key} (for log ${log.origin}) is not among the keys you pinned.`, { log: log.origin });
        }
      }
      const note = await readBundleFile(dir, log.checkpoint, log.origin);
      const checkpoint = openBundleCheckpoint(crypto, note, log);
      let size: number;
      try {
        size = (await stat(join(dir, log.events))).size;
      } catch {
        throw new ParleyError('E_BUNDLE_UNREADABLE', `${log.events} (log ${log.origin}) cannot be read.`, { log: log.origin });
      }
      const ranges = lineRanges(join(dir, log.events), size, options.rangeBytes);
      const source = new BatchedEventSource(ranges, { log: log.origin, peer: log.peer, publicKey: checkpoint.publicKey }, checker, Math.max(2, threads * 2));
      toVerify.push({ origin: log.origin, peer: log.peer, checkpoint, source, tree: new RootAccumulator(options.crypto ?? nodeMerkleHasher) });
    }
    const verified = await verifyRecord(toVerify, () => {
      events++;
      if (options.onProgress && (events & 1023) === 0) options.onProgress(events, total);
    });
    options.onProgress?.(events, total);
    for (const [i, log] of manifest.logs.entries()) {
      const result = verified[i]!;
      if (result.size !== log.size) {
        throw new ParleyError('E_BUNDLE_SIZE_MISMATCH', `The manifest says log ${log.origin} has ${log.size} events; its file holds ${result.size}.`, { log: log.origin });
      }
      logs.push({ origin: log.origin, size: result.size, checkpointSize: result.checkpointSize, root: toBase64(result.root), logKey: log.log_key, witnessKey: log.witness_key });
    }
    return report(null);
  } catch (err) {
    if (!isParleyError(err)) throw err;
    return report(failureOf(err));
  } finally {
    await checker?.close();
  }
}
