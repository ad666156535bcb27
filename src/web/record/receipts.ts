import type { RecordEvent } from '../api/types.js';

/** The kind of a node's signed delivery receipt for the peer's events (docs/protocol.md, receipts). */
export const RECEIPT_KIND = 'link.receipt';

/** The last seq of the other log a receipt covers: its body's `upTo`, else the event's own peer reference. */
export function receiptUpTo(receipt: RecordEvent): number {
  const upTo = receipt.body.upTo;
  return typeof upTo === 'number' ? upTo : (receipt.peer?.seq ?? -1);
}

/**
 * For each event of one log, the first receipt in the other log that covers it. Receipts are not
 * receipted themselves (two nodes would answer each other forever), so they get none.
 */
export function receiptsByEvent(events: readonly RecordEvent[], otherLog: readonly RecordEvent[]): Map<number, RecordEvent> {
  const receipts = otherLog.filter((e) => e.kind === RECEIPT_KIND).sort((a, b) => a.seq - b.seq);
  const found = new Map<number, RecordEvent>();
  let next = 0;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.kind === RECEIPT_KIND) continue;
    while (next < receipts.length && receiptUpTo(receipts[next]!) < event.seq) next++;
    if (next < receipts.length) found.set(event.seq, receipts[next]!);
  }
  return found;
}
