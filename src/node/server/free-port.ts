import { createServer } from 'node:net';

/**
 * A port on `host` that was free a moment ago, chosen by the operating system (listen on 0).
 * For setups that pick a port once and keep it in a configuration, and for tests that must not
 * depend on a fixed port.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port: 0 }, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
