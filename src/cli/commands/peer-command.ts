import { Command } from 'commander';
import { ParleyError, isParleyError, parseVerifierKey } from '../../core/index.js';
import { loadNodeConfig, nodeCrypto, openNode, restorePeerTrust, saveNodeConfig, type ParleyNode } from '../../node/index.js';
import { refusalText, t } from '../i18n.js';
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
  const peer = new Command('peer').description(t('peer.description'));
  peer
    .command('add')
    .description(t('peer.add.description'))
    .argument('<url>', t('peer.add.urlArgument'))
    .argument('<witness-key>', t('peer.add.witnessArgument'))
    .argument('<log-key>', t('peer.add.logArgument'))
    .requiredOption('--config <file>', t('peer.configOption'))
    .action(async (url: string, witnessKey: string, logKey: string, opts: { config: string }) => {
      try {
        const { name, added } = await addPeer(opts.config, url, witnessKey, logKey);
        process.stdout.write(t(added ? 'peer.add.pinned' : 'peer.add.unchanged', { name, url }) + '\n');
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(refusalText('peer add', err));
        done(err.code === 'E_PEER_ALREADY_PINNED' ? EXIT.invalid : EXIT.usage);
      }
    });
  peer
    .command('list')
    .description(t('peer.list.description'))
    .requiredOption('--config <file>', t('peer.configOption'))
    .action(async (opts: { config: string }) => {
      await withNode(opts.config, 'peer list', done, async (node) => {
        for (const pinned of await node.store.listPeers()) {
          const trust = pinned.trust === 'trusted' ? t('peer.list.trusted') : t('peer.list.untrusted', { since: pinned.trustChangedAt?.toISOString(), reason: pinned.trustReason });
          process.stdout.write(t('peer.list.peer', { name: pinned.name, url: pinned.url, trust, witnessKey: pinned.witnessKey, logKey: pinned.logKey }) + '\n');
        }
      });
    });
  peer
    .command('trust')
    .description(t('peer.trust.description'))
    .argument('<name>', t('peer.trust.nameArgument'))
    .requiredOption('--reason <text>', t('peer.trust.reasonOption'))
    .requiredOption('--config <file>', t('peer.configOption'))
    .option('--as <administrator>', t('peer.trust.asOption'), 'administrator')
    .action(async (name: string, opts: { config: string; reason: string; as: string }) => {
      await withNode(opts.config, 'peer trust', done, async (node) => {
        const { changed } = await restorePeerTrust(node, name, opts.reason, opts.as);
        process.stdout.write(t(changed ? 'peer.trust.restored' : 'peer.trust.unchanged', { name }) + '\n');
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
    process.stderr.write(refusalText(what, err));
    done(EXIT.usage);
  } finally {
    await node?.stop();
  }
}
