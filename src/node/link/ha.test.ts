import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// The storage suite's PostgreSQL places (a fresh schema per test) and its CI rule: never skip under CI=true.
// eslint-disable-next-line no-restricted-imports
import { runsHere, TestStores } from '../../store/testing/test-stores.js';
import type { NodeConfig } from '../config/index.js';
import type { ParleyNode } from '../server/index.js';
import { CuttableProxy } from '../testing/cuttable-proxy.js';
import { LiveClient } from '../testing/live-client.js';
import { countersOf, readLog, repeated } from '../testing/log-contents.js';
import { eventually, freePort, startNode, writePair, type NodeSetup } from '../testing/node-pair.js';

const postgres = new TestStores('postgres');
const running: ParleyNode[] = [];
const proxies: CuttableProxy[] = [];
const clients: LiveClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(running.splice(0).map((n) => n.stop()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await postgres.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second process of the same node: the same keys and database, its own folder and port. */
async function secondProcess(first: NodeSetup): Promise<NodeSetup> {
  const dir = `${first.dir}-2`;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await copyFile(join(first.dir, 'node.key'), join(dir, 'node.key'));
  await chmod(join(dir, 'node.key'), 0o600);
  const config = JSON.parse(await readFile(first.configPath, 'utf8')) as NodeConfig;
  const port = await freePort();
  const configPath = join(dir, 'parley.json');
  await writeFile(configPath, JSON.stringify({ ...config, listen: { ...config.listen, port } }, null, 2));
  return { ...first, dir, port, configPath };
}

async function post(node: ParleyNode, n: number): Promise<number> {
  const response = await fetch(`${node.url}/v1/links/beijing/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${node.operatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'message.sent', actor: 'us/duty-officer', body: { precedence: 'ROUTINE', n } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { seq: number }).seq;
}

const sending = (node: ParleyNode): boolean => node.links.get('beijing')!.sender.status().sending;

describe.runIf(await runsHere('postgres'))('two processes of Washington on one PostgreSQL database', () => {
  it(
    'both serve clients, exactly one sends, live updates cross processes, and when the sender stops the other carries on: everything reaches Beijing once, in order',
    { timeout: 90_000 },
    async () => {
      // Beijing reaches Washington at one address in front of both processes, as behind a load balancer.
      const toWashington = await CuttableProxy.start();
      proxies.push(toWashington);
      const place = await postgres.newPlace();
      const setup = await writePair({
        storage: (name) => (name === 'washington' ? (place as NodeConfig['storage']) : { dialect: 'sqlite', path: 'parley.db' }),
        peerUrl: (to) => (to.name === 'washington' ? toWashington.url : `http://127.0.0.1:${to.port}`),
      });
      const other = await secondProcess(setup.us);
      toWashington.retarget([setup.us.port, other.port]);
      const first = await startNode(setup.us);
      running.push(first);
      const second = await startNode(other);
      running.push(second);
      const cn = await startNode(setup.cn);
      running.push(cn);
      const ownOrigin = first.links.get('beijing')!.link.ownOrigin;

      // Exactly one of the two sends, the other stands by; both say so through the API.
      await eventually(async () => sending(first) !== sending(second), 10_000, 'one sender');
      for (let i = 0; i < 20; i++) {
        expect(sending(first) && sending(second)).toBe(false);
        await sleep(25);
      }
      const views = await Promise.all(
        [first, second].map(async (node) => {
          const response = await fetch(`${node.url}/v1/links`, { headers: { authorization: `Bearer ${node.operatorToken}` } });
          return ((await response.json()) as { sending: boolean; state: string }[])[0]!;
        }),
      );
      expect(views.map((v) => v.sending).sort()).toEqual([false, true]);
      expect(views.find((v) => !v.sending)!.state).toBe('standby');

      // A client of the second process hears of an event recorded through the first (LISTEN/NOTIFY).
      const live = await LiveClient.connect(`${second.url}/v1/live?token=${second.operatorToken}`);
      clients.push(live);
      await eventually(async () => live.messages.some((m) => (m as { type: string }).type === 'hello'), 10_000, 'hello');
      const seq = await post(first, 0);
      await eventually(async () => live.messages.some((m) => {
        const message = m as { type: string; origin?: string; size?: number };
        return message.type === 'record' && message.origin === ownOrigin && (message.size ?? 0) > seq;
      }), 10_000, 'a live update on the second process');

      // Clients of both processes record; each client's events keep their order in the log.
      const counters = { next: 1 };
      const client = async (node: ParleyNode, count: number): Promise<number[]> => {
        const seqs = [];
        for (let i = 0; i < count; i++) seqs.push(await post(node, counters.next++));
        return seqs;
      };
      const [viaFirst, viaSecond] = await Promise.all([client(first, 100), client(second, 100)]);
      for (const seqs of [viaFirst, viaSecond]) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

      // The sender stops; the other process takes over and carries on.
      const [leader, survivor] = sending(first) ? [first, second] : [second, first];
      const tail = client(survivor, 100);
      await leader.stop();
      running.splice(running.indexOf(leader), 1);
      await eventually(async () => sending(survivor), 10_000, 'the other process to take over sending');
      await tail;

      const cnLink = cn.links.get('washington')!.link;
      await eventually(async () => (await cn.store.logSize(cnLink.peerOrigin)) === (await survivor.store.logSize(ownOrigin)), 30_000, 'everything at Beijing');
      const sent = await readLog(survivor.store, ownOrigin);
      const received = await readLog(cn.store, cnLink.peerOrigin);
      expect(received.map((e) => e.text)).toEqual(sent.map((e) => e.text));
      const recorded = countersOf(received);
      expect(repeated(recorded)).toEqual([]);
      expect([...recorded].sort((a, b) => a - b)).toEqual([...Array(301).keys()]);
    },
  );
});
