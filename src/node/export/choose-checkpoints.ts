import { ParleyError } from '../../core/index.js';
import type { CheckpointRecord, CheckpointStore, LogStore } from '../../store/index.js';
import type { LinkLog, NodeLink } from './node-link.js';

/** What choosing checkpoints reads: logs, events and checkpoints, nothing else. */
export type ExportReader = Pick<LogStore, 'getLog' | 'readEvents'> & Pick<CheckpointStore, 'getCheckpoint' | 'latestCheckpoint'>;

/** A checkpoint chosen for a bundle: the stored signed note with the other side's cosignature line appended. */
export interface ChosenCheckpoint {
  readonly size: number;
  readonly note: string;
  /** How many events the store holds for the log (the bundle stops at `size`). */
  readonly storedSize: number;
}

export interface ChosenPair {
  readonly own: ChosenCheckpoint;
  readonly peer: ChosenCheckpoint;
}

/**
 * A log's checkpoints that carry the other side's cosignature, newest first, at most as large as
 * the events stored (a checkpoint ahead of our copy of the log cannot be exported yet).
 *
 * The store answers checkpoints by size only, so this probes sizes downwards from the newest
 * checkpoint. That is a handful of lookups in practice (the peer cosigns nearly every checkpoint
 * it sees); a store query listing cosigned checkpoints would make the worst case cheap too.
 */
class CosignedCheckpoints {
  private next: number;
  private found = 0;

  private constructor(private readonly reader: ExportReader, private readonly log: LinkLog, private readonly latest: CheckpointRecord | undefined, readonly storedSize: number) {
    this.next = latest ? Math.min(latest.size, storedSize) : -1;
  }

  static async open(reader: ExportReader, log: LinkLog): Promise<CosignedCheckpoints> {
    const stored = await reader.getLog(log.origin);
    if (!stored) return new CosignedCheckpoints(reader, log, undefined, 0);
    return new CosignedCheckpoints(reader, log, await reader.latestCheckpoint(log.origin), stored.size);
  }

  /** The next older cosigned checkpoint, or null when there is none. */
  async take(): Promise<ChosenCheckpoint | null> {
    for (; this.next >= 0; this.next--) {
      const size = this.next;
      const checkpoint = this.latest?.size === size ? this.latest : await this.reader.getCheckpoint(this.log.origin, size);
      const cosignature = checkpoint?.cosignatures.find((c) => c.witness === this.log.witnessName);
      if (checkpoint && cosignature) {
        this.next = size - 1;
        this.found++;
        return { size, note: withSignatureLine(checkpoint.note, cosignature.line), storedSize: this.storedSize };
      }
    }
    return null;
  }

  /** How many cosigned checkpoints were taken so far. */
  get taken(): number {
    return this.found;
  }
}

/** Appends a signature line to a signed note, unless the note already carries it. */
function withSignatureLine(note: string, line: string): string {
  const full = line.endsWith('\n') ? line : `${line}\n`;
  return note.endsWith(full) || note.includes(`\n${full}`) ? note : note + full;
}

const PAGE = 256;

/**
 * The seq of the peer event that the first `size` events of a log refer to last, or -1 if they
 * refer to none. References only move forward along a log, so the newest one bounds them all;
 * events may carry no reference, so this reads backwards until it meets one.
 */
async function lastReference(reader: ExportReader, origin: string, size: number): Promise<number> {
  for (let end = size; end > 0; ) {
    const from = Math.max(0, end - PAGE);
    const events = await reader.readEvents(origin, from, end - from);
    for (let i = events.length - 1; i >= 0; i--) {
      const ref = events[i]!.peer;
      if (ref) return ref.seq;
    }
    end = from;
  }
  return -1;
}

/**
 * Chooses the newest pair of cosigned checkpoints, one per log, whose prefixes refer only inside
 * each other: every reference of the own prefix names a peer event below the peer checkpoint, and
 * the other way round. If two pairs both qualify, so does their componentwise maximum (references
 * are monotonic), so there is one newest pair; walking each log down while its newest reference
 * falls outside the other's candidate finds it.
 */
export async function chooseCheckpoints(reader: ExportReader, link: NodeLink): Promise<ChosenPair> {
  const ownCandidates = await CosignedCheckpoints.open(reader, link.own);
  const peerCandidates = await CosignedCheckpoints.open(reader, link.peerLog);
  let own = await ownCandidates.take();
  let peer = await peerCandidates.take();
  while (own && peer) {
    if ((await lastReference(reader, link.own.origin, own.size)) >= peer.size) {
      own = await ownCandidates.take();
    } else if ((await lastReference(reader, link.peerLog.origin, peer.size)) >= own.size) {
      peer = await peerCandidates.take();
    } else {
      return { own, peer };
    }
  }
  throw nothingCosigned(link, ownCandidates.taken, peerCandidates.taken);
}

function nothingCosigned(link: NodeLink, ownSeen: number, peerSeen: number): ParleyError {
  const details = { peer: link.peer, log: ownSeen === 0 ? link.own.origin : link.peerLog.origin };
  if (ownSeen === 0) {
    return new ParleyError('E_EXPORT_NOTHING_COSIGNED', `No checkpoint of our log ${link.own.origin} carries ${link.own.witnessName}'s cosignature yet, so no bundle of the link with ${link.peer} can be verified.`, details);
  }
  if (peerSeen === 0) {
    return new ParleyError('E_EXPORT_NOTHING_COSIGNED', `This node has not cosigned any stored checkpoint of ${link.peerLog.origin} yet, so no bundle of the link with ${link.peer} can be verified.`, details);
  }
  return new ParleyError('E_EXPORT_NOTHING_COSIGNED', `No cosigned checkpoint of ${link.own.origin} and cosigned checkpoint of ${link.peerLog.origin} refer only to each other's events; wait for newer cosignatures on both logs.`, { peer: link.peer });
}
