// scripts/serve.js before it serves anything: needs no build. Serving and the network
// defaults are in __tests__/browser/serve.test.ts.
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
  it("refuses a TRUST_PROXY that is not a number of hops before starting anything", async () => {
    const { code, stderr, ms } = await serve(["-p", "0"], { TRUST_PROXY: "true" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/TRUST_PROXY must be the number of proxy hops to trust .*not "true"/);
    expect(ms).toBeLessThan(10_000);
  });
});
