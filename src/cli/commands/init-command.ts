import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ParleyError, isParleyError } from '../../core/index.js';
import { createKeyFile, nodeConfigSchema, publicKeysOf, saveNodeConfig, type NodeConfig } from '../../node/index.js';
import { EXIT, type CommandResult } from './exit-codes.js';

export const CONFIG_FILE = 'parley.json';
const KEY_FILE = 'node.key';

export interface InitOptions {
  readonly side: string;
  readonly name: string;
  readonly data: string;
  readonly host?: string;
  readonly port?: number;
  readonly timeZone?: string;
}

/** Sets up a node in `data`: its key file (0600) and its configuration. Refuses to touch an existing node. */
export async function initNode(options: InitOptions): Promise<{ configPath: string; config: NodeConfig; witnessKey: string; logKey: string }> {
  const data = resolve(options.data);
  const configPath = join(data, CONFIG_FILE);
  if (existsSync(configPath)) throw new ParleyError('E_NODE_EXISTS', `A node is already set up in ${data} (${CONFIG_FILE} exists).`);
  const host = options.host ?? `${options.name}.parley.example`;
  const config: NodeConfig = {
    format: 'parley-node/v1', side: options.side, name: options.name, host,
    listen: { host: '127.0.0.1', port: options.port ?? 8401 },
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    storage: { dialect: 'sqlite', path: 'parley.db' }, keyFile: KEY_FILE, peers: [],
  };
  const checked = nodeConfigSchema.safeParse(config);
  if (!checked.success) {
    throw new ParleyError('E_CONFIG_INVALID', checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ') + '.');
  }
  await mkdir(data, { recursive: true, mode: 0o700 });
  const keys = await createKeyFile(join(data, KEY_FILE));
  await saveNodeConfig(configPath, config);
  const { witnessKey, logKey } = publicKeysOf(host, keys);
  return { configPath, config, witnessKey, logKey };
}

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port number from 1 to 65535.');
  return n;
};

export function initCommand(done: (result: CommandResult) => void): Command {
  return new Command('init')
    .description("Set up a node: create its Ed25519 keys (file mode 0600, never printed) and its configuration in a data folder.")
    .requiredOption('--side <code>', 'this side, as a country code (e.g. US, CN)')
    .requiredOption('--name <name>', 'this node\'s short name (e.g. washington)')
    .requiredOption('--data <dir>', 'the data folder to create')
    .option('--host <host>', 'the node\'s host name, used in its log origins (default NAME.parley.example)')
    .option('--port <port>', 'port to listen on', port)
    .option('--time-zone <zone>', 'IANA time zone of this side (e.g. America/New_York)')
    .action(async (opts: { side: string; name: string; data: string; host?: string; port?: number; timeZone?: string }) => {
      try {
        const { configPath, config, witnessKey, logKey } = await initNode(opts);
        process.stdout.write(
          `Node ${config.name} (${config.side}) set up.\n  config   ${configPath}\n  storage  ${config.storage.dialect === "sqlite" ? `SQLite, ${config.storage.path}` : "PostgreSQL"}\n` +
            `Give the peer's administrators these two keys, through a channel you both trust, so they can pin them\n` +
            `(parley peer add URL WITNESS-KEY LOG-KEY):\n  witness  ${witnessKey}\n  log      ${logKey}\n`,
        );
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley init: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        done(EXIT.usage);
      }
    });
}
