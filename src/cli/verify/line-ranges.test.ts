import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES, RangeReader, lineRanges } from './line-ranges.js';

function fileOf(content: string | Buffer): { path: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-ranges-')), 'events');
  writeFileSync(path, content);
  return { path, size: Buffer.byteLength(content) };
}

/** Every range of the file read in order with one reader, as the verifier's threads do: the lines, and where each range stopped at an over-long line. */
function readAll(content: string | Buffer, rangeBytes: number): { lines: string[]; tooLong: number[] } {
  const { path, size } = fileOf(content);
  const reader = new RangeReader();
  const lines: string[] = [];
  const tooLong: number[] = [];
  for (const range of lineRanges(path, size, rangeBytes)) {
    const read = reader.read(range);
    for (let i = 0; i < read.bounds.length; i += 2) {
      expect(read.data[read.bounds[i]! - 1]).toBe(0);
      lines.push(Buffer.from(read.data.subarray(read.bounds[i]!, read.bounds[i + 1]!)).toString());
    }
    if (read.tooLong >= 0) tooLong.push(lines.length);
  }
  reader.close();
  return { lines, tooLong };
}

/** The lines a reader of the whole file sees: split at newlines, a final newline ending the last line rather than starting an empty one. */
const linesOf = (content: string): string[] => (content === '' ? [] : content.replace(/\n$/, '').split('\n'));

describe('line ranges', () => {
  it('gives each line to exactly one range, with or without a final newline', () => {
    for (const rangeBytes of [1, 2, 3, 5, 100]) {
      expect(readAll('a\nbb\nccc\nd\n', rangeBytes).lines).toEqual(['a', 'bb', 'ccc', 'd']);
      expect(readAll('a\nbb\nccc\nd', rangeBytes).lines).toEqual(['a', 'bb', 'ccc', 'd']);
      expect(readAll('a\n\nb\n', rangeBytes).lines).toEqual(['a', '', 'b']);
      expect(readAll('\n\n', rangeBytes).lines).toEqual(['', '']);
    }
  });

  it('keeps every line, in order, whatever the range size and wherever a range cuts', () => {
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('é中文', '', 'x'.repeat(3000))).map((s) => s.replaceAll('\n', ' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 5000 }), (lines, finalNewline, rangeBytes) => {
        const content = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
        expect(readAll(content, rangeBytes).lines).toEqual(linesOf(content));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line that runs far past its range, to its end', () => {
    const long = 'x'.repeat(1024 * 1024 + 17);
    const lines = ['first', long, 'é中文', long + 'y', 'last'];
    expect(readAll(lines.join('\n') + '\n', 256 * 1024).lines).toEqual(lines);
  });

  it('stops at a line longer than any event rather than buffering it, after the lines before it', () => {
    const read = readAll('a\nbb\n' + 'y'.repeat(MAX_LINE_BYTES + 1) + '\nc\n', 256 * 1024);
    expect(read.tooLong).toEqual([2]);
    expect(read.lines.slice(0, 2)).toEqual(['a', 'bb']);
    expect(readAll('y'.repeat(MAX_LINE_BYTES), 256 * 1024)).toEqual({ lines: ['y'.repeat(MAX_LINE_BYTES)], tooLong: [] });
  });

  it('keeps one file open from range to range, and opens the next file when the ranges change files', () => {
    const a = fileOf('a1\na2\na3\n');
    const b = fileOf('b1\nb2\n');
    const reader = new RangeReader();
    const linesOfRange = (range: { path: string; start: number; end: number }): string[] => {
      const read = reader.read(range);
      const out: string[] = [];
      for (let i = 0; i < read.bounds.length; i += 2) out.push(Buffer.from(read.data.subarray(read.bounds[i]!, read.bounds[i + 1]!)).toString());
      return out;
    };
    const [a0, a1] = [...lineRanges(a.path, a.size, 6)];
    const [b0, b1] = [...lineRanges(b.path, b.size, 3)];
    expect([a0, b0, a1, b1, a0].map((r) => linesOfRange(r!))).toEqual([['a1', 'a2'], ['b1'], ['a3'], ['b2'], ['a1', 'a2']]);
    reader.close();
    reader.close();
    expect(linesOfRange(b1!)).toEqual(['b2']);
    reader.close();
  });

  it('covers the file with ranges of the size asked, the last one shorter', () => {
    expect([...lineRanges('f', 10, 4)].map((r) => [r.start, r.end])).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect([...lineRanges('f', 0, 4)]).toEqual([]);
  });
});
