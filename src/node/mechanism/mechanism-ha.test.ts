import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParleyNode } from '../server/index.js';
import { eventually, startNode, TEST_TIMING, writePair } from '../testing/node-pair.js';
import { apiOf, FakeClock } from './testing/mechanism-pair.js';
import { dtlProposal } from './testing/mechanism-steps.js';

/**
 * High availability: two Washington processes behind one address share one PostgreSQL. Each
 * folds the link from the store when told of a change, so a step taken through one process is
 * in the other's answers at once; only the process that sends acts for the node.
 */
const PG_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await postgresProblem();
if (problem && process.env.CI !== 'true') console.warn(`Skipping the mechanism HA test: PostgreSQL is unreachable at PARLEY_TEST_PG_URL (${problem}).`);
const schemas: string[] = [];
const running: ParleyNode[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((node) => node.stop()));
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect().then(async () => {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  }).finally(() => client.end());
});

describe.skipIf(problem !== null && process.env.CI !== 'true')('the mechanism on two processes of one side (PostgreSQL)', () => {
  it('shows a step taken through one process in the other at once, and receipts once', async () => {
    const setup = await writePair({ storage: (name) => {
      const schema = `parley_mech_${name}_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      return { dialect: 'postgres', url: PG_URL, schema };
    } });
    const clock = new FakeClock();
    const options = { ...TEST_TIMING, clock, mechanismCheckMs: 3_600_000 };
    const usA = await startNode(setup.us, options);
    const usB = await startNode(setup.us, { ...options, port: 0 });
    const cn = await startNode(setup.cn, options);
    running.push(usA, usB, cn);
    const [a, b, beijing] = [apiOf(usA, 'beijing'), apiOf(usB, 'beijing'), apiOf(cn, 'washington')];
    await eventually(async () => (await beijing.get('/channels')).status === 200 && (await cn.links.get('washington')!.link.peerIdentity()), 10_000, 'the link');
    await eventually(async () => usA.links.get('beijing')!.link.peerIdentity(), 10_000, 'Beijing known');

    await a.act('/channels', dtlProposal());
    await eventually(async () => (await b.get('/channels')).body.length === 1, 5_000, 'process B folds what A recorded');
    await eventually(async () => (await beijing.get('/channels')).body.length === 1, 10_000, 'Beijing has the proposal');
    await beijing.act('/channels/dtl/agree', { actor: 'beijing/policy' });
    await eventually(async () => (await a.get('/channels')).body[0]?.status === 'active' && (await b.get('/channels')).body[0]?.status === 'active', 10_000, 'both processes');

    await beijing.act('/messages', { actor: 'beijing/duty-officer', message: 'm-1', channel: 'dtl', precedence: 'FLASH', content: { kind: 'text', lang: 'zh', text: '请确认。' } });
    await eventually(async () => (await beijing.get('/messages/m-1')).body.status === 'delivered', 10_000, 'the receipt');
    const [fromA, fromB] = await Promise.all([a.get('/messages'), b.get('/messages')]);
    expect(fromA.body).toEqual(fromB.body);
    // Two processes watched, one acted: exactly one receipt is on the record.
    const own = await usA.store.readEvents(usA.links.get('beijing')!.link.ownOrigin, 0, 1000);
    expect(own.filter((e) => e.kind === 'message.delivered')).toHaveLength(1);
    expect((await b.get('/conflicts')).body).toEqual([]);
  }, 60_000);
});
