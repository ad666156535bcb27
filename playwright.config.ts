// Browser tests of the web app (e2e/): two real nodes on loopback, driven through Debian's
// Chromium. Playwright's own browser download cannot work here, so the system's Chromium runs,
// with the flags that keep it off the network beyond loopback.
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const report = process.env.PARLEY_E2E_REPORT;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: report ? [['list'], ['json', { outputFile: report }]] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    screenshot: 'only-on-failure',
  },
});
