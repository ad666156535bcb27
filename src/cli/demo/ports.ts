import { createServer } from 'node:net';
import { ParleyError } from '../../core/index.js';

export function portInUse(port: number, what: string): ParleyError {
  return new ParleyError(
    'E_PORT_IN_USE',
    `Port ${port} (${what}) is already in use on 127.0.0.1. Stop the program that holds it (perhaps another \`parley demo\`; \`lsof -i :${port}\` names it), ` +
      'or start the demo over on other ports: parley demo --reset --us-port N --cn-port N (0 picks free ones).',
    { port },
  );
}

/** Whether the error is the operating system's "address in use" from a listen. */
export const isAddressInUse = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * Checks that `port` can be listened on, before anything is written or opened, so a taken port
 * is a clear refusal rather than a half-started demo. (The port can still be taken between this
 * check and the node's listen; that case is mapped to the same error where the node starts.)
 */
export function assertPortFree(host: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(isAddressInUse(error) ? portInUse(port, what) : error));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A port that was free a moment ago (`--us-port 0`): chosen once, at setup, and kept in the node's configuration. */
export { freePort } from '../../node/index.js';
