import { afterEach, describe, expect, it } from 'vitest';
import { NodeProcess } from '../testing/node-process.js';
import { writePair } from '../testing/node-pair.js';

afterEach(() => NodeProcess.killAll());

describe('parley node stops on SIGTERM', () => {
  it('exits 0 promptly after link traffic, with nothing left running', async () => {
    const setup = await writePair();
    const us = await NodeProcess.start(setup.us);
    const cn = await NodeProcess.start(setup.cn);
    for (let i = 0; i < 20; i++) {
      const reply = await us.api('POST', '/v1/links/beijing/events', { kind: 'message.sent', actor: 'us/duty-officer', body: { n: i } });
      expect(reply.status).toBe(201);
    }
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { json } = await us.api('GET', '/v1/links/beijing');
      if ((json as { own: { backlog: number } }).own.backlog === 0) break;
      if (Date.now() > deadline) throw new Error('the link never drained');
      await new Promise((r) => setTimeout(r, 100));
    }
    const started = Date.now();
    const codes = await Promise.race([
      Promise.all([us.stop(), cn.stop()]),
      new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000)),
    ]);
    expect(codes).toEqual([0, 0]);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
