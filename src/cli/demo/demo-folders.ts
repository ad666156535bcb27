import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isParleyError, ParleyError } from '../../core/index.js';
import { loadKeyFile, loadNodeConfig, publicKeysOf, type NodeConfig } from '../../node/index.js';
import { CONFIG_FILE, initNode } from '../commands/init-command.js';
import { addPeer } from '../commands/peer-command.js';
import { DEMO_HOST, DEMO_SIDES, otherSide, type DemoSide } from './demo-sides.js';
import { assertPortFree, freePort } from './ports.js';

/**
 * Written first into each folder the demo sets up. It is what lets the demo reuse, finish or
 * delete a folder: a node an administrator set up with `parley init` has the same files but
 * no marker, and the demo never touches it.
 */
export const DEMO_MARKER = 'demo.json';
const MARKER_FORMAT = 'parley-demo-node/v1';

export interface DemoNodeFolder {
  readonly side: DemoSide;
  readonly dir: string;
  readonly configPath: string;
  readonly config: NodeConfig;
  readonly port: number;
  /** The verifier keys this node gives its peer (and a verifier of its bundles). */
  readonly keys: ReturnType<typeof publicKeysOf>;
  /** Set up by this run (new keys), rather than found from an earlier one. */
  readonly created: boolean;
}

export interface PrepareOptions {
  /** Delete the demo's two node folders first (only those, and only if the demo made them). */
  readonly reset?: boolean;
  /** Ports to listen on, per node name: undefined for the default, 0 for any free port. Only a new setup takes them. */
  readonly ports?: Partial<Record<DemoSide['name'], number>>;
}

type FolderState = 'absent' | 'empty' | 'demo' | 'demo-unfinished' | 'foreign';

async function folderState(dir: string, side: DemoSide): Promise<FolderState> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) return 'foreign';
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  if (entries.length === 0) return 'empty';
  if (!entries.includes(DEMO_MARKER)) return 'foreign';
  try {
    const marker = JSON.parse(await readFile(join(dir, DEMO_MARKER), 'utf8')) as { format?: unknown; node?: unknown };
    if (marker.format !== MARKER_FORMAT || marker.node !== side.name) return 'foreign';
  } catch {
    return 'foreign';
  }
  // The marker is written before init: a marker without a configuration is a setup that was cut short.
  return entries.includes(CONFIG_FILE) ? 'demo' : 'demo-unfinished';
}

function foreign(dir: string): ParleyError {
  return new ParleyError(
    'E_NODE_EXISTS',
    `${dir} exists and was not set up by \`parley demo\` (it has no ${DEMO_MARKER}); the demo neither uses nor deletes it. Give the demo another folder with --data DIR.`,
    { path: dir },
  );
}

/** The port a node of this run listens on: a new node's from the options, an existing node's from its configuration. */
async function portFor(side: DemoSide, requested: number | undefined, existing: NodeConfig | null, dir: string): Promise<number> {
  if (existing) {
    const port = existing.listen.port;
    if (requested !== undefined && requested !== 0 && requested !== port) {
      throw new ParleyError('E_USAGE', `${dir} is set up to listen on port ${port}, not ${requested}. Run without a port option to use it, or start over with --reset and the new port.`, { port: requested });
    }
    return port;
  }
  if (requested === 0) return freePort(DEMO_HOST);
  return requested ?? side.defaultPort;
}

/** Sets up a node of the demo with the same function `parley init` uses; the marker first. */
async function setUp(side: DemoSide, dir: string, port: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, DEMO_MARKER), JSON.stringify({ format: MARKER_FORMAT, node: side.name, createdAt: new Date().toISOString() }, null, 2) + '\n', { mode: 0o644 });
  await initNode({ side: side.side, name: side.name, data: dir, port, timeZone: side.timeZone });
}

async function describeFolder(side: DemoSide, dir: string, created: boolean): Promise<DemoNodeFolder> {
  const configPath = join(dir, CONFIG_FILE);
  const config = await loadNodeConfig(configPath);
  const keys = publicKeysOf(config.host, await loadKeyFile(join(dir, config.keyFile)));
  return { side, dir, configPath, config, port: config.listen.port, keys, created };
}

/**
 * Makes the demo's two node folders ready: on the first run sets both nodes up and pins each to
 * the other, exactly as an administrator does with `parley init` and `parley peer add`; on later
 * runs finds them and changes nothing (the same keys, pins and data). Every refusal (a folder
 * the demo did not make, a port in use) comes before anything is written or deleted.
 */
export async function prepareDemoFolders(data: string, options: PrepareOptions = {}): Promise<DemoNodeFolder[]> {
  const base = resolve(data);
  if (existsSync(base) && !(await stat(base)).isDirectory()) throw new ParleyError('E_USAGE', `${base} is not a folder; give the demo a data folder with --data DIR.`);
  const plans = [];
  for (const side of DEMO_SIDES) {
    const dir = join(base, side.name);
    const state = await folderState(dir, side);
    if (state === 'foreign') throw foreign(dir);
    const reuse = state === 'demo' && !options.reset;
    const existing = reuse ? await loadNodeConfig(join(dir, CONFIG_FILE)) : null;
    plans.push({ side, dir, state, reuse, port: await portFor(side, options.ports?.[side.name], existing, dir) });
  }
  if (plans[0]!.port === plans[1]!.port) throw new ParleyError('E_USAGE', `Both nodes cannot listen on port ${plans[0]!.port}; give them different ports.`);
  for (const plan of plans) await assertPortFree(DEMO_HOST, plan.port, `${plan.side.label}'s node`);

  for (const plan of plans) {
    if (plan.reuse) continue;
    if (plan.state !== 'absent') await rm(plan.dir, { recursive: true, force: true });
    await setUp(plan.side, plan.dir, plan.port);
  }
  const folders = await Promise.all(plans.map((plan) => describeFolder(plan.side, plan.dir, !plan.reuse)));
  for (const folder of folders) {
    const peer = folders.find((f) => f.side === otherSide(folder.side))!;
    try {
      await addPeer(folder.configPath, `http://${DEMO_HOST}:${peer.port}`, peer.keys.witnessKey, peer.keys.logKey);
    } catch (error) {
      if (!isParleyError(error, 'E_PEER_ALREADY_PINNED')) throw error;
      throw new ParleyError(
        'E_PEER_ALREADY_PINNED',
        `${folder.side.label} has pinned other keys or another address for ${peer.side.label} than ${peer.dir} now holds (was one folder made again by itself?). Start over with parley demo --reset.`,
        { peer: peer.side.name },
      );
    }
  }
  // Read again: the configurations now name their peers.
  return Promise.all(folders.map((f) => describeFolder(f.side, f.dir, f.created)));
}
