#!/usr/bin/env node
// The `parley` command runs the compiled CLI; `npm install` builds it (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('parley: the build is missing; run `npm install` (or `npm run build`) first.\n');
  process.exit(2);
}
await import(main.href);
