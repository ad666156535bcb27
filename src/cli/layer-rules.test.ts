import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../test-support/vectors.js';

const eslint = new ESLint({ cwd: repoRoot });
async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = 1;\n`, { filePath: join(repoRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (lint fails on a wrong arrow)', () => {
  it('src/core imports no Node built-ins and no outer layer', async () => {
    expect(await importErrors('src/core/example.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;")).toHaveLength(1);
    expect(await importErrors('src/core/example.ts', "import { nodeCrypto } from '../node/index.js';\nvoid nodeCrypto;")).toHaveLength(1);
    expect(await importErrors('src/core/example.ts', "import Fastify from 'fastify';\nvoid Fastify;")).toHaveLength(1);
  });

  it('store does not reach up into node or cli; node not into cli; web not into node', async () => {
    expect(await importErrors('src/store/example.ts', "import { nodeCrypto } from '../node/index.js';\nvoid nodeCrypto;")).toHaveLength(1);
    expect(await importErrors('src/node/example.ts', "import { runCli } from '../cli/program.js';\nvoid runCli;")).toHaveLength(1);
    expect(await importErrors('src/web/example.ts', "import { nodeCrypto } from '../node/index.js';\nvoid nodeCrypto;")).toHaveLength(1);
  });

  it('outer layers reach core only through its index, and the right arrows pass', async () => {
    expect(await importErrors('src/node/example.ts', "import { LogChain } from '../core/event/log-chain.js';\nvoid LogChain;")).toHaveLength(1);
    expect(await importErrors('src/node/example.ts', "import { LogChain } from '../core/index.js';\nvoid LogChain;")).toEqual([]);
    expect(await importErrors('src/cli/example.ts', "import { nodeCrypto } from '../node/index.js';\nvoid nodeCrypto;")).toEqual([]);
  });
});
