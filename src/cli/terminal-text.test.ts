import { describe, expect, it } from 'vitest';
import { columns, opening, padEnd, wrap } from './terminal-text.js';

describe('text laid out in terminal columns', () => {
  it('counts a Chinese character as two columns', () => {
    expect(columns('VALID')).toBe(5);
    expect(columns('有效：2 个日志')).toBe(14);
    expect(padEnd('已暂停', 10)).toBe('已暂停    ');
    expect(opening('两军之间的直通线路', 10)).toBe('两军之间…');
  });

  it('wraps English at spaces as before and Chinese between words, never before closing punctuation', () => {
    expect(wrap('the bundle directory (holding manifest.json)', 20)).toBe('the bundle directory\n(holding\nmanifest.json)');
    const text = '离线核验记录包：签名、哈希链、对方引用、默克尔树、检查点和联署。退出码 0 表示有效，1 表示无效，2 表示用法错误。';
    const lines = wrap(text, 40).split('\n');
    // Nothing is lost but a space where a line breaks.
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const line of lines) {
      expect(columns(line)).toBeLessThanOrEqual(40);
      expect(line).not.toMatch(/^[，。；：、）]/);
    }
    expect(lines.length).toBeGreaterThan(1);
  });
});
