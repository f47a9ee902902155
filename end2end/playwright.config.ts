import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The server under test: the binary `cargo leptos build` made, on a port of its own, with a
// fresh SQLite database, so the tests never touch the developer's ./data.
const workspace = resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(workspace, 'target');
const port = Number(process.env.KONTOR_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'kontor-e2e-'));
// The real SMTP server the portal delivers to; tests read its mail over HTTP.
const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT ?? 3125);
const mailSinkHttpPort = Number(process.env.MAIL_SINK_HTTP_PORT ?? 3126);

// Debian's Chromium: Playwright's own browser download is not available on these machines.
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  // The server under test is a debug build sharing two cores with two browser workers.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'de-DE',
    trace: 'retain-on-failure',
  },
  // Every spec runs twice: once hydrated, once as plain HTML forms and links.
  projects: [
    { name: 'js', use: { ...chromium, javaScriptEnabled: true } },
    {
      name: 'no-js',
      use: { ...chromium, javaScriptEnabled: false },
      testIgnore: '**/*.js-only.spec.ts',
    },
  ],
  webServer: [
    {
      command: 'node mail-sink.mjs',
      cwd: __dirname,
      url: `http://127.0.0.1:${mailSinkHttpPort}/healthz`,
      reuseExistingServer: false,
      env: {
        MAIL_SINK_SMTP_PORT: String(smtpPort),
        MAIL_SINK_HTTP_PORT: String(mailSinkHttpPort),
      },
    },
    {
      command: join(targetDir, 'debug', 'kontor'),
      cwd: workspace,
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        LEPTOS_SITE_ROOT: join(workspace, 'target', 'site'),
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        DATABASE_URL: `sqlite://${join(dataDir, 'kontor.db')}`,
        RUST_LOG: 'warn',
        KONTOR_PUBLIC_URL: baseURL,
        KONTOR_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        KONTOR_DEMO_DATA: 'true',
        // Every signup of the run comes from 127.0.0.1.
        KONTOR_SIGNUPS_PER_HOUR: '100',
        KONTOR_SECRET_KEY_FILE: join(dataDir, 'kontor.key'),
        KONTOR_PROVIDER_SIM_LATENCY_MS: '20',
        KONTOR_PROVIDER_SIM_PROVISIONING_SECS: '2',
        KONTOR_ADMIN_EMAIL: 'admin@kontor.example',
        KONTOR_ADMIN_PASSWORD: 'Fachhandel#2026',
      },
    },
  ],
});
