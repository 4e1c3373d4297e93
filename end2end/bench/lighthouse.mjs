// Lighthouse (mobile, its default) on the sign-in page and on a signed-in shop's dashboard
// (issue 13, docs/BENCHMARKS.md). Prints the four scores of each and what costs points.
//
//   LEPTOS_SITE_ROOT=/tmp/boutiq-site cargo leptos build --release --frontend-only
//   BOUTIQ_SITE_ROOT=/tmp/boutiq-site target/debug/boutiq &      # listens on 127.0.0.1:3000
//   node end2end/bench/lighthouse.mjs [http://127.0.0.1:3000]
//
// Lighthouse is fetched by npx on first use (it is not one of the journeys' packages).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = mkdtempSync(join(tmpdir(), "boutiq-lighthouse-"));

/** A new shopkeeper's session cookie, made through the API. */
async function signedInCookie() {
  const email = `lighthouse.${Date.now()}@example.sn`;
  const reply = await fetch(`${base}/api/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({
      op: crypto.randomUUID(),
      input: { role: "shopkeeper", name: "Awa Diallo", workspace_name: "Boutique Awa", email, password: "boutique2026" },
    }),
  });
  if (!reply.ok) throw new Error(`register: ${reply.status} ${await reply.text()}`);
  return reply.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function lighthouse(name, url, headers) {
  const file = join(out, `${name}.json`);
  const args = [
    "--yes", "lighthouse@12", url, "--quiet", "--output=json", `--output-path=${file}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
  ];
  if (headers) args.push(`--extra-headers=${JSON.stringify(headers)}`);
  execFileSync("npx", args, { stdio: "inherit", env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } });
  const report = JSON.parse(readFileSync(file, "utf8"));
  const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
  console.log(`\n${name}: ${scores.join(" · ")}`);
  const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];
  console.log(`  ${metrics.map((id) => `${report.audits[id].title} ${report.audits[id].displayValue}`).join(" · ")}`);
  for (const category of Object.values(report.categories)) {
    const failing = category.auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative");
    for (const audit of failing) console.log(`  ${category.title}: ${audit.title} (${audit.displayValue ?? audit.score})`);
  }
}

lighthouse("sign-in page", `${base}/login`);
lighthouse("signed-in dashboard", `${base}/shop`, { Cookie: await signedInCookie() });
console.log(`\nreports: ${out}`);
