import { Command } from 'commander';
import { ParleyError, isParleyError, parseVerifierKey } from '../../core/index.js';
import { loadNodeConfig, nodeCrypto, openNode, restorePeerTrust, saveNodeConfig, type ParleyNode } from '../../node/index.js';
import { EXIT, type CommandResult } from './exit-codes.js';

/**
 * Pins a peer: its address and the two keys its administrators gave out of band (the witness
 * key that cosigns our checkpoints, the log key that signs its events). Keys are never trusted
 * on first use, and a pinned key is never replaced silently.
 */
export async function addPeer(configPath: string, url: string, witnessKey: string, logKey: string, now = new Date()): Promise<{ name: string; added: boolean }> {
  const config = await loadNodeConfig(configPath);
  const witness = parseVerifierKey(nodeCrypto, witnessKey);
  if (witness.type !== 'cosignature/v1' || !witness.name.endsWith('/witness')) {
    throw new ParleyError('E_KEY_INVALID', `Give the peer's witness key (HOST/witness, type cosignature/v1) first; ${witness.name} is a ${witness.type} key.`);
  }
  const host = witness.name.slice(0, -'/witness'.length);
  const log = parseVerifierKey(nodeCrypto, logKey);
  if (log.type !== 'ed25519' || log.name !== host) {
    throw new ParleyError('E_KEY_INVALID', `Give the peer's log key second (named ${host}, type ed25519); ${log.name} is a ${log.type} key.`);
  }
  const name = host.split('.')[0]!;
  const existing = config.peers.find((p) => p.name === name);
  if (existing) {
    const sameKeys = existing.witnessKey === witness.text && existing.logKey === log.text;
    if (sameKeys && existing.url === url) return { name, added: false };
    throw new ParleyError('E_PEER_ALREADY_PINNED', `Peer ${name} is already pinned with ${sameKeys ? 'another address' : 'other keys'}.`);
  }
  if (name === config.name) throw new ParleyError('E_KEY_INVALID', 'That is this node\'s own key, not a peer\'s.');
  const peer = { name, url, witnessKey: witness.text, logKey: log.text, addedAt: now.toISOString() };
  await saveNodeConfig(configPath, { ...config, peers: [...config.peers, peer] });
  return { name, added: true };
}

export function peerCommand(done: (result: CommandResult) => void): Command {
  const peer = new Command('peer').description("Manage this node's pinned peers.");
  peer
    .command('add')
    .description("Pin a peer node: its URL and the two keys (witness, log) its administrators gave you out of band.")
    .argument('<url>', "the peer node's address, e.g. https://beijing.example:8402")
    .argument('<witness-key>', "the peer's witness key, HOST/witness+keyid+base64")
    .argument('<log-key>', "the peer's log key, HOST+keyid+base64")
    .requiredOption('--config <file>', "this node's configuration file")
    .action(async (url: string, witnessKey: string, logKey: string, opts: { config: string }) => {
      try {
        const { name, added } = await addPeer(opts.config, url, witnessKey, logKey);
        process.stdout.write(added ? `Pinned peer ${name} at ${url}.\n` : `Peer ${name} was already pinned with this key and address; nothing changed.\n`);
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley peer add: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        done(err.code === 'E_PEER_ALREADY_PINNED' ? EXIT.invalid : EXIT.usage);
      }
    });
  peer
    .command('list')
    .description('List the pinned peers, their addresses, keys and whether their link is trusted.')
    .requiredOption('--config <file>', "this node's configuration file")
    .action(async (opts: { config: string }) => {
      await withNode(opts.config, 'peer list', done, async (node) => {
        for (const pinned of await node.store.listPeers()) {
          const trust = pinned.trust === 'trusted' ? 'trusted' : `UNTRUSTED since ${pinned.trustChangedAt?.toISOString()}: ${pinned.trustReason}`;
          process.stdout.write(`${pinned.name}  ${pinned.url}  ${trust}\n  witness  ${pinned.witnessKey}\n  log      ${pinned.logKey}\n`);
        }
      });
    });
  peer
    .command('trust')
    .description('Trust a link again after reviewing the evidence of equivocation that suspended it. The evidence is kept; the decision is recorded on the link.')
    .argument('<name>', 'the peer, e.g. beijing')
    .requiredOption('--reason <text>', 'why trust is restored; it becomes part of the record')
    .requiredOption('--config <file>', "this node's configuration file")
    .option('--as <administrator>', 'who decides', 'administrator')
    .action(async (name: string, opts: { config: string; reason: string; as: string }) => {
      await withNode(opts.config, 'peer trust', done, async (node) => {
        const { changed } = await restorePeerTrust(node, name, opts.reason, opts.as);
        process.stdout.write(changed ? `The link with ${name} is trusted again; the decision is on the record.\n` : `The link with ${name} was not untrusted; nothing changed.\n`);
      });
    });
  return peer;
}

/** Opens the node's storage and links without serving, runs `work`, and closes cleanly. */
async function withNode(configPath: string, what: string, done: (result: CommandResult) => void, work: (node: ParleyNode) => Promise<void>): Promise<void> {
  let node: ParleyNode | undefined;
  try {
    node = await openNode(configPath, { logLevel: 'silent' });
    await work(node);
    done(EXIT.ok);
  } catch (err) {
    if (!isParleyError(err)) throw err;
    process.stderr.write(`parley ${what}: ${err.code}: ${err.message}\n  ${err.hint}\n`);
    done(EXIT.usage);
  } finally {
    await node?.stop();
  }
}
