import { defineConfig, devices } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromiumArgs, chromiumPath } from "./chromium";

// The real server (built by `cargo leptos build`), on a fresh data folder for every run.
const port = Number(process.env.BOUTIQ_E2E_PORT ?? 3100);
const root = path.resolve(__dirname, "..");
const dataDir = process.env.BOUTIQ_E2E_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), "boutiq-e2e-"));
process.env.BOUTIQ_E2E_DATA = dataDir; // workers load this file again: keep one folder

const chromium = { executablePath: chromiumPath, args: chromiumArgs };

export default defineConfig({
  testDir: "./tests",
  timeout: 120_000, // 2 cores shared by the server, two browsers and their wasm compiles
  // An assertion waits for what the user waits for: a server answer or a page of wasm on a
  // slow shared machine can take more than 15 s (an import batch once took 13.9 s).
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    locale: "fr-FR",
  },
  projects: [
    {
      name: "phone",
      testIgnore: /desktop-.*\.spec\.ts/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      name: "desktop",
      testMatch: /desktop-.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, channel: undefined },
    },
  ],
  webServer: {
    command: path.join(root, "target", "debug", "boutiq"),
    cwd: root,
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      BOUTIQ_LISTEN: `127.0.0.1:${port}`,
      // Invitation links are made from the configured address only (never the request's Host).
      BOUTIQ_PUBLIC_URL: `http://127.0.0.1:${port}`,
      BOUTIQ_DATA_DIR: dataDir,
      // The benchmarks serve a release bundle built elsewhere (end2end/bench/).
      BOUTIQ_SITE_ROOT: process.env.BOUTIQ_E2E_SITE_ROOT ?? path.join(root, "target", "site"),
      BOUTIQ_LOG_FORMAT: "pretty",
      RUST_LOG: "warn",
    },
  },
});
