import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineBatches } from './line-batches.js';

async function readAll(content: string | Buffer, linesPerBatch = 3): Promise<{ lines: string[]; firstLines: number[] }> {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-lines-')), 'events');
  writeFileSync(path, content);
  const lines: string[] = [];
  const firstLines: number[] = [];
  for await (const batch of lineBatches(path, linesPerBatch)) {
    firstLines.push(batch.firstLine);
    for (let i = 0; i < batch.bounds.length; i += 2) lines.push(Buffer.from(batch.data.subarray(batch.bounds[i]!, batch.bounds[i + 1]!)).toString());
  }
  return { lines, firstLines };
}

describe('lineBatches', () => {
  it('cuts a file into whole lines, numbered, with or without a final newline', async () => {
    expect(await readAll('a\nbb\nccc\nd\n')).toEqual({ lines: ['a', 'bb', 'ccc', 'd'], firstLines: [1, 4] });
    expect((await readAll('a\nbb\nccc\nd')).lines).toEqual(['a', 'bb', 'ccc', 'd']);
    expect((await readAll('a\n\nb\n')).lines).toEqual(['a', '', 'b']);
  });

  it('joins a line that spans read chunks, and keeps every byte', async () => {
    const long = 'x'.repeat(1024 * 1024 + 17);
    const lines = ['first', long, 'é中文', long + 'y', 'last'];
    expect((await readAll(lines.join('\n') + '\n', 2)).lines).toEqual(lines);
  });

  it('keeps every line of a file of many read chunks, in order, whatever the batch size', async () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `${i}:` + 'abcdefghij'.repeat((i * 7919) % 130));
    for (const perBatch of [1, 7, 256]) {
      const read = await readAll(lines.join('\n') + '\n', perBatch);
      expect(read.lines).toEqual(lines);
      expect(read.firstLines).toEqual(Array.from({ length: Math.ceil(lines.length / perBatch) }, (_, i) => 1 + i * perBatch));
    }
  });

  it('refuses a line longer than any event rather than buffering it, after handing out the lines before it', async () => {
    await expect(readAll('y'.repeat(5 * 1024 * 1024))).rejects.toMatchObject({ code: 'E_EVENT_MALFORMED' });
    const path = join(mkdtempSync(join(tmpdir(), 'parley-lines-')), 'events');
    writeFileSync(path, 'a\nbb\n' + 'y'.repeat(5 * 1024 * 1024));
    const seen: number[] = [];
    const read = async (): Promise<void> => {
      for await (const batch of lineBatches(path)) seen.push(batch.bounds.length / 2);
    };
    await expect(read()).rejects.toMatchObject({ code: 'E_EVENT_MALFORMED', details: { line: 3 } });
    expect(seen).toEqual([2]);
  });

  it('puts a zero byte before each line, for the leaf hash taken in place', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-lines-')), 'events');
    writeFileSync(path, 'a\nbb\n' + 'c'.repeat(3 * 1024 * 1024) + '\nd\n');
    for await (const batch of lineBatches(path)) for (let i = 0; i < batch.bounds.length; i += 2) expect(batch.data[batch.bounds[i]! - 1]).toBe(0);
  });
});
