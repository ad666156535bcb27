import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n.js';
import type { DemoNodeFolder } from './demo-folders.js';
import { BEIJING, WASHINGTON, type DemoSide } from './demo-sides.js';
import { formatNextSteps, type RunningSide } from './demo-summary.js';

// Only what the next steps read of a running side: its folder's side, place and config, and its address.
function running(side: DemoSide, port: number): RunningSide {
  const dir = join('/srv/parley-demo', side.name);
  const folder = { side, dir, configPath: join(dir, 'parley.json'), port } as unknown as DemoNodeFolder;
  return { folder, url: `http://127.0.0.1:${port}`, link: undefined as unknown as RunningSide['link'] };
}

describe('the demo\'s next steps', () => {
  const text = formatNextSteps([running(WASHINGTON, 8401), running(BEIJING, 8402)], '/srv/parley-demo');

  it('send a newcomer to each node\'s web app, with the token file that signs in to it', () => {
    expect(text).toContain('http://127.0.0.1:8401 for Washington');
    expect(text).toContain('http://127.0.0.1:8402 for Beijing');
    expect(text).toContain('/srv/parley-demo/washington/operator.token');
    expect(text).toContain('/srv/parley-demo/beijing/operator.token');
    expect(text).not.toMatch(/no web app/i);
  });

  it('aim every API example at Washington\'s node with its token', () => {
    const api = text.slice(text.indexOf('Try it'), text.indexOf('Or in a browser'));
    const addresses = [...api.matchAll(/http:\/\/127\.0\.0\.1:(\d+)\//g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThan(3);
    expect(new Set(addresses)).toEqual(new Set(['8401']));
    expect(text).toContain('TOKEN=$(cat /srv/parley-demo/washington/operator.token)');
  });
});

describe('the demo\'s next steps in Chinese', () => {
  afterEach(() => useLanguage('en'));

  it('keep every command exactly as typed and say what each does in Chinese', () => {
    const sides = [running(WASHINGTON, 8401), running(BEIJING, 8402)];
    const english = formatNextSteps(sides, '/srv/parley-demo');
    useLanguage('zh');
    const chinese = formatNextSteps(sides, '/srv/parley-demo');
    const commands = (text: string) => text.split('\n').filter((l) => /^\s+(curl|npx|TOKEN|-d|http)/.test(l)).map((l) => l.replace(/\s+#.*$/, ''));
    expect(commands(chinese)).toEqual(commands(english));
    expect(chinese).toMatch(/^可在另一个终端中试用：/);
    expect(chinese).toContain('# 经国防部直通电话发送一条消息；北京予以回执');
    expect(chinese).toContain('华盛顿为 http://127.0.0.1:8401，北京为 http://127.0.0.1:8402');
  });
});
