import { createHash } from 'node:crypto';
import { equalBytes, ParleyError } from '../../core/index.js';
import type { CheckpointRecord, CheckpointStore, EquivocationEvidence, StoredEvidence } from '../checkpoint-store.js';
import type { Selectable } from 'kysely';
import type { CheckpointsTable, EquivocationsTable } from './database.js';
import { dateOf, millis, plainBytes } from './rows.js';
import { refusing, type SqlContext } from './sql-context.js';

export function sqlCheckpointStore(ctx: SqlContext): CheckpointStore {
  const { db } = ctx;

  async function withCosignatures(origin: string, row: CheckpointsTable | undefined): Promise<CheckpointRecord | undefined> {
    if (!row) return undefined;
    const cosignatures = await db
      .selectFrom('cosignatures')
      .select(['witness', 'line', 'cosigned_at'])
      .where('log_id', '=', row.log_id)
      .where('size', '=', row.size)
      .orderBy('witness')
      .execute();
    return {
      origin,
      size: row.size,
      root: plainBytes(row.root),
      note: row.note,
      createdAt: dateOf(row.created_at),
      cosignatures: cosignatures.map((c) => ({ witness: c.witness, line: c.line, cosignedAt: dateOf(c.cosigned_at) })),
    };
  }

  async function getCheckpoint(origin: string, size: number): Promise<CheckpointRecord | undefined> {
    const logId = await ctx.logId(origin);
    const row = await db.selectFrom('checkpoints').selectAll().where('log_id', '=', logId).where('size', '=', size).executeTakeFirst();
    return withCosignatures(origin, row);
  }

  return {
    getCheckpoint,

    async putCheckpoint(origin, checkpoint) {
      const logId = await ctx.logId(origin);
      const { size, root, note, createdAt } = checkpoint;
      // Insert-or-nothing, then compare: two processes storing checkpoints of one size cannot both win.
      const inserted = await db
        .insertInto('checkpoints')
        .values({ log_id: logId, size, root, note, created_at: millis(createdAt) })
        .onConflict((oc) => oc.columns(['log_id', 'size']).doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows && inserted.numInsertedOrUpdatedRows > 0n) return { kind: 'stored' };
      const existing = (await getCheckpoint(origin, size))!;
      return equalBytes(existing.root, root) ? { kind: 'duplicate' } : { kind: 'equivocation', existing };
    },

    async addCosignature(origin, size, { witness, line, cosignedAt }) {
      const logId = await ctx.logId(origin);
      await refusing(
        ctx,
        () =>
          db
            .insertInto('cosignatures')
            .values({ log_id: logId, size, witness, line, cosigned_at: millis(cosignedAt) })
            .onConflict((oc) => oc.columns(['log_id', 'size', 'witness']).doNothing())
            .execute(),
        { foreignKey: () => new ParleyError('E_CHECKPOINT_UNKNOWN', `Log "${origin}" has no checkpoint of size ${size}.`, { origin, size }) },
      );
    },

    async latestCheckpoint(origin) {
      const logId = await ctx.logId(origin);
      const row = await db.selectFrom('checkpoints').selectAll().where('log_id', '=', logId).orderBy('size', 'desc').limit(1).executeTakeFirst();
      return withCosignatures(origin, row);
    },

    async recordEquivocation(evidence) {
      const logId = await ctx.logId(evidence.origin);
      const digest = pairDigest(evidence.first, evidence.second);
      await db
        .insertInto('equivocations')
        .values({
          log_id: logId,
          kind: evidence.kind,
          position: evidence.position,
          first: evidence.first,
          second: evidence.second,
          digest,
          recorded_at: millis(evidence.recordedAt),
        })
        .onConflict((oc) => oc.columns(['log_id', 'kind', 'position', 'digest']).doNothing())
        .execute();
      const row = await db
        .selectFrom('equivocations')
        .selectAll()
        .where('log_id', '=', logId)
        .where('kind', '=', evidence.kind)
        .where('position', '=', evidence.position)
        .where('digest', '=', digest)
        .executeTakeFirstOrThrow();
      return evidenceFromRow(evidence.origin, row);
    },

    async listEquivocations(origin) {
      let query = db.selectFrom('equivocations').innerJoin('logs', 'logs.id', 'equivocations.log_id').selectAll('equivocations').select('logs.origin');
      if (origin !== undefined) query = query.where('logs.origin', '=', origin);
      const rows = await query.orderBy('equivocations.id').execute();
      return rows.map((row) => evidenceFromRow(row.origin, row));
    },
  };
}

/** The same two statements in either order give one digest: evidence is recorded once. */
function pairDigest(a: Uint8Array, b: Uint8Array): Uint8Array {
  const [low, high] = Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(low.length));
  return createHash('sha256').update(length).update(low).update(high).digest();
}

function evidenceFromRow(origin: string, row: Selectable<EquivocationsTable>): StoredEvidence {
  const evidence: EquivocationEvidence = {
    origin,
    kind: row.kind,
    position: row.position,
    first: plainBytes(row.first),
    second: plainBytes(row.second),
    recordedAt: dateOf(row.recorded_at),
  };
  return { id: row.id, ...evidence };
}
