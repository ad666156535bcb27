import { fromBase64, toBase64 } from '../bytes.js';
import { ParleyError } from '../errors/index.js';

/** C2SP tlog-checkpoint: origin, tree size, root hash, then optional extension lines. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions?: readonly string[];
}

const bad = (why: string): ParleyError => new ParleyError('E_CHECKPOINT_MALFORMED', `Malformed checkpoint: ${why}.`);

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (!origin || origin.includes('\n')) throw bad('the origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw bad('the size must be a whole number');
  if (rootHash.length !== 32) throw bad('the root hash must be 32 bytes');
  if (extensions.some((line) => line === '' || line.includes('\n'))) throw bad('extension lines must be non-empty single lines');
  return [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** Parses a checkpoint's note text (without signatures). Sizes are decimal without leading zeros. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw bad('the text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw bad('it needs an origin line, a size line and a root hash line');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') throw bad('the origin line is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) throw bad(`"${sizeLine}" is not a tree size`);
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(rootLine, 32);
  } catch {
    throw bad('the third line is not a base64 32-byte root hash');
  }
  if (extensions.some((line) => line === '')) throw bad('extension lines must not be empty');
  return { origin, size: Number(sizeLine), rootHash, extensions };
}
