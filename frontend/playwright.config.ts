import { defineConfig } from '@playwright/test';

/**
 * Real-tier tests: the stack as a user runs it (`bin/gridguard up`: Keycloak, PostgreSQL, the
 * packaged API serving dist/), driven in Debian's Chromium (never `npx playwright install`).
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results/artifacts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.GG_WEB_URL ?? 'https://localhost:8443',
    // bin/gridguard serves the app and Keycloak over HTTPS with a self-signed certificate.
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
    { name: 'desk', use: { viewport: { width: 1440, height: 900 } } },
  ],
});
