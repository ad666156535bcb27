import type pg from 'pg';
import { sql, type Kysely } from 'kysely';
import {
  checkChannel,
  checkLeadershipName,
  checkPayload,
  deliverSafely,
  type DialectCoordination,
  type Leadership,
  type Unlisten,
} from '../coordination.js';
import type { Database } from '../sql/database.js';
import { connectClient } from './postgres-connection.js';

/**
 * Leadership is a session-level advisory lock (`pg_try_advisory_lock`) held on a dedicated
 * connection, never a pooled one: the lock lives exactly as long as that connection, and
 * PostgreSQL drops it when the connection ends, including when the holding process dies.
 *
 * Advisory locks and channels are database-wide, so both are namespaced by the schema: two
 * deployments (or two test runs) in different schemas of one database never meet.
 */
export function postgresCoordination(url: string, schema: string, db: Kysely<Database>): DialectCoordination {
  const held = new Set<Leadership>();
  const listener = postgresListener(url, schema);
  const channelName = (channel: string) => `${schema}/${channel}`;

  async function tryAcquireLeadership(name: string): Promise<Leadership | null> {
    checkLeadershipName(name);
    const client = await connectClient(url, schema, `parley leader ${schema}/${name}`);
    const controller = new AbortController();
    const leadership: Leadership = {
      name,
      signal: controller.signal,
      async release() {
        if (controller.signal.aborted) return;
        lose();
        await client.end().catch(() => undefined);
      },
    };
    function lose() {
      held.delete(leadership);
      controller.abort();
    }
    // The connection died (server restart, network, backend terminated): leadership is gone.
    client.on('error', lose);
    client.on('end', lose);
    let granted = false;
    try {
      granted = await tryLock(client, `parley/${schema}/${name}`);
    } finally {
      if (!granted) await client.end().catch(() => undefined);
    }
    if (!granted) return null;
    held.add(leadership);
    return leadership;
  }

  return {
    tryAcquireLeadership,
    async listen(channel, onPayload): Promise<Unlisten> {
      checkChannel(channel);
      return listener.listen(channelName(channel), (payload) => deliverSafely(channel, onPayload, payload));
    },
    async notify(channel, payload) {
      checkChannel(channel);
      checkPayload(payload);
      await sql`select pg_notify(${channelName(channel)}, ${payload})`.execute(db);
    },
    async close() {
      for (const leadership of [...held]) await leadership.release();
      await listener.close();
    },
  };
}

async function tryLock(client: pg.Client, key: string): Promise<boolean> {
  // One 64-bit key from the full name, hashed by the server all contenders share.
  const { rows } = await client.query<{ granted: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as granted', [key]);
  return rows[0]?.granted === true;
}

const RECONNECT_DELAY_MS = 1000;

interface Channel {
  readonly callbacks: Set<(payload: string) => void>;
  /** Settles when LISTEN has run, so a listener is never told it listens before it does. */
  ready: Promise<unknown>;
}

/**
 * One dedicated connection per store carries every LISTEN: a LISTEN belongs to its session, and a pooled connection is not ours to keep.
 * If it dies, it is re-established with all channels; notifications sent in between are lost,
 * which is why notifications are hints and listeners re-read the store.
 */
function postgresListener(url: string, schema: string) {
  const channels = new Map<string, Channel>();
  let connection: Promise<pg.Client> | undefined;
  let closed = false;

  function connect(): Promise<pg.Client> {
    connection ??= (async () => {
      const client = await connectClient(url, schema, `parley listener ${schema}`);
      client.on('notification', ({ channel, payload }) => {
        for (const callback of channels.get(channel)?.callbacks ?? []) callback(payload ?? '');
      });
      client.on('error', () => reconnectLater());
      for (const name of channels.keys()) await client.query(`listen ${quote(name)}`);
      return client;
    })();
    connection.catch(() => reconnectLater());
    return connection;
  }

  function reconnectLater(): void {
    connection = undefined;
    if (closed || channels.size === 0) return;
    setTimeout(() => void connect().catch(() => undefined), RECONNECT_DELAY_MS).unref();
  }

  return {
    async listen(name: string, callback: (payload: string) => void): Promise<Unlisten> {
      let channel = channels.get(name);
      if (!channel) {
        const created: Channel = { callbacks: new Set(), ready: Promise.resolve() };
        channels.set(name, created);
        created.ready = connect().then((client) => client.query(`listen ${quote(name)}`));
        channel = created;
      }
      const subscribed = channel;
      subscribed.callbacks.add(callback);
      const unlisten = async () => {
        subscribed.callbacks.delete(callback);
        if (subscribed.callbacks.size > 0 || channels.get(name) !== subscribed) return;
        channels.delete(name);
        const client = await connection?.catch(() => undefined);
        await client?.query(`unlisten ${quote(name)}`).catch(() => undefined);
      };
      try {
        await subscribed.ready;
      } catch (error) {
        await unlisten();
        throw error;
      }
      return unlisten;
    },

    async close(): Promise<void> {
      closed = true;
      channels.clear();
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Channel names are checked by the caller; quoting keeps their case and punctuation. */
function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
