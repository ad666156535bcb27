import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ParleyError, isParleyError } from '../../core/index.js';
import { createKeyFile, nodeConfigSchema, publicKeysOf, saveNodeConfig, type NodeConfig } from '../../node/index.js';
import { refusalText, t } from '../i18n.js';
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
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(t('init.portInvalid'));
  return n;
};

export function initCommand(done: (result: CommandResult) => void): Command {
  return new Command('init')
    .description(t('init.description'))
    .requiredOption('--side <code>', t('init.sideOption'))
    .requiredOption('--name <name>', t('init.nameOption'))
    .requiredOption('--data <dir>', t('init.dataOption'))
    .option('--host <host>', t('init.hostOption'))
    .option('--port <port>', t('init.portOption'), port)
    .option('--time-zone <zone>', t('init.timeZoneOption'))
    .action(async (opts: { side: string; name: string; data: string; host?: string; port?: number; timeZone?: string }) => {
      try {
        const { configPath, config, witnessKey, logKey } = await initNode(opts);
        const storage = config.storage.dialect === 'sqlite' ? t('init.sqlite', { path: config.storage.path }) : 'PostgreSQL';
        process.stdout.write(t('init.done', { name: config.name, side: config.side, configPath, storage, witnessKey, logKey }) + '\n');
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(refusalText('init', err));
        done(EXIT.usage);
      }
    });
}
