import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ParleyError, type CryptoSuite } from '../../core/index.js';
import { openStore, type FederationStore, type StoreOptions } from '../../store/index.js';
import { loadKeyFile, loadNodeConfig, type NodeConfig, type NodeKeys } from '../config/index.js';
import { nodeCrypto } from '../crypto/index.js';
import { systemClock, type Clock } from '../server/index.js';
import { chooseCheckpoints, type ExportReader } from './choose-checkpoints.js';
import { describeLink } from './node-link.js';
import { writeLinkBundle, type ExportedLog } from './write-bundle.js';

export interface ExportOptions {
  /** Export only the link with this peer; without it, every link (one bundle per link when there are several). */
  readonly peer?: string;
  readonly clock?: Clock;
  readonly crypto?: CryptoSuite;
  /** Events read from the store at a time (default 1,000): memory stays flat however long the log. */
  readonly pageSize?: number;
}

export interface ExportedLink {
  readonly peer: string;
  /** The bundle's folder, holding manifest.json. */
  readonly dir: string;
  /** Our own log, then our copy of the peer's. */
  readonly logs: readonly ExportedLog[];
}

/** What an export reads: the node's configuration and public keys, and its store (read only). */
export interface ExportSource {
  readonly config: NodeConfig;
  readonly keys: NodeKeys;
  readonly store: ExportReader & Pick<FederationStore, 'getPeer'>;
}

async function refuseExisting(out: string): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(out);
    entries = info.isDirectory() ? await readdir(out) : [basename(out)];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (entries.length > 0) {
    throw new ParleyError('E_EXPORT_TARGET_EXISTS', `${out} already exists and is not an empty folder; the export writes nothing there.`, { path: out });
  }
}

/** Makes a rename survive power loss: the directory entry itself is flushed. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic there.
  } finally {
    await folder.close();
  }
}

/**
 * Writes transcript bundles of the node's links to `out` (docs/bundle.md, "Exporting a node's
 * record"). Checkpoints are chosen for every link before anything is written, so a link that
 * cannot be exported fails the export at once. Everything is written into a temporary folder
 * beside `out` and renamed into place in one step: a crash leaves a `.partial-…` folder, never a
 * half bundle under the name asked for. An existing non-empty `out` is refused and left untouched.
 */
export async function exportLinks(source: ExportSource, out: string, options: ExportOptions = {}): Promise<ExportedLink[]> {
  const { config, keys, store } = source;
  const crypto = options.crypto ?? nodeCrypto;
  const peers = options.peer === undefined ? config.peers : config.peers.filter((p) => p.name === options.peer);
  if (peers.length === 0) {
    throw new ParleyError(
      'E_PEER_NOT_PINNED',
      options.peer === undefined ? `Node ${config.name} has no pinned peer, so it has no link to export.` : `Node ${config.name} has no peer named ${options.peer}; its peers are ${config.peers.map((p) => p.name).join(', ') || 'none'}.`,
      { peer: options.peer ?? null },
    );
  }
  const target = resolve(out);
  await refuseExisting(target);

  const plans = [];
  for (const peer of peers) {
    const link = describeLink(crypto, config, keys, peer, await store.getPeer(peer.name));
    plans.push({ link, chosen: await chooseCheckpoints(store, link) });
  }

  const created = (options.clock ?? systemClock).now();
  const single = plans.length === 1;
  await mkdir(dirname(target), { recursive: true });
  const partial = join(dirname(target), `${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  await mkdir(partial);
  try {
    const exported: ExportedLink[] = [];
    for (const { link, chosen } of plans) {
      const logs = await writeLinkBundle(store, single ? partial : join(partial, link.peer), link, chosen, created, options.pageSize ?? 1000);
      exported.push({ peer: link.peer, dir: single ? target : join(target, link.peer), logs });
    }
    await syncFolder(partial);
    try {
      // rename(2) replaces an empty folder atomically and refuses a non-empty one.
      await rename(partial, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
        throw new ParleyError('E_EXPORT_TARGET_EXISTS', `${out} appeared while the export was written; the export writes nothing there.`, { path: out });
      }
      throw err;
    }
    await syncFolder(dirname(target));
    return exported;
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

/** `parley export`: opens the node's configuration, keys and store, exports, and closes the store. */
export async function exportNodeRecord(configPath: string, out: string, options: ExportOptions = {}): Promise<ExportedLink[]> {
  const config = await loadNodeConfig(configPath);
  const folder = dirname(resolve(configPath));
  const keys = await loadKeyFile(resolve(folder, config.keyFile));
  const storage: StoreOptions = config.storage.dialect === 'sqlite' ? { dialect: 'sqlite', path: resolve(folder, config.storage.path) } : config.storage;
  const store = await openStore(storage);
  try {
    return await exportLinks({ config, keys, store }, out, options);
  } finally {
    await store.close();
  }
}
