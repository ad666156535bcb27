import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { ParleyError } from '../../core/index.js';

/**
 * The operator token: a secret in the node's data folder (mode 0600) that lets the node's own
 * administrators and tools use its API until user sign-in exists. Created on first start,
 * never logged, never sent to the peer.
 */
export async function loadOrCreateOperatorToken(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  try {
    await writeFile(path, token + '\n', { mode: 0o600, flag: 'wx' });
    return token;
  } catch (error) {
    // Another process of this node created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(path, 'utf8')).trim();
    throw error;
  }
}

/** Checks `Authorization: Bearer …` in constant time. */
export function checkOperator(authorization: string | undefined, token: string): void {
  const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ParleyError('E_UNAUTHORIZED', 'This endpoint needs the node\'s operator token as "Authorization: Bearer TOKEN" (see operator.token in the data folder).');
  }
}
