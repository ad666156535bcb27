import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { hintFor } from '../../core/index.js';
import { ApiError, UNREACHABLE } from '../api/node-api.js';
import { renderedIn } from '../testing/test-i18n.js';
import { ErrorNote } from './error-note.js';
import { refusalText } from './refusal-text.js';

const MESSAGE = 'This endpoint needs a valid operator token.';

describe('a refusal in the reader\'s language', () => {
  it('explains a code of the registry by its hint in that language, and keeps the node\'s message as English detail', () => {
    expect(refusalText('E_UNAUTHORIZED', MESSAGE, 'ignored', 'zh')).toEqual({ hint: { text: hintFor('E_UNAUTHORIZED', 'zh') }, detail: { text: MESSAGE, lang: 'en' } });
    expect(refusalText('E_UNAUTHORIZED', MESSAGE, 'ignored', 'en')).toEqual({ hint: { text: hintFor('E_UNAUTHORIZED', 'en') }, detail: { text: MESSAGE } });
  });

  it('keeps the node\'s hint for a code the app does not know, marked as English', () => {
    expect(refusalText('E_FROM_A_NEWER_NODE', MESSAGE, 'Do the newer thing.', 'zh').hint).toEqual({ text: 'Do the newer thing.', lang: 'en' });
    expect(refusalText('E_HTTP_502', 'Bad Gateway', null, 'zh')).toEqual({ hint: null, detail: { text: 'Bad Gateway', lang: 'en' } });
  });

  it('does not repeat the English hint as its own detail', () => {
    expect(refusalText('E_NOT_FOUND', hintFor('E_NOT_FOUND', 'en'), null, 'zh').detail).toBeNull();
    expect(refusalText('E_NOT_FOUND', '', null, 'en').detail).toBeNull();
  });
});

describe('the error note', () => {
  const render = (error: ApiError, language: 'en' | 'zh') => renderedIn(language, createElement(ErrorNote, { error }));

  it('shows a refusal on a Chinese screen by its code and Chinese hint, with the node\'s message marked as English', () => {
    const html = render(new ApiError('E_UNAUTHORIZED', MESSAGE, hintFor('E_UNAUTHORIZED', 'en'), 401), 'zh');
    expect(html).toContain('<code class="error-code">E_UNAUTHORIZED</code>');
    expect(html).toContain(`<span class="error-hint">${hintFor('E_UNAUTHORIZED', 'zh')}</span>`);
    expect(html).toContain(`<span class="error-detail" lang="en">${MESSAGE}</span>`);
    expect(html).not.toContain(hintFor('E_UNAUTHORIZED', 'en'));
  });

  it('shows the same refusal on an English screen with the English hint', () => {
    const html = render(new ApiError('E_UNAUTHORIZED', MESSAGE, hintFor('E_UNAUTHORIZED', 'en'), 401), 'en');
    expect(html).toContain(`<span class="error-hint">${hintFor('E_UNAUTHORIZED', 'en')}</span>`);
    expect(html).toContain(`<span class="error-detail">${MESSAGE}</span>`);
  });

  it('says in the screen\'s language that the node did not answer', () => {
    const html = render(new ApiError(UNREACHABLE, 'Failed to fetch', null, 0), 'zh');
    expect(html).toContain('本节点没有应答');
    expect(html).not.toContain('Failed to fetch');
  });
});
