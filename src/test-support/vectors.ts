import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from source). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Test vectors live in `vectors/` (a verbatim copy of the shared third-party vectors, with their
 * licenses), so a fresh clone tests itself; PARLEY_VECTORS points elsewhere if wanted.
 */
export function vectorPath(...parts: string[]): string {
  const base = process.env.PARLEY_VECTORS ?? join(repoRoot, 'vectors');
  const path = join(base, ...parts);
  if (!existsSync(path)) throw new Error(`Test vectors not found at ${path}`);
  return path;
}
