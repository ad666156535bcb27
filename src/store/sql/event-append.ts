import { equalBytes, isParleyError, ParleyError } from '../../core/index.js';
import type { AppendEffects, Appended, EventRecord, PeerAppendEffects, PeerAppendResult } from '../log-store.js';
import type { Transaction } from 'kysely';
import type { Database } from './database.js';
import { writeEffects } from './append-effects.js';
import { chunks, eventFromRow, eventRow } from './rows.js';
import { refusing, type SqlContext } from './sql-context.js';

type Tx = Transaction<Database>;

/** Attempts at a peer append that lost a race with another process storing the same events. */
const PEER_APPEND_ATTEMPTS = 3;

export async function appendOwnEvents(ctx: SqlContext, origin: string, events: readonly EventRecord[], effects: AppendEffects): Promise<Appended> {
  checkConsecutive(events);
  const logId = await ctx.logId(origin);
  return ctx.db.transaction().execute((tx) => appendOwnIn(ctx, tx, logId, origin, events, effects));
}

async function appendOwnIn(ctx: SqlContext, tx: Tx, logId: number, origin: string, events: readonly EventRecord[], effects: AppendEffects): Promise<Appended> {
  const first = events[0]?.seq;
  let size: number;
  if (first === undefined) {
    size = await readSize(tx, logId);
  } else {
    size = first + events.length;
    if (!(await advanceSize(tx, logId, first, size))) throw await seqRefusal(tx, logId, origin, first);
    await insertEvents(ctx, tx, logId, origin, events);
  }
  await writeEffects(ctx, tx, logId, effects);
  return { kind: 'appended', added: events.length, size };
}

export async function appendPeerEvents(ctx: SqlContext, origin: string, events: readonly EventRecord[], effects: PeerAppendEffects): Promise<PeerAppendResult> {
  checkConsecutive(events);
  const { own, ...peerEffects } = effects;
  if (own) checkConsecutive(own.events);
  const logId = await ctx.logId(origin);
  const ownLogId = own ? await ctx.logId(own.origin) : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (tx) => {
        const stored = await appendPeerOnce(ctx, tx, logId, origin, events, peerEffects);
        if (stored.kind !== 'appended' || !own || ownLogId === undefined) return stored;
        if (stored.size !== own.expects.size || stored.added !== own.expects.added) return stored;
        return { ...stored, own: await appendOwnIn(ctx, tx, ownLogId, own.origin, own.events, { merkleHashes: own.merkleHashes }) };
      });
    } catch (error) {
      // Another process stored (some of) these events first: re-read, and they become duplicates.
      // A seq of our own log taken by another process is the caller's to handle: it signs anew.
      const peerRace = isParleyError(error, 'E_EVENT_SEQ_TAKEN') && error.details.origin === origin;
      if (attempt < PEER_APPEND_ATTEMPTS && peerRace) continue;
      throw error;
    }
  }
}

async function appendPeerOnce(ctx: SqlContext, tx: Tx, logId: number, origin: string, events: readonly EventRecord[], effects: AppendEffects): Promise<PeerAppendResult> {
  const size = await readSize(tx, logId);
  const first = events[0]?.seq ?? size;
  if (first > size) throw gap(origin, first, size);
  const known = events.filter((event) => event.seq < size);
  // Compare before writing anything: on equivocation the transaction has nothing to undo.
  const equivocation = await findEquivocation(tx, logId, known);
  if (equivocation) return equivocation;
  const fresh = events.slice(known.length);
  if (fresh.length > 0) {
    if (!(await advanceSize(tx, logId, size, size + fresh.length))) throw await seqRefusal(tx, logId, origin, size);
    await insertEvents(ctx, tx, logId, origin, fresh);
  }
  await writeEffects(ctx, tx, logId, effects);
  return { kind: 'appended', added: fresh.length, size: size + fresh.length };
}

async function findEquivocation(tx: Tx, logId: number, known: readonly EventRecord[]): Promise<PeerAppendResult | undefined> {
  const first = known[0];
  if (!first) return undefined;
  const stored = await tx
    .selectFrom('events')
    .select(['seq', 'hash'])
    .where('log_id', '=', logId)
    .where('seq', '>=', first.seq)
    .where('seq', '<', first.seq + known.length)
    .orderBy('seq')
    .execute();
  if (stored.length !== known.length) throw new Error('The events table lacks rows that the log\'s size counts: the database was altered outside the store.');
  const differing = known.find((event, i) => !equalBytes(stored[i]!.hash, event.hash));
  if (!differing) return undefined;
  const row = await tx.selectFrom('events').selectAll().where('log_id', '=', logId).where('seq', '=', differing.seq).executeTakeFirstOrThrow();
  return { kind: 'equivocation', seq: differing.seq, stored: eventFromRow(row), received: differing };
}

/**
 * Moves the log's size from `from` to `to` only if it still is `from`. In PostgreSQL the update
 * locks the row, so a concurrent append waits and then finds the size moved: appends to one log
 * are serialized without a table lock, and the (log, seq) primary key backs this up.
 */
async function advanceSize(tx: Tx, logId: number, from: number, to: number): Promise<boolean> {
  const result = await tx.updateTable('logs').set({ size: to }).where('id', '=', logId).where('size', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function readSize(tx: Tx, logId: number): Promise<number> {
  const row = await tx.selectFrom('logs').select('size').where('id', '=', logId).executeTakeFirstOrThrow();
  return row.size;
}

async function insertEvents(ctx: SqlContext, tx: Tx, logId: number, origin: string, events: readonly EventRecord[]): Promise<void> {
  const insert = ctx.inserts.events;
  for (const chunk of chunks(events, insert.width, ctx.dialect.maxParameters)) {
    await refusing(ctx, () => insert.run(tx, chunk.map((event) => eventRow(logId, event))), {
      unique: () => new ParleyError('E_EVENT_SEQ_TAKEN', `Log "${origin}" already holds an event at seq ${chunk[0]!.seq}.`, { origin }),
    });
  }
}

async function seqRefusal(tx: Tx, logId: number, origin: string, first: number): Promise<ParleyError> {
  const size = await readSize(tx, logId);
  if (first > size) return gap(origin, first, size);
  return new ParleyError('E_EVENT_SEQ_TAKEN', `Log "${origin}" already holds seq ${first}; its next seq is ${size}.`, { origin, seq: first, size });
}

function gap(origin: string, first: number, size: number): ParleyError {
  return new ParleyError('E_EVENT_SEQ_GAP', `Log "${origin}" has ${size} events; seq ${first} would leave a gap.`, { origin, seq: first, size });
}

function checkConsecutive(events: readonly EventRecord[]): void {
  events.forEach((event, i) => {
    const expected = events[0]!.seq + i;
    if (event.seq !== expected) {
      throw new ParleyError('E_EVENT_OUT_OF_ORDER', `A batch must hold consecutive seqs: found ${event.seq} where ${expected} belongs.`, { seq: event.seq, expected });
    }
  });
}
