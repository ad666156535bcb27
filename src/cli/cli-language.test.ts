import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedBundle, requireBuild, runBuilt } from './testing/built-cli.js';

/** The built `parley`, in an environment without any language setting of its own unless given one. */
function parley(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { PARLEY_LANG: _p, LC_ALL: _a, LC_MESSAGES: _m, LANG: _l, ...rest } = process.env;
  return runBuilt(args, { ...rest, LANG: 'C.UTF-8', ...env });
}
const CHINESE = /[\u4e00-\u9fff]/;
let dir: string;

beforeAll(async () => {
  requireBuild();
  dir = await generatedBundle('parley-lang-', 200);
});

describe('parley in English and Chinese (built)', () => {
  it('--lang zh gives the help in Chinese, for the program and for a subcommand, with the option names as typed', () => {
    const top = parley(['--lang', 'zh', '--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^用法： parley \[options\] \[command\]/);
    expect(top.stdout).toContain('两军之间的直通线路');
    expect(top.stdout).toMatch(/--lang <language>\s+输出语言/);
    const verify = parley(['verify', '--help', '--lang', 'zh']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('离线核验记录包');
    expect(verify.stdout).toMatch(/--threads <n>\s+工作线程数/);
    expect(verify.stdout).toMatch(/全局选项：\n\s+--lang/);
  });

  it('without --lang, PARLEY_LANG and then a Chinese locale choose Chinese; otherwise it is English', () => {
    expect(parley(['peer', '--help'], { PARLEY_LANG: 'zh' }).stdout).toContain('管理本节点已固定的对方节点');
    expect(parley(['peer', '--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('管理本节点已固定的对方节点');
    expect(parley(['peer', '--help'], { LANG: 'zh_CN.UTF-8', PARLEY_LANG: 'en' }).stdout).toContain("Manage this node's pinned peers.");
    expect(parley(['peer', '--help'], { PARLEY_LANG: 'zh' }).stdout).toContain('管理本节点');
    const english = parley(['peer', '--help']);
    expect(english.stdout).toMatch(/^Usage: parley peer/);
    expect(english.stdout).not.toMatch(CHINESE);
  });

  it('refuses a language it does not write with exit 2, saying so in both languages', () => {
    const run = parley(['--lang', 'fr', 'verify', dir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--lang=fr is not a language parley writes; use en (English) or zh (Chinese).');
    expect(run.stderr).toContain('请使用 en（英文）或 zh（中文）');
    expect(parley(['verify', dir], { PARLEY_LANG: 'fr' }).status).toBe(2);
  });

  it('writes usage errors in Chinese, still exit 2', () => {
    const run = parley(['verify', dir, '--threads', 'many'], { PARLEY_LANG: 'zh' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("错误：选项 '--threads <n>' 的取值 'many' 无效：须为 0 至 256 之间的整数。");
    expect(parley(['verify', join(dir, 'none')], { PARLEY_LANG: 'zh' }).stderr).toContain('不是目录');
  });

  it('reports a valid bundle and a tampered one in Chinese, with the code as it is and the same exit codes', () => {
    const valid = parley(['--lang', 'zh', 'verify', dir]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^有效：2 个日志，200 条记录/);
    const events = join(dir, 'logs/1.events');
    const original = readFileSync(events, 'utf8');
    const lines = original.split('\n');
    lines[50] = lines[50]!.replace('"text":"', '"text":"!');
    writeFileSync(events, lines.join('\n'));
    try {
      const run = parley(['--lang', 'zh', 'verify', dir]);
      expect(run.status).toBe(1);
      const [verdict, detail, hint] = run.stdout.split('\n');
      expect(verdict).toBe('无效（日志 beijing.parley.example/washington，第 50 号记录，第 51 行）：E_EVENT_SIGNATURE_INVALID');
      expect(detail).toMatch(/^ {2}详情（英文原文）：\S/);
      expect(hint).toMatch(CHINESE);
      // --json is a machine format: English keys and values whatever the language.
      expect(JSON.parse(parley(['--lang', 'zh', 'verify', dir, '--json']).stdout).failure).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', seq: 50 });
    } finally {
      writeFileSync(events, original);
    }
  });
});
