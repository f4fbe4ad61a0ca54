// scripts/serve.js when its processes can never start (here: no build where NEXT_DIST_DIR
// points): it retries with growing delays, then gives up naming the cause, instead of
// stopping at the first failure or retrying forever. Needs no build; serving, crashes of
// running processes and the network defaults are in __tests__/browser/serve.test.ts.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

function serve(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.js"), ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe("scripts/serve.js", () => {
  it("retries processes that cannot start with growing delays, then gives up with the cause", async () => {
    const { code, stderr } = await serve(["-p", "0"], { NEXT_DIST_DIR: ".next-no-build-here", WEB_CONCURRENCY: "2" });
    expect(code).toBe(1);
    const delays = [...stderr.matchAll(/exited with code 1 before listening; starting another in ([\d.]+) s/g)].map((m) => Number(m[1]));
    expect(delays).toEqual([0.5, 1, 2, 4]);
    expect(stderr).toMatch(/5 in a row could not start \(last error: Could not find a production build in the '\.next-no-build-here' directory\b.*\)\. Giving up/);
  });

  it("refuses a TRUST_PROXY that is not a number of hops before starting anything", async () => {
    const { code, stderr, ms } = await serve(["-p", "0"], { TRUST_PROXY: "true" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/TRUST_PROXY must be the number of proxy hops to trust .*not "true"/);
    expect(ms).toBeLessThan(10_000);
  });
});
