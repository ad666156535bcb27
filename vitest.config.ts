import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The CLI writes in the reader's language (LANG=zh_CN… is Chinese); tests that assert its English ask for English.
    env: { PARLEY_LANG: 'en' },
  },
});
