import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../test-support/vectors.js';
import { generateBundle } from '../bench/generate-bundle.js';

/** The built `parley` command, as a user runs it. */
export const PARLEY_BIN = join(repoRoot, 'bin/parley.js');

/** Runs the built `parley` with `args` (and `env`, by default this process's), waiting for it to exit. */
export function runBuilt(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [PARLEY_BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
}

/** Fails at once, with what to do, when the build that a test runs is missing. */
export function requireBuild(file = 'dist/cli/main.js'): void {
  if (!existsSync(join(repoRoot, file))) throw new Error('Build first: `npm test` builds before it tests (npm run build).');
}

/** A new temporary folder holding a generated two-log bundle of `events` events (cross references every 10). */
export async function generatedBundle(prefix: string, events: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  await generateBundle(dir, events, undefined, 10);
  return dir;
}
