import { defineConfig } from "@playwright/test";
import journeys from "./playwright.config";

// The browser half of the benchmarks (docs/BENCHMARKS.md): one phone, nothing else running.
// Not part of the journeys; see end2end/bench/replica.bench.ts for how to run it.
export default defineConfig({
  ...journeys,
  testDir: "./bench",
  testMatch: /.*\.bench\.ts/,
  timeout: 900_000,
  workers: 1,
  // No trace: its snapshots of the page would be timed with it.
  use: { ...journeys.use, trace: "off" },
  projects: journeys.projects?.filter((project) => project.name === "phone"),
});
