import { ParleyError } from '../../core/index.js';
import type { EventRecord, LogStore, NewLog } from '../log-store.js';
import { appendOwnEvents, appendPeerEvents } from './event-append.js';
import { chunks, eventFromRow, logFromRow, millis, plainBytes } from './rows.js';
import type { SqlContext } from './sql-context.js';

export function sqlLogStore(ctx: SqlContext): LogStore {
  const { db } = ctx;
  const logs = () => db.selectFrom('logs').select(['origin', 'role', 'peer', 'size', 'created_at']);

  return {
    async createLog(log: NewLog) {
      await db
        .insertInto('logs')
        .values({ origin: log.origin, role: log.role, peer: log.peer, size: 0, created_at: millis(log.createdAt) })
        .onConflict((oc) => oc.column('origin').doNothing())
        .execute();
      const stored = logFromRow(await logs().where('origin', '=', log.origin).executeTakeFirstOrThrow());
      if (stored.role !== log.role || stored.peer !== log.peer) {
        throw new ParleyError('E_LOG_CONFLICT', `Log "${log.origin}" exists as a ${stored.role} log of peer ${stored.peer ?? '(none)'}.`, {
          origin: log.origin,
        });
      }
      return stored;
    },

    async getLog(origin) {
      const row = await logs().where('origin', '=', origin).executeTakeFirst();
      return row && logFromRow(row);
    },

    async listLogs(filter = {}) {
      let query = logs().orderBy('id');
      if (filter.role) query = query.where('role', '=', filter.role);
      if (filter.peer) query = query.where('peer', '=', filter.peer);
      return (await query.execute()).map(logFromRow);
    },

    appendOwnEvents: (origin, events, effects) => appendOwnEvents(ctx, origin, events, effects),
    appendPeerEvents: (origin, events, effects) => appendPeerEvents(ctx, origin, events, effects),

    async readEvents(origin, fromSeq, limit) {
      const logId = await ctx.logId(origin);
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('log_id', '=', logId)
        .where('seq', '>=', fromSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(eventFromRow);
    },

    async logSize(origin) {
      const logId = await ctx.logId(origin);
      const row = await db.selectFrom('logs').select('size').where('id', '=', logId).executeTakeFirstOrThrow();
      return row.size;
    },

    async latestEvent(origin) {
      const logId = await ctx.logId(origin);
      const row = await db.selectFrom('events').selectAll().where('log_id', '=', logId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row && eventFromRow(row);
    },

    async latestEventOfKind(origin, kind) {
      const logId = await ctx.logId(origin);
      const row = await db
        .selectFrom('events')
        .selectAll()
        .where('log_id', '=', logId)
        .where('kind', '=', kind)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && eventFromRow(row);
    },

    async readEventsAt(origin, seqs) {
      const logId = await ctx.logId(origin);
      const found = new Map<number, EventRecord>();
      for (const chunk of chunks([...new Set(seqs)], 1, ctx.dialect.maxParameters - 1)) {
        const rows = await db.selectFrom('events').selectAll().where('log_id', '=', logId).where('seq', 'in', chunk).execute();
        for (const row of rows) found.set(row.seq, eventFromRow(row));
      }
      return seqs.map((seq) => found.get(seq));
    },

    async readMerkleHashes(origin, indexes) {
      const logId = await ctx.logId(origin);
      const found = new Map<number, Uint8Array>();
      // One query for any proof; only a request beyond the parameter limit takes more.
      for (const chunk of chunks([...new Set(indexes)], 1, ctx.dialect.maxParameters - 1)) {
        const rows = await db.selectFrom('merkle_hashes').select(['idx', 'hash']).where('log_id', '=', logId).where('idx', 'in', chunk).execute();
        for (const row of rows) found.set(row.idx, plainBytes(row.hash));
      }
      return indexes.map((idx) => {
        const hash = found.get(idx);
        if (!hash) throw new ParleyError('E_MERKLE_HASH_MISSING', `Log "${origin}" has no Merkle hash at index ${idx}.`, { origin, idx });
        return hash;
      });
    },
  };
}
