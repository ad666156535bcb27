import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ParleyError, renderErrorTable } from './index.js';
import { repoRoot } from '../../test-support/vectors.js';

describe('the error registry', () => {
  it('docs/errors.md lists exactly the codes in the registry (regenerate with npm run docs:errors)', () => {
    const doc = readFileSync(join(repoRoot, 'docs/errors.md'), 'utf8');
    expect(doc.endsWith(renderErrorTable())).toBe(true);
  });

  it('every code has a 4xx status and a hint that is a sentence', () => {
    for (const [code, { status, hint }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^E_[A-Z0-9_]+$/);
      expect(status >= 400 && status < 600, code).toBe(true);
      expect(hint, code).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it('errors carry their code, status and hint in JSON', () => {
    const err = new ParleyError('E_EVENT_SEQ_GAP', 'Events 3–4 are missing.', { seq: 5 });
    expect(JSON.parse(JSON.stringify(err))).toEqual({ code: 'E_EVENT_SEQ_GAP', message: 'Events 3–4 are missing.', hint: ERROR_CODES.E_EVENT_SEQ_GAP.hint, details: { seq: 5 } });
    expect(err.status).toBe(409);
  });
});
