import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fromBase64, noteVerifierKey, ParleyError, toBase64, type Signer } from '../../core/index.js';
import { nodeCrypto } from '../crypto/index.js';

/** The node's secret: one Ed25519 seed for its logs and events, one for its witness cosignatures (C2SP: one key per signature type). */
export interface NodeKeys {
  readonly log: Signer;
  readonly witness: Signer;
}

interface KeyFile {
  readonly format: 'parley-node-keys/v1';
  readonly log: string;
  readonly witness: string;
}

/** Creates the key file with mode 0600; refuses to overwrite one (losing a key loses the node's identity). */
export async function createKeyFile(path: string): Promise<NodeKeys> {
  const file: KeyFile = { format: 'parley-node-keys/v1', log: toBase64(randomBytes(32)), witness: toBase64(randomBytes(32)) };
  try {
    await writeFile(path, JSON.stringify(file) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ParleyError('E_NODE_EXISTS', `A key file already exists at ${path}; Parley never overwrites a node's keys.`);
    }
    throw err;
  }
  return signersOf(file);
}

export async function loadKeyFile(path: string): Promise<NodeKeys> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ParleyError('E_CONFIG_INVALID', `The node's key file ${path} is missing.`);
  }
  if ((info.mode & 0o077) !== 0) {
    throw new ParleyError('E_KEY_FILE_EXPOSED', `The key file ${path} can be read by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it.`);
  }
  let file: KeyFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
    if (file.format !== 'parley-node-keys/v1') throw new Error();
    return signersOf(file);
  } catch (err) {
    if (err instanceof ParleyError) throw err;
    throw new ParleyError('E_CONFIG_INVALID', `The key file ${path} is not a Parley node key file.`);
  }
}

function signersOf(file: KeyFile): NodeKeys {
  return { log: nodeCrypto.ed25519Signer(fromBase64(file.log, 32)), witness: nodeCrypto.ed25519Signer(fromBase64(file.witness, 32)) };
}

/** The verifier keys a node shows its peer's administrator, to be compared out of band and pinned. */
export function publicKeysOf(host: string, keys: NodeKeys): { witnessKey: string; logKey: string; logKeyFor(peer: string): string } {
  return {
    witnessKey: noteVerifierKey(nodeCrypto, `${host}/witness`, 'cosignature/v1', keys.witness.publicKey),
    // Named by the host alone: the peer pins one text, whichever of our logs it later verifies.
    logKey: noteVerifierKey(nodeCrypto, host, 'ed25519', keys.log.publicKey),
    logKeyFor: (peer) => noteVerifierKey(nodeCrypto, `${host}/${peer}`, 'ed25519', keys.log.publicKey),
  };
}
