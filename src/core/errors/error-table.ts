import { ERROR_CODES, type ErrorCode } from './codes.js';
import { hintFor } from './hints.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown table of every error code with its hint in both languages, as docs/errors.md carries it. */
export function renderErrorTable(): string {
  const rows = (Object.keys(ERROR_CODES) as ErrorCode[]).map(
    (code) => `| \`${code}\` | ${ERROR_CODES[code].status} | ${cell(hintFor(code, 'en'))} | ${cell(hintFor(code, 'zh'))} |`,
  );
  return ['| code | HTTP status | what it means and what to do | 含义与处置 |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
