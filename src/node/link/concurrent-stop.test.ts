import { Agent, request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../crypto/index.js';
import type { ParleyNode } from '../server/index.js';
import { eventually, startPair } from '../testing/node-pair.js';
import { SYNC_PATH } from './http-link-transport.js';
import { signLinkRequest } from './link-auth.js';
import { decodeExchange, encodeExchange, EXCHANGE_MEDIA_TYPE, syncResponseHeaderSchema } from './link-protocol.js';

const running: ParleyNode[] = [];
const agents: Agent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

/** Whether anything still accepts TCP connections on the loopback port. */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const within = <T>(ms: number, work: Promise<T>): Promise<T | 'still running'> =>
  Promise.race([work, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms).unref())]);

describe('two linked nodes stopping at once', () => {
  it('answer the exchange in flight and stop promptly, though the peer would keep its connection open', async () => {
    const { us, cn, cnLink } = await startPair(running);
    // Beijing's exchange on a keep-alive connection, as its sender makes it; the body is held back
    // until Washington has begun to close its server, so the exchange is in flight while both stop.
    const body = encodeExchange({ events: [], have: await cn.store.logSize(cnLink.peerOrigin), checkpoint: null, cosignature: null });
    const signed = signLinkRequest(nodeCrypto, cn.keys.log, { method: 'POST', path: SYNC_PATH, from: cn.config.host, to: cnLink.peerHost, body, now: new Date() });
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    const exchange = request(new URL(SYNC_PATH, us.url), {
      method: 'POST',
      agent,
      // 100-continue: the answer to the headers says Washington has the request in hand.
      headers: { ...signed, 'content-type': EXCHANGE_MEDIA_TYPE, 'content-length': body.length, expect: '100-continue' },
    });
    const answered = new Promise<IncomingMessage>((resolve, reject) => exchange.once('response', resolve).once('error', reject));
    await new Promise((resolve) => exchange.once('continue', resolve));

    const stopped = Promise.all([us.stop(), cn.stop()]).then(() => 'stopped' as const);
    await eventually(async () => !(await accepting(Number(new URL(us.url).port))), 10_000, 'Washington to stop accepting connections');
    exchange.end(body);
    const response = await answered;
    const answer = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk)).once('end', () => resolve(Buffer.concat(chunks)));
    });
    // The exchange in flight is finished and answered (a graceful stop drains it)…
    expect(response.statusCode).toBe(200);
    expect(decodeExchange(answer, syncResponseHeaderSchema, 'answer').header.size).toBeGreaterThanOrEqual(0);
    // …and neither node then waits for the peer to let go of its connection.
    expect(await within(10_000, stopped)).toBe('stopped');
  });
});
