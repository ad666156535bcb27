import i18next, { type i18n } from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18nOptions, type Language } from '../i18n-options.js';

/** The app's i18next in one language, for rendering a part outside the browser. */
export function testI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(language));
  return instance;
}

/** A part's HTML on a screen in one language, with the text's quotes as a reader sees them. */
export function renderedIn(language: Language, element: ReactElement): string {
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: testI18n(language) }, element));
  return html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
}
