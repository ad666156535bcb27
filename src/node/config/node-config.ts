import { readFile, writeFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { ParleyError } from '../../core/index.js';

const hostName = z.string().regex(/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/, 'a lowercase host name such as washington.parley.example');

const peerSchema = z.strictObject({
  /** The peer node's name, e.g. "beijing". */
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
  url: z.url({ protocol: /^https?$/ }),
  /** The peer's witness key (HOST/witness, cosignature/v1): it cosigns our checkpoints. */
  witnessKey: z.string().min(1),
  /**
   * The peer's log key (named HOST, type ed25519): it signs the peer's events, checkpoints and
   * link requests. Each of the peer's logs is verified with this public key under the log's origin.
   */
  logKey: z.string().min(1),
  addedAt: z.string(),
});

export const nodeConfigSchema = z.strictObject({
  format: z.literal('parley-node/v1'),
  side: z.string().regex(/^[A-Z]{2,3}$/, 'a country code such as US or CN'),
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes, starting with a letter'),
  /** The node's host name: its logs' origins are `${host}/${peer}`, its witness key `${host}/witness`. */
  host: hostName,
  listen: z.strictObject({ host: z.string(), port: z.number().int().min(1).max(65535) }),
  /** IANA time zone of this side, for showing local times (DESIGN §2: every time in UTC and both sides' local time). */
  timeZone: z.string(),
  storage: z.discriminatedUnion('dialect', [
    z.strictObject({ dialect: z.literal('sqlite'), path: z.string() }),
    z.strictObject({
      dialect: z.literal('postgres'),
      url: z.string(),
      /**
       * The schema holding Parley's tables (default `public`), passed to openStore. Not in the URL:
       * the store sets search_path itself and namespaces its advisory locks and LISTEN channels by
       * this name, so two deployments on one database never meet. The store's own rule, checked
       * here too so that a bad name is a configuration error with a code, not a crash on start.
       */
      schema: z.string().regex(/^[a-z_][a-z0-9_]{0,31}$/, 'an unquoted lowercase schema name of at most 32 characters').optional(),
    }),
  ]),
  /** The key file, relative to the config file's folder; mode 0600, never logged. */
  keyFile: z.string(),
  peers: z.array(peerSchema),
});

export type NodeConfig = z.infer<typeof nodeConfigSchema>;
export type PinnedPeerConfig = z.infer<typeof peerSchema>;

export async function loadNodeConfig(path: string): Promise<NodeConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ParleyError('E_CONFIG_INVALID', `The node configuration ${path} cannot be read; create one with \`parley init\`.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ParleyError('E_CONFIG_INVALID', `${path} is not valid JSON.`);
  }
  const result = nodeConfigSchema.safeParse(value);
  if (!result.success) {
    const why = result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ');
    throw new ParleyError('E_CONFIG_INVALID', `${path} is not a valid node configuration: ${why}.`);
  }
  return result.data;
}

/** Writes the whole file anew and renames it into place, so a crash never leaves half a config. */
export async function saveNodeConfig(path: string, config: NodeConfig): Promise<void> {
  const checked = nodeConfigSchema.parse(config);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(checked, null, 2) + '\n', { mode: 0o644 });
  await rename(temporary, path);
}
