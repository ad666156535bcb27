import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_FORMAT, ParleyError, type BundleLog, type BundleManifest } from '../../core/index.js';
import type { ExportReader, ChosenCheckpoint, ChosenPair } from './choose-checkpoints.js';
import type { LinkLog, NodeLink } from './node-link.js';

/** One log as it went into a bundle. */
export interface ExportedLog {
  readonly origin: string;
  readonly role: 'own' | 'peer';
  /** Events in the bundle: exactly the events its checkpoint covers. */
  readonly size: number;
  /** Events the store held; newer ones wait for a newer cosigned checkpoint. */
  readonly storedSize: number;
}

const NEWLINE = Buffer.from('\n');

/** Writes and fsyncs a file whose content is produced in chunks, so a log of any length streams through flat memory. */
async function writeDurably(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const file = await open(path, 'wx');
  try {
    for await (const chunk of chunks) await file.write(chunk);
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * The first `size` stored events of a log, one per line, each exactly the bytes the store holds:
 * those bytes were signed and hashed, so re-serializing them could only break the record.
 */
async function* eventLines(reader: ExportReader, origin: string, size: number, pageSize: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; seq < size; ) {
    const events = await reader.readEvents(origin, seq, Math.min(pageSize, size - seq));
    if (events.length === 0 || events[0]!.seq !== seq) {
      throw new ParleyError('E_LOG_TRUNCATED', `The store holds no event ${seq} of ${origin}, although its checkpoint covers ${size} events.`, { log: origin, seq });
    }
    const parts: Uint8Array[] = [];
    for (const event of events) parts.push(event.bytes, NEWLINE);
    seq += events.length;
    yield Buffer.concat(parts);
  }
}

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

/**
 * Writes the bundle of one link into `dir` (docs/bundle.md): our own log first, then our copy of
 * the peer's, each cut at its chosen checkpoint; the manifest last, so a folder without one was
 * never finished.
 */
export async function writeLinkBundle(reader: ExportReader, dir: string, link: NodeLink, chosen: ChosenPair, created: Date, pageSize: number): Promise<ExportedLog[]> {
  await mkdir(join(dir, 'logs'), { recursive: true });
  const parts: [LinkLog, ChosenCheckpoint][] = [[link.own, chosen.own], [link.peerLog, chosen.peer]];
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, created: created.toISOString(), logs: [] };
  for (const [i, [log, checkpoint]] of parts.entries()) {
    const entry: BundleLog = {
      origin: log.origin, ...(log.side ? { side: log.side } : {}), log_key: log.logKey, witness_key: log.witnessKey,
      peer: log.peerOrigin, size: checkpoint.size, events: `logs/${i}.events`, checkpoint: `logs/${i}.checkpoint`,
    };
    await writeDurably(join(dir, entry.events), eventLines(reader, log.origin, checkpoint.size, pageSize));
    await writeDurably(join(dir, entry.checkpoint), once(checkpoint.note));
    manifest.logs.push(entry);
  }
  await writeDurably(join(dir, 'manifest.json'), once(JSON.stringify(manifest, null, 2) + '\n'));
  return parts.map(([log, checkpoint]) => ({ origin: log.origin, role: log.role, size: checkpoint.size, storedSize: checkpoint.storedSize }));
}
