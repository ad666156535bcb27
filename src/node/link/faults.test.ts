import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import type { ParleyNode } from '../server/index.js';
import type { CuttableProxy } from '../testing/cuttable-proxy.js';
import { countersOf, readLog, repeated } from '../testing/log-contents.js';
import { eventually, startNode, TEST_TIMING, type NodeSetup, type PairSetup } from '../testing/node-pair.js';
import { NodeProcess, runParley } from '../testing/node-process.js';
import { pairBehindProxies } from '../testing/proxied-pair.js';

const running: ParleyNode[] = [];
const proxies: CuttableProxy[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await NodeProcess.killAll();
  await Promise.all(running.splice(0).map((n) => n.stop()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** A pair whose nodes reach each other only through a proxy in each direction, which a test can cut. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

interface LinkView {
  state: string;
  own: { size: number; delivered: number; backlog: number };
  peerLog: { size: number };
}

describe('the link through a cut line', () => {
  it(
    'delivers 10,000 messages recorded around a 60-second cut: all of them, once each, in order, and reports the outage on both sides',
    { timeout: 150_000 },
    async () => {
      const { setup, toBeijing, toWashington } = await pairBehindProxies(proxies);
      // Degraded for 5 s before down, long enough to be seen between bursts of signing.
      const timing = { ...TEST_TIMING, linkTiming: { ...TEST_TIMING.linkTiming, downAfterMs: 5_000 } };
      const us = await startNode(setup.us, timing);
      const cn = await startNode(setup.cn, timing);
      running.push(us, cn);
      const usLink = us.links.get('beijing')!;
      const cnLink = cn.links.get('washington')!;
      const record = (from: number, to: number) =>
        Promise.all(range(from, to).map((n) => usLink.link.record('message.sent', 'us/duty-officer', { precedence: 'ROUTINE', n })));
      const linkView = async (): Promise<LinkView> => {
        const response = await fetch(`${us.url}/v1/links/beijing`, { headers: { authorization: `Bearer ${us.operatorToken}` } });
        return (await response.json()) as LinkView;
      };

      // Some before the cut, and the line cut while they are still on their way.
      await record(0, 1_000);
      await eventually(async () => (await cn.store.logSize(cnLink.link.peerOrigin)) > 0, 20_000, 'the first events at Beijing');
      // What each side's sender reports, from the moment of the cut on.
      const states = { us: new Set<string>(), cn: new Set<string>() };
      const watch = setInterval(() => {
        states.us.add(usLink.sender.status().state);
        states.cn.add(cnLink.sender.status().state);
      }, 50);
      toBeijing.sever();
      toWashington.sever();
      const cutAt = Date.now();
      // What Beijing holds once the exchanges that were on their way at the cut are done: a batch
      // that reached it just before the cut is still checked and stored after it.
      let heldAfterCut: number | undefined;

      // Most of them during the cut, in bursts, while both senders keep failing.
      try {
        for (let from = 1_000; from < 10_000; from += 500) {
          await record(from, from + 500);
          await sleep(1_000);
          heldAfterCut ??= await cn.store.logSize(cnLink.link.peerOrigin);
        }
        await eventually(async () => usLink.sender.status().state === 'down' && cnLink.sender.status().state === 'down', 20_000, 'both sides to see the link down');
        const incidentsOf = async (node: ParleyNode, peer: string) => (await node.store.listIncidents({ open: true })).filter((i) => i.kind === 'link.down' && i.subject === peer);
        expect(await incidentsOf(us, 'beijing')).toHaveLength(1);
        expect(await incidentsOf(cn, 'washington')).toHaveLength(1);
        // The outage and the backlog are visible through the API while it lasts.
        const during = await linkView();
        expect(during.state).toBe('down');
        expect(during.own.backlog).toBeGreaterThanOrEqual(9_000);
        // Nothing crossed the cut line.
        expect(await cn.store.logSize(cnLink.link.peerOrigin)).toBe(heldAfterCut);
        await sleep(cutAt + 60_000 - Date.now());
      } finally {
        clearInterval(watch);
      }
      expect(states.us).toContain('degraded');
      expect(states.us).toContain('down');
      expect(states.cn).toContain('degraded');
      expect(states.cn).toContain('down');

      toBeijing.restore();
      toWashington.restore();
      const restoredAt = Date.now();
      const ownSize = await us.store.logSize(usLink.link.ownOrigin);
      await eventually(async () => (await cn.store.logSize(cnLink.link.peerOrigin)) >= ownSize, 45_000, 'the backlog to drain');
      const drainMs = Date.now() - restoredAt;

      const received = await readLog(cn.store, cnLink.link.peerOrigin);
      expect(received.map((e) => e.seq)).toEqual(range(0, received.length));
      const counters = countersOf(received);
      expect(repeated(counters)).toEqual([]);
      expect(counters).toEqual(range(0, 10_000));
      // Beijing's copy is Washington's log, byte for byte.
      const sent = await readLog(us.store, usLink.link.ownOrigin);
      expect(received.map((e) => e.text)).toEqual(sent.slice(0, received.length).map((e) => e.text));

      // The outbox cursor reaches the log's end, the link is up again and the incidents closed.
      await eventually(
        async () => (await us.store.lastAckedSeq('beijing')) === (await us.store.logSize(usLink.link.ownOrigin)) - 1 && usLink.sender.status().state === 'up' && cnLink.sender.status().state === 'up',
        20_000,
        'the outbox cursor at the end of the log and the link up',
      );
      expect((await linkView()).own.backlog).toBe(0);
      for (const [node, peer] of [[us, 'beijing'], [cn, 'washington']] as const) {
        const incidents = (await node.store.listIncidents({})).filter((i) => i.kind === 'link.down' && i.subject === peer);
        expect(incidents).toHaveLength(1);
        expect(incidents[0]!.closedAt).not.toBeNull();
      }
      console.info(`10,000 messages across a 60 s cut: backlog of ${ownSize - heldAfterCut!} drained in ${drainMs} ms.`);
    },
  );
});

interface Accepted {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Clients recording test messages on Washington through its API, each with a fresh counter `n`
 * in its body, until `target` of them were answered 201. A request that fails (the node was
 * killed, or is not back yet) is never retried with the same counter: whether it was recorded
 * is unknown, so it may be in the log once, or not at all, but never twice.
 */
class Recorder {
  readonly accepted = new Map<number, Accepted>();
  readonly attempted = new Set<number>();
  private next = 0;

  constructor(private readonly node: () => NodeProcess) {}

  async run(target: number, concurrency = 8): Promise<void> {
    const deadline = Date.now() + 90_000;
    const client = async (): Promise<void> => {
      while (this.accepted.size < target) {
        if (Date.now() > deadline) throw new Error(`Only ${this.accepted.size} of ${target} events were recorded within 90 s.`);
        const n = this.next++;
        this.attempted.add(n);
        try {
          const { status, json } = await this.node().api('POST', '/v1/links/beijing/events', { kind: 'message.sent', actor: 'us/duty-officer', body: { precedence: 'ROUTINE', n } });
          if (status === 201) this.accepted.set(n, json as Accepted);
          else await sleep(50);
        } catch {
          await sleep(50);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
  }
}

const linkOf = async (node: NodeProcess, peer: string): Promise<LinkView & { own: { cosigned: number | null }; peerLog: { cosigned: number | null } }> => {
  const { status, json } = await node.api('GET', `/v1/links/${peer}`);
  if (status !== 200) throw new Error(`GET /v1/links/${peer} answered ${status}: ${JSON.stringify(json)}`);
  return json as never;
};

/**
 * Waits until Beijing has taken in a first batch of Washington's backlog, then SIGKILLs `victim`
 * at once: the sender has the next batch in flight, the receiver is verifying or storing it.
 */
async function killMidBatch(cn: NodeProcess, victim: NodeProcess, from: number): Promise<{ heldByBeijing: number }> {
  for (const deadline = Date.now() + 45_000; ; ) {
    const held = (await linkOf(cn, 'washington')).peerLog.size;
    if (held > from) {
      await victim.kill();
      return { heldByBeijing: held };
    }
    if (Date.now() > deadline) throw new Error(`Beijing took in nothing of the backlog within 45 s (it holds ${held}).`);
    await sleep(5);
  }
}

/** What both stores hold once the nodes are stopped, read directly. */
async function storedLogs(setup: PairSetup) {
  const origin = 'washington.parley.example/beijing';
  const usStore = await openStore({ dialect: 'sqlite', path: join(setup.us.dir, 'parley.db') });
  const cnStore = await openStore({ dialect: 'sqlite', path: join(setup.cn.dir, 'parley.db') });
  stores.push(usStore, cnStore);
  return { sent: await readLog(usStore, origin), received: await readLog(cnStore, origin) };
}

/** `parley export` of Washington's link and `parley verify` of the bundle: signatures, chains, trees, cosignatures. */
async function exportAndVerify(setup: NodeSetup): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'parley-faults-')), 'bundle');
  const exported = await runParley(['export', '--config', setup.configPath, '--out', out]);
  expect(exported.err).toBe('');
  expect(exported.code).toBe(0);
  const verified = await runParley(['verify', out, '--threads', '1']);
  expect(verified.code, verified.out + verified.err).toBe(0);
  expect(verified.out).toMatch(/^VALID: 2 logs/);
  return exported.out;
}

/** Events recorded through Washington's API while the line is cut: the backlog a restored link drains in full batches, two on their way at a time (so five batches, to be killed in the middle of them). */
const BACKLOG = 2_500;
/** More recorded while the backlog drains, the victim is killed and comes back. */
const DURING = 200;

describe('kill -9 of a node process in the middle of the exchange', () => {
  for (const victim of ['sender', 'receiver'] as const) {
    it(
      victim === 'sender'
        ? 'kill -9 of the sender in the middle of a batch: every event answered 201 is in its log and reaches the receiver, once, in order; the chains verify'
        : 'kill -9 of the receiver in the middle of storing a batch: on restart nothing is lost and nothing is stored twice; the chains verify',
      { timeout: 150_000 },
      async () => {
        const { setup, toBeijing, toWashington } = await pairBehindProxies(proxies);
        let us = await NodeProcess.start(setup.us);
        let cn = await NodeProcess.start(setup.cn);
        await eventually(async () => (await linkOf(us, 'beijing')).state === 'up' && (await linkOf(cn, 'washington')).state === 'up', 30_000, 'the link up');

        // A backlog, so that batches are full when the line is back.
        toBeijing.sever();
        toWashington.sever();
        const recorder = new Recorder(() => us);
        await recorder.run(BACKLOG, 32);
        const from = (await linkOf(cn, 'washington')).peerLog.size;
        toBeijing.restore();
        toWashington.restore();
        const recording = recorder.run(BACKLOG + DURING, 8);
        const kill = await killMidBatch(cn, victim === 'sender' ? us : cn, from);
        if (victim === 'sender') us = await NodeProcess.start(setup.us);
        else cn = await NodeProcess.start(setup.cn);
        await recording;

        // Everything reaches Beijing, and each side cosigns the other's whole log.
        await eventually(
          async () => {
            const [ours, theirs] = await Promise.all([linkOf(us, 'beijing'), linkOf(cn, 'washington')]);
            return ours.own.backlog === 0 && theirs.peerLog.size === ours.own.size && ours.own.cosigned === ours.own.size && theirs.own.cosigned === theirs.own.size;
          },
          60_000,
          'delivery of the whole log, cosigned on both sides',
        );
        // Killed rather than stopped: what was committed is on disk either way, and a SIGTERM
        // after heavy link traffic can leave the process waiting on open keep-alive connections.
        await us.kill();
        await cn.kill();

        const { sent, received } = await storedLogs(setup);
        // Beijing's copy is Washington's log, byte for byte: nothing lost, nothing twice, in order.
        expect(received.map((e) => e.seq)).toEqual(range(0, sent.length));
        expect(received.map((e) => e.text)).toEqual(sent.map((e) => e.text));
        const counters = countersOf(sent);
        expect(repeated(counters)).toEqual([]);
        for (const n of counters) expect(recorder.attempted.has(n)).toBe(true);
        for (const [n, { seq, hash }] of recorder.accepted) {
          expect(sent[seq]?.body.n).toBe(n);
          expect(sent[seq]?.hash).toBe(hash);
        }
        // Killed mid-drain: Beijing held part of the backlog, not all of it.
        expect(kill.heldByBeijing).toBeGreaterThan(from);
        expect(kill.heldByBeijing).toBeLessThan(from + BACKLOG);
        // Washington never went away, so every request it was sent was answered 201.
        if (victim === 'receiver') expect(recorder.accepted.size).toBe(recorder.attempted.size);

        const exported = await exportAndVerify(setup.us);
        const size = sent.length.toLocaleString('en-US');
        expect(exported).toContain(`washington.parley.example/beijing ${size} events, checkpoint at ${size}, of ${size} stored`);
        console.info(`${victim} killed with Beijing holding ${kill.heldByBeijing} of ${from + BACKLOG}; ${recorder.accepted.size} recorded (201), ${recorder.attempted.size - recorder.accepted.size} unanswered, ${counters.length} in the log.`);
      },
    );
  }
});
