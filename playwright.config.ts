import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// e2e tests run against `next start` of the production build (npm run test:e2e builds first),
// served with throwaway services by scripts/e2e-server.ts. Chromium is Debian's (/usr/bin/chromium):
// never `playwright install` (no download here).
const PORT = Number(process.env.E2E_PORT) || 3100;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT) || 2525;
const SINK_PORT = Number(process.env.E2E_MAIL_SINK_PORT) || 2526;
const baseURL = `http://127.0.0.1:${PORT}`;

// Test workers inherit these: e2e/helpers/mail.ts reads magic links from the sink;
// e2e/helpers/server-log.ts reads what the app and the worker printed.
process.env.MAIL_SINK_URL = `http://127.0.0.1:${SINK_PORT}`;
const SERVER_LOG = (process.env.E2E_SERVER_LOG ||= path.resolve("test-results", `e2e-server-${PORT}.log`));
// ...and which throwaway Meilisearch (and key) it uses (e2e/meilisearch-keys.spec.ts).
const SERVER_INFO = (process.env.E2E_SERVER_INFO ||= path.join(os.tmpdir(), `techbridge-e2e-${PORT}.json`));

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two workers in CI too (the landing run with one took 1,762 s of the 30-minute budget): the
  // specs create their own users and data, and one server answers both.
  workers: Number(process.env.E2E_WORKERS) || 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  },
  projects: [
    {
      name: "chromium",
      // A phone's layout only (the desktop shows the score in the sidebar).
      testIgnore: ["wizard-phone.spec.ts"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // A phone (390x844): the core visitor and member flows only, to keep CI short (the wizard
      // included: most needs start on a phone).
      name: "mobile",
      testMatch: ["smoke.spec.ts", "public-catalogue.spec.ts", "contact-flow.spec.ts", "wizard-phone.spec.ts", "wizard-drafts.spec.ts"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, launchOptions },
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/`,
    env: {
      E2E_PORT: String(PORT),
      E2E_SMTP_PORT: String(SMTP_PORT),
      E2E_MAIL_SINK_PORT: String(SINK_PORT),
      E2E_SERVER_LOG: SERVER_LOG,
      E2E_SERVER_INFO: SERVER_INFO,
    },
    // Reusing whatever answers on the port could test another checkout's build (several worktrees
    // share a machine): opt in with E2E_REUSE_SERVER=1 after starting scripts/e2e-server.ts yourself.
    // Parallel checkouts: give each its own E2E_PORT, E2E_SMTP_PORT and E2E_MAIL_SINK_PORT.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets e2e-server stop next/worker/Meilisearch and drop its database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
