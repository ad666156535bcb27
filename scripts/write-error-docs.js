// Regenerates docs/errors.md from the error registry (src/core/errors/codes.ts, hints-zh.ts); a test keeps them equal.
import { writeFileSync } from 'node:fs';
import { renderErrorTable } from '../dist/core/index.js';

const intro = `# Error codes

Every refusal Parley makes carries one of these codes, in API responses (\`{"code", "message", "hint"}\`)
and in \`parley verify\` reports. Each code has its hint in English and in Chinese: the API's \`hint\`
is the English one, and the web app shows the one of its reader's language (\`hintFor\` in
\`src/core\`). The table is generated from \`src/core/errors/codes.ts\` and
\`src/core/errors/hints-zh.ts\` (\`npm run docs:errors\`); a test fails if the two differ.

`;
writeFileSync(new URL('../docs/errors.md', import.meta.url), intro + renderErrorTable());
