import { ERROR_CODES } from './codes.js';

/** The Markdown table of every error code, as docs/errors.md carries it. */
export function renderErrorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { status, hint }]) => `| \`${code}\` | ${status} | ${hint.replace(/\|/g, '\\|')} |`);
  return ['| code | HTTP status | what it means and what to do |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
