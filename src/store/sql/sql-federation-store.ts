import { ParleyError, type JsonObject } from '../../core/index.js';
import type { FederationStore, Incident, NewPeer, PinnedPeer } from '../federation-store.js';
import type { Selectable } from 'kysely';
import type { IncidentsTable, PeersTable } from './database.js';
import { dateOf, maybeDate, millis } from './rows.js';
import type { SqlContext } from './sql-context.js';

export function sqlFederationStore({ db, dialect }: SqlContext): FederationStore {
  const peer = (name: string) => db.selectFrom('peers').selectAll().where('name', '=', name).executeTakeFirst();
  const incident = (id: number) => db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  const closeIncident = async (id: number, closedAt: Date): Promise<Incident | undefined> => {
    await db.updateTable('incidents').set({ closed_at: millis(closedAt) }).where('id', '=', id).where('closed_at', 'is', null).execute();
    const row = await incident(id);
    return row && incidentFromRow(row);
  };

  return {
    async pinPeer(wanted) {
      await db
        .insertInto('peers')
        .values({
          name: wanted.name,
          url: wanted.url,
          log_key: wanted.logKey,
          witness_key: wanted.witnessKey,
          added_at: millis(wanted.addedAt),
          trust: 'trusted',
          trust_reason: null,
          trust_changed_at: null,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const pinned = peerFromRow((await peer(wanted.name))!);
      if (!samePeer(pinned, wanted)) {
        throw new ParleyError('E_PEER_ALREADY_PINNED', `Peer "${wanted.name}" is pinned with other keys or another address.`, { name: wanted.name });
      }
      return pinned;
    },

    getPeer: async (name) => {
      const row = await peer(name);
      return row && peerFromRow(row);
    },

    listPeers: async () => (await db.selectFrom('peers').selectAll().orderBy('name').execute()).map(peerFromRow),

    async setPeerTrust(name, trust, reason, at) {
      const result = await db
        .updateTable('peers')
        .set({ trust, trust_reason: reason, trust_changed_at: millis(at) })
        .where('name', '=', name)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new ParleyError('E_PEER_NOT_PINNED', `No peer "${name}" is pinned.`, { name });
      return peerFromRow((await peer(name))!);
    },

    async lastAckedSeq(name) {
      const row = await db.selectFrom('outbox_cursors').select('last_acked_seq').where('peer', '=', name).executeTakeFirst();
      return row?.last_acked_seq ?? null;
    },

    async rememberNonce(name, nonce, expiresAt) {
      // The primary key decides: of two processes inserting one nonce, exactly one inserts a row.
      // Not flushed to disk before the answer: a nonce lost to a power cut lets one exchange be
      // repeated, and repeating an exchange changes nothing (events, receipts and cosignatures
      // are all stored idempotently), whereas a flush here would slow every exchange.
      const result = await dialect.lazyCommit((trx) =>
        trx
          .insertInto('seen_nonces')
          .values({ peer: name, nonce, expires_at: millis(expiresAt) })
          .onConflict((oc) => oc.columns(['peer', 'nonce']).doNothing())
          .executeTakeFirst(),
      );
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async forgetExpiredNonces(now) {
      const result = await db.deleteFrom('seen_nonces').where('expires_at', '<=', millis(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async openIncident(wanted) {
      // No conflict target: the partial unique index on open incidents is what may conflict.
      await db
        .insertInto('incidents')
        .values({
          kind: wanted.kind,
          subject: wanted.subject,
          opened_at: millis(wanted.openedAt),
          closed_at: null,
          details: JSON.stringify(wanted.details),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const open = await db
        .selectFrom('incidents')
        .selectAll()
        .where('kind', '=', wanted.kind)
        .where('subject', '=', wanted.subject)
        .where('closed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return incidentFromRow(open);
    },

    async closeOpenIncident(kind, subject, closedAt) {
      const open = await db.selectFrom('incidents').select('id').where('kind', '=', kind).where('subject', '=', subject).where('closed_at', 'is', null).executeTakeFirst();
      return open && closeIncident(open.id, closedAt);
    },

    closeIncident,

    async listIncidents(filter = {}) {
      let query = db.selectFrom('incidents').selectAll().orderBy('id');
      if (filter.open === true) query = query.where('closed_at', 'is', null);
      if (filter.open === false) query = query.where('closed_at', 'is not', null);
      return (await query.execute()).map(incidentFromRow);
    },
  };
}

function samePeer(pinned: NewPeer, wanted: NewPeer): boolean {
  return pinned.url === wanted.url && pinned.logKey === wanted.logKey && pinned.witnessKey === wanted.witnessKey;
}

function peerFromRow(row: PeersTable): PinnedPeer {
  return {
    name: row.name,
    url: row.url,
    logKey: row.log_key,
    witnessKey: row.witness_key,
    addedAt: dateOf(row.added_at),
    trust: row.trust,
    trustReason: row.trust_reason,
    trustChangedAt: maybeDate(row.trust_changed_at),
  };
}

function incidentFromRow(row: Selectable<IncidentsTable>): Incident {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    openedAt: dateOf(row.opened_at),
    closedAt: maybeDate(row.closed_at),
    details: JSON.parse(row.details) as JsonObject,
  };
}
