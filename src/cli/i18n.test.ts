import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage, refusalText, t, useLanguage } from './i18n.js';

afterEach(() => useLanguage('en'));

describe('the language the CLI writes in', () => {
  it('is --lang first, then PARLEY_LANG, then the locale', () => {
    const env = { PARLEY_LANG: 'en', LANG: 'en_US.UTF-8' };
    expect(chooseLanguage(['verify', '--lang', 'zh', 'dir'], env)).toEqual({ language: 'zh' });
    expect(chooseLanguage(['--lang=zh', 'demo'], env)).toEqual({ language: 'zh' });
    expect(chooseLanguage(['demo'], { PARLEY_LANG: 'zh', LANG: 'en_US.UTF-8' })).toEqual({ language: 'zh' });
    expect(chooseLanguage(['demo'], { LANG: 'zh_CN.UTF-8' })).toEqual({ language: 'zh' });
    expect(chooseLanguage(['demo'], { LANG: 'zh_TW.UTF-8' })).toEqual({ language: 'zh' });
    expect(chooseLanguage(['demo'], {})).toEqual({ language: 'en' });
  });

  it('follows the locale variables in POSIX order: LC_ALL over LC_MESSAGES over LANG', () => {
    expect(chooseLanguage([], { LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toEqual({ language: 'en' });
    expect(chooseLanguage([], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_GB.UTF-8' })).toEqual({ language: 'zh' });
    expect(chooseLanguage([], { LC_ALL: '', LANG: 'zh_CN' })).toEqual({ language: 'zh' });
  });

  it('refuses a language it does not write, saying where the value came from', () => {
    expect(chooseLanguage(['--lang', 'fr'], {})).toEqual({ refused: 'fr', from: '--lang' });
    expect(chooseLanguage(['--lang'], {})).toEqual({ refused: '', from: '--lang' });
    expect(chooseLanguage([], { PARLEY_LANG: 'chinese' })).toEqual({ refused: 'chinese', from: 'PARLEY_LANG' });
  });

  it('takes a --lang after `--` as an argument, not as the option', () => {
    expect(chooseLanguage(['peer', 'trust', 'beijing', '--', '--lang', 'zh'], {})).toEqual({ language: 'en' });
  });

  it('shows a refusal with its code in both languages, the node\'s English detail labelled as such in Chinese', () => {
    const error = { code: 'E_NODE_EXISTS' as const, message: 'A node is already set up in /srv/w (parley.json exists).' };
    expect(refusalText('init', error)).toMatch(/^parley init: E_NODE_EXISTS: A node is already set up in \/srv\/w \(parley\.json exists\)\.\n {2}\S/);
    useLanguage('zh');
    const zh = refusalText('init', error);
    expect(zh).toMatch(/^parley init：E_NODE_EXISTS\n {2}详情（英文原文）：A node is already set up/);
    expect(t('verify.threadsInvalid')).toBe('须为 0 至 256 之间的整数。');
  });
});
