// Regenerates docs/errors.md from the error registry (src/core/errors/codes.ts); a test keeps them equal.
import { writeFileSync } from 'node:fs';
import { renderErrorTable } from '../dist/core/index.js';

const intro = `# Error codes

Every refusal Parley makes carries one of these codes, in API responses (\`{"code", "message", "hint"}\`)
and in \`parley verify\` reports. The table is generated from \`src/core/errors/codes.ts\`
(\`npm run docs:errors\`); a test fails if the two differ.

`;
writeFileSync(new URL('../docs/errors.md', import.meta.url), intro + renderErrorTable());
