import { equalBytes, ParleyError } from '../../core/index.js';
import type { Transaction } from 'kysely';
import type { AppendEffects, MerkleHash, OutboxAck } from '../log-store.js';
import type { Database } from './database.js';
import { chunks } from './rows.js';
import { refusing, type SqlContext } from './sql-context.js';

type Tx = Transaction<Database>;

/** What a batch of events carries along into its transaction. */
export async function writeEffects(ctx: SqlContext, tx: Tx, logId: number, effects: AppendEffects): Promise<void> {
  await insertMerkleHashes(ctx, tx, logId, effects.merkleHashes);
  if (effects.outboxAck) await advanceOutbox(tx, effects.outboxAck);
}

/**
 * A hash already stored with the same value is skipped (a repeated peer delivery recomputes
 * them); another value at a stored index is refused: one of the two was computed over other events.
 */
async function insertMerkleHashes(ctx: SqlContext, tx: Tx, logId: number, hashes: readonly MerkleHash[]): Promise<void> {
  if (hashes.length === 0) return;
  let low = Infinity;
  let high = -Infinity;
  for (const { idx } of hashes) [low, high] = [Math.min(low, idx), Math.max(high, idx)];
  const stored = await tx
    .selectFrom('merkle_hashes')
    .select(['idx', 'hash'])
    .where('log_id', '=', logId)
    .where('idx', '>=', low)
    .where('idx', '<=', high)
    .execute();
  const storedAt = new Map(stored.map((row) => [row.idx, row.hash]));
  const fresh = hashes.filter(({ idx, hash }) => {
    const existing = storedAt.get(idx);
    if (existing && !equalBytes(existing, hash)) throw conflict(idx);
    return !existing;
  });
  const insert = ctx.inserts.merkleHashes;
  for (const chunk of chunks(fresh, insert.width, ctx.dialect.maxParameters)) {
    await refusing(ctx, () => insert.run(tx, chunk.map(({ idx, hash }) => ({ log_id: logId, idx, hash }))), {
      unique: () => conflict(chunk[0]!.idx),
    });
  }
}

function conflict(idx: number): ParleyError {
  return new ParleyError('E_MERKLE_HASH_CONFLICT', `A different Merkle hash is stored at index ${idx}.`, { idx });
}

/** The cursor only moves forward: a late or repeated receipt never rewinds it. */
async function advanceOutbox(tx: Tx, ack: OutboxAck): Promise<void> {
  await tx
    .insertInto('outbox_cursors')
    .values({ peer: ack.peer, last_acked_seq: ack.seq })
    .onConflict((oc) =>
      oc
        .column('peer')
        .doUpdateSet((eb) => ({ last_acked_seq: eb.ref('excluded.last_acked_seq') }))
        .where((eb) => eb('outbox_cursors.last_acked_seq', '<', eb.ref('excluded.last_acked_seq'))),
    )
    .execute();
}
