import { Command } from 'commander';
import { ParleyError, isParleyError, parseVerifierKey } from '../../core/index.js';
import { loadNodeConfig, nodeCrypto, saveNodeConfig } from '../../node/index.js';
import { EXIT, type CommandResult } from './exit-codes.js';

/**
 * Pins a peer: its address and the witness key its administrators gave out of band. Keys are
 * never trusted on first use, and a pinned key is never replaced silently.
 */
export async function addPeer(configPath: string, url: string, witnessKey: string, now = new Date()): Promise<{ name: string; added: boolean }> {
  const config = await loadNodeConfig(configPath);
  const key = parseVerifierKey(nodeCrypto, witnessKey);
  if (key.type !== 'cosignature/v1' || !key.name.endsWith('/witness')) {
    throw new ParleyError('E_KEY_INVALID', `Pin the peer's witness key (HOST/witness, type cosignature/v1); ${key.name} is a ${key.type} key.`);
  }
  const host = key.name.slice(0, -'/witness'.length);
  const name = host.split('.')[0]!;
  const existing = config.peers.find((p) => p.name === name);
  if (existing) {
    if (existing.witnessKey === key.text && existing.url === url) return { name, added: false };
    throw new ParleyError('E_PEER_ALREADY_PINNED', `Peer ${name} is already pinned with ${existing.witnessKey === key.text ? 'another address' : 'another key'}.`);
  }
  if (name === config.name) throw new ParleyError('E_KEY_INVALID', 'That is this node\'s own key, not a peer\'s.');
  await saveNodeConfig(configPath, { ...config, peers: [...config.peers, { name, url, witnessKey: key.text, addedAt: now.toISOString() }] });
  return { name, added: true };
}

export function peerCommand(done: (result: CommandResult) => void): Command {
  const peer = new Command('peer').description("Manage this node's pinned peers.");
  peer
    .command('add')
    .description("Pin a peer node: its URL and the witness key its administrators gave you out of band.")
    .argument('<url>', "the peer node's address, e.g. https://beijing.example:8402")
    .argument('<verifier-key>', "the peer's witness key, HOST/witness+keyid+base64")
    .requiredOption('--config <file>', "this node's configuration file")
    .action(async (url: string, verifierKey: string, opts: { config: string }) => {
      try {
        const { name, added } = await addPeer(opts.config, url, verifierKey);
        process.stdout.write(added ? `Pinned peer ${name} at ${url}.\n` : `Peer ${name} was already pinned with this key and address; nothing changed.\n`);
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley peer add: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        done(err.code === 'E_PEER_ALREADY_PINNED' ? EXIT.invalid : EXIT.usage);
      }
    });
  return peer;
}
