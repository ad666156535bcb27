import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_FORMAT, RootAccumulator, canonicalJson, cosignNote, formatCheckpoint, leafHash, noteVerifierKey, signEvent, signNote, toHex,
  type BundleManifest, type CryptoSuite, type EncodedEvent, type PeerRef, type Signer,
} from '../../core/index.js';
import { nodeCrypto } from '../../node/index.js';
import { seededRandom, syntheticBody } from './synthetic-record.js';

export interface SideKeys {
  readonly origin: string;
  readonly witnessName: string;
  readonly log: Signer;
  readonly witness: Signer;
}

const seedOf = (crypto: CryptoSuite, label: string): Uint8Array => crypto.sha256(new TextEncoder().encode(`parley-bench/${label}`));

function sideKeys(crypto: CryptoSuite, host: string, peerHost: string): SideKeys {
  return {
    origin: `${host}.parley.example/${peerHost}`,
    witnessName: `${host}.parley.example/witness`,
    log: crypto.ed25519Signer(seedOf(crypto, `${host}/log`)),
    witness: crypto.ed25519Signer(seedOf(crypto, `${host}/witness`)),
  };
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** The two sides' deterministic keys (Washington first): the bench's bundles are signed with these. */
export const benchSides = (crypto: CryptoSuite = nodeCrypto): readonly [SideKeys, SideKeys] =>
  [sideKeys(crypto, 'washington', 'beijing'), sideKeys(crypto, 'beijing', 'washington')] as const;

export interface GeneratedBundle {
  readonly dir: string;
  readonly events: number;
  readonly bytes: number;
  /** A sample of (public key, signed message, signature) for measuring the raw verification rate. */
  readonly sample: { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array }[];
}

/**
 * Writes a deterministic two-log bundle of `total` events: Washington's and Beijing's logs
 * interleaved in time, bodies of 300–2,000 bytes, a reference to the peer's latest event on
 * about one event in three, and both checkpoints signed by their log and cosigned by the peer.
 */
export async function generateBundle(dir: string, total: number, crypto: CryptoSuite = nodeCrypto, sampleSize = 4000): Promise<GeneratedBundle> {
  const random = seededRandom(total);
  const sides = benchSides(crypto);
  await mkdir(join(dir, 'logs'), { recursive: true });
  const files = sides.map((_, i) => createWriteStream(join(dir, 'logs', `${i}.events`)));
  const logs = sides.map(() => ({ size: 0, last: null as EncodedEvent | null, tree: new RootAccumulator(crypto), pending: '' }));
  const sample: GeneratedBundle['sample'] = [];
  let bytes = 0;
  const start = Date.UTC(2024, 0, 1);
  for (let n = 0; n < total; n++) {
    const s = random() < 0.5 ? 0 : 1;
    const log = logs[s]!;
    const peer = logs[1 - s]!;
    const peerRef: PeerRef | null = peer.last && random() < 1 / 3 ? { log: sides[1 - s]!.origin, seq: peer.size - 1, hash: toHex(peer.last.hash) } : null;
    const { kind, actor, body } = syntheticBody(random, n);
    const event = signEvent(crypto, sides[s]!.log, {
      v: 1, log: sides[s]!.origin, seq: log.size, prev: log.last ? toHex(log.last.hash) : null, peer: peerRef,
      ts: new Date(start + n * 1500).toISOString(), kind, actor, body,
    });
    if (sample.length < sampleSize) {
      const { sig, ...unsigned } = event.event;
      sample.push({ publicKey: sides[s]!.log.publicKey, message: new TextEncoder().encode(`parley/event/v1\n${canonicalJson(unsigned)}`), signature: Buffer.from(sig, 'base64') });
    }
    log.tree.append(leafHash(crypto, event.bytes));
    log.size++;
    log.last = event;
    log.pending += event.text + '\n';
    bytes += event.bytes.length + 1;
    if (log.pending.length > 1 << 20) {
      await write(files[s]!, log.pending);
      log.pending = '';
    }
  }
  for (const [i, file] of files.entries()) {
    await write(file, logs[i]!.pending);
    await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  // Both checkpoints are cosigned at one fixed time, so the bundle is the same on every run.
  const cosignedAt = 1735689600;
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, created: new Date(cosignedAt * 1000).toISOString(), logs: [] };
  for (const [i, side] of sides.entries()) {
    const peer = sides[1 - i]!;
    const body = formatCheckpoint({ origin: side.origin, size: logs[i]!.size, rootHash: logs[i]!.tree.root() });
    const signed = signNote(crypto, body, [{ name: side.origin, signer: side.log }]);
    const note = cosignNote(crypto, signed, { name: peer.witnessName, signer: peer.witness }, cosignedAt);
    await writeFile(join(dir, 'logs', `${i}.checkpoint`), note);
    manifest.logs.push({
      origin: side.origin, side: i === 0 ? 'US' : 'CN',
      log_key: noteVerifierKey(crypto, side.origin, 'ed25519', side.log.publicKey),
      witness_key: noteVerifierKey(crypto, peer.witnessName, 'cosignature/v1', peer.witness.publicKey),
      peer: peer.origin, size: logs[i]!.size, events: `logs/${i}.events`, checkpoint: `logs/${i}.checkpoint`,
    });
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, events: total, bytes, sample };
}
