import { fromHex, toHex } from '../../core/index.js';
import type { EventRecord, LogRecord } from '../log-store.js';
import type { EventsTable, LogsTable } from './database.js';

/*
 * Conversions between records and rows, in one place so both dialects read alike: dates are
 * epoch milliseconds, byte columns come back as Buffers and leave as plain Uint8Arrays.
 */

export const millis = (date: Date): number => date.getTime();
export const dateOf = (ms: number): Date => new Date(ms);
export const maybeDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** A view on the same memory, typed as what the interface promises (a Buffer compares unequal to a Uint8Array in tests). */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function logFromRow(row: Pick<LogsTable, 'origin' | 'role' | 'peer' | 'size' | 'created_at'>): LogRecord {
  return { origin: row.origin, role: row.role, peer: row.peer, size: row.size, createdAt: dateOf(row.created_at) };
}

export function eventRow(logId: number, event: EventRecord): EventsTable {
  return {
    log_id: logId,
    seq: event.seq,
    hash: event.hash,
    leaf_hash: event.leafHash,
    bytes: event.bytes,
    ts: event.ts,
    kind: event.kind,
    actor: event.actor,
    peer_log: event.peer?.log ?? null,
    peer_seq: event.peer?.seq ?? null,
    peer_hash: event.peer ? fromHex(event.peer.hash, 32) : null,
  };
}

/** The columns of an event row, in the order a batch insert binds them. */
export const EVENT_ROW_COLUMNS = ['log_id', 'seq', 'hash', 'leaf_hash', 'bytes', 'ts', 'kind', 'actor', 'peer_log', 'peer_seq', 'peer_hash'] as const;

export function eventFromRow(row: EventsTable): EventRecord {
  const peer =
    row.peer_log === null || row.peer_seq === null || row.peer_hash === null
      ? null
      : { log: row.peer_log, seq: row.peer_seq, hash: toHex(row.peer_hash) };
  return {
    seq: row.seq,
    bytes: plainBytes(row.bytes),
    hash: plainBytes(row.hash),
    leafHash: plainBytes(row.leaf_hash),
    ts: row.ts,
    kind: row.kind,
    actor: row.actor,
    peer,
  };
}

/** Splits a batch so that no statement binds more than `maxParameters`. */
export function* chunks<T>(items: readonly T[], columns: number, maxParameters: number): Generator<T[]> {
  const rows = Math.max(1, Math.floor(maxParameters / columns));
  for (let start = 0; start < items.length; start += rows) yield items.slice(start, start + rows);
}
