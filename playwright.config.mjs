// Browser tests: the built dist/ served from a sub-folder, in Debian's Chromium,
// at a 768x1024 touch tablet viewport.
import { defineConfig } from '@playwright/test';

// PW_PORT runs a second copy beside another run on 4173; DIST (read by the
// static server) serves another build folder than dist/.
const port = Number(process.env.PW_PORT || 4173);
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/some/folder/co-produce/`,
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    isMobile: true,
    acceptDownloads: true,
    // A missing element fails in seconds, not at the test's time limit.
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs`,
    env: { PORT: String(port), ...(process.env.DIST ? { DIST: process.env.DIST } : {}) },
    url: `http://127.0.0.1:${port}/some/folder/co-produce/index.html`,
    reuseExistingServer: false,
  },
});
