import { z } from 'zod';
import { ParleyError } from '../errors/index.js';

export const BUNDLE_FORMAT = 'parley-bundle/v1';

// Paths inside a bundle are relative and stay inside it: a manifest must not make a verifier read elsewhere.
const bundlePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), 'must be a relative path inside the bundle');

const bundleLog = z.strictObject({
  origin: z.string().min(1),
  /** Which side keeps this log (e.g. "US"), for people reading the manifest. */
  side: z.string().min(1).optional(),
  /** The log's signed-note verifier key (type 0x01); its Ed25519 key also signs the log's events. */
  log_key: z.string().min(1),
  /** The peer witness's cosignature/v1 verifier key (type 0x04) that cosigns this log's checkpoint. */
  witness_key: z.string().min(1),
  /** Origin of the peer's log in the same bundle: the log this one's peer references point into. */
  peer: z.string().min(1),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  events: bundlePath,
  checkpoint: bundlePath,
});

const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  created: z.string().optional(),
  logs: z.array(bundleLog).min(1),
});

export type BundleLog = z.infer<typeof bundleLog>;
export type BundleManifest = z.infer<typeof manifestSchema>;

export function parseManifest(value: unknown): BundleManifest {
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const why = result.error.issues.map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`).join('; ');
    throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', `manifest.json is not a valid ${BUNDLE_FORMAT} manifest: ${why}.`);
  }
  const manifest = result.data;
  const origins = new Set(manifest.logs.map((l) => l.origin));
  if (origins.size !== manifest.logs.length) {
    throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', 'manifest.json lists the same log origin twice.');
  }
  for (const log of manifest.logs) {
    if (!origins.has(log.peer) || log.peer === log.origin) {
      throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', `Log ${log.origin} names peer "${log.peer}", which is not another log in this bundle.`);
    }
  }
  return manifest;
}
