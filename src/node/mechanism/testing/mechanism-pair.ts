import type { Clock } from '../../server/clock.js';
import type { ParleyNode } from '../../server/index.js';
import { eventually, startNode, TEST_TIMING, writePair } from '../../testing/node-pair.js';

/** A clock both test nodes share, moved by the test: deadlines pass without sleeping, and the link's 5-minute skew check stays happy. */
export class FakeClock implements Clock {
  private ms: number;
  constructor(start = Date.now()) {
    this.ms = start;
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Reply {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
}

/** This side's API of one node on one link, as its users call it. */
export function apiOf(node: ParleyNode, peer: string) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(`${node.url}/v1/links/${peer}${path}`, {
      method,
      headers: { authorization: `Bearer ${node.operatorToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    /** Posts and expects the step to be recorded. */
    act: async (path: string, body: unknown): Promise<Reply> => {
      const reply = await call('POST', path, body);
      if (reply.status !== 201) throw new Error(`POST ${path} → ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply;
    },
  };
}

export type Api = ReturnType<typeof apiOf>;

/** Washington and Beijing on loopback with one shared fake clock, linked, each knowing the other's side. */
export async function startMechanismPair(clock = new FakeClock()) {
  const setup = await writePair();
  const options = { ...TEST_TIMING, clock, mechanismCheckMs: 3_600_000 };
  const us = await startNode(setup.us, options);
  const cn = await startNode(setup.cn, options);
  const pair = { clock, us, cn, usApi: apiOf(us, 'beijing'), cnApi: apiOf(cn, 'washington'), stop: () => Promise.all([us.stop(), cn.stop()]) };
  await eventually(async () => (await us.links.get('beijing')!.link.peerIdentity()) && (await cn.links.get('washington')!.link.peerIdentity()), 10_000, 'both identities');
  await eventually(async () => us.links.get('beijing')!.sender.status().sending && cn.links.get('washington')!.sender.status().sending, 10_000, 'both senders');
  return pair;
}

export type MechanismPair = Awaited<ReturnType<typeof startMechanismPair>>;

/**
 * Waits until both nodes answer `path` alike and `until` holds for the answer; returns it (the
 * US node's). `shared` picks what must agree, for answers that also carry a side's internal work.
 */
export async function sameOnBoth(pair: MechanismPair, path: string, until: (body: any) => boolean = () => true, shared: (body: any) => unknown = (body) => body): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let last = '';
  try {
    return await eventually(async () => {
      const [a, b] = await Promise.all([pair.usApi.get(path), pair.cnApi.get(path)]);
      last = `${JSON.stringify(a.body)}\n${JSON.stringify(b.body)}`;
      return JSON.stringify(shared(a.body)) === JSON.stringify(shared(b.body)) && until(a.body) ? a.body : undefined;
    }, 10_000, `the same ${path} on both nodes`);
  } catch (error) {
    throw new Error(`${(error as Error).message} Last answers:\n${last.slice(0, 3000)}`);
  }
}
