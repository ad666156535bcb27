import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../index.js';
import { PG_URL, runsHere } from '../testing/test-stores.js';

async function asAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!(await runsHere('postgres')))('the search index on PostgreSQL', () => {
  it('refuses to open, with a code, where pg_trgm cannot be created, instead of searching without its index', async () => {
    const superuser = await asAdmin(PG_URL, async (c) => (await c.query('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true);
    if (!superuser) {
      console.warn(`Skipping the pg_trgm refusal test: the user of ${new URL(PG_URL).host} cannot create a role and a database for it.`);
      return;
    }
    // A fresh database without pg_trgm, and a user who owns its schema but may not create extensions.
    const name = `parley_noext_${randomBytes(4).toString('hex')}`;
    await asAdmin(PG_URL, (c) => c.query(`create role ${name} login`).then(() => c.query(`create database ${name}`)));
    const adminUrl = new URL(PG_URL);
    adminUrl.pathname = `/${name}`;
    try {
      await asAdmin(adminUrl.toString(), (c) => c.query(`create schema parley authorization ${name}`));
      const userUrl = new URL(adminUrl);
      userUrl.username = name;
      userUrl.password = '';
      await expect(openStore({ dialect: 'postgres', url: userUrl.toString(), schema: 'parley' })).rejects.toMatchObject({
        code: 'E_SEARCH_INDEX_UNAVAILABLE',
        message: expect.stringContaining('may not create it'),
      });
    } finally {
      await asAdmin(PG_URL, async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
        await c.query(`drop role if exists ${name}`);
      });
    }
  });
});
