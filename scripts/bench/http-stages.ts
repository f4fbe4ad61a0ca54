// Benchmarks 4 and 5: the production build serving a large store, loaded with autocannon on
// loopback; the statements CSV export timed while the server's peak RSS is read from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { median, quantile } from "./measure";

const ROOT = path.resolve(__dirname, "..", "..");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVE = path.join(ROOT, "scripts", "serve.js");

/** Newest modification time of the sources a build is made from. */
function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) if (name !== "generated") visit(path.join(entry, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "lib", "proxy.ts", "next.config.js", "package-lock.json"]) if (fs.existsSync(path.join(ROOT, entry))) visit(path.join(ROOT, entry));
  return newest;
}

/**
 * A production build of the current sources to serve: one made after the last source change
 * (the browser tests leave .next-e2e), or a new one.
 */
export function ensureBuild(log: (line: string) => void): string {
  const sources = newestSource();
  for (const dir of [".next-bench", ".next-e2e", ".next"]) {
    const id = path.join(ROOT, dir, "BUILD_ID");
    if (fs.existsSync(id) && fs.statSync(id).mtimeMs > sources) {
      log(`using the production build in ${dir}`);
      return dir;
    }
  }
  const dir = ".next-bench";
  log(`next build into ${dir} (1–2 minutes)`);
  // next build rewrites tsconfig.json and next-env.d.ts for a non-default distDir: keep them.
  const kept = ["tsconfig.json", "next-env.d.ts"].map((f) => ({ file: path.join(ROOT, f), text: fs.existsSync(path.join(ROOT, f)) ? fs.readFileSync(path.join(ROOT, f), "utf8") : null }));
  try {
    const r = spawnSync(process.execPath, [NEXT, "build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: dir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    for (const { file, text } of kept) if (text !== null && fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  }
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  baseUrl: string;
  process: ChildProcess;
  /**
   * Resident memory from /proc (MB): the peaks and current sizes of all the server's processes
   * added up, and the peak of the largest one (the process that served a request alone).
   */
  memory(): { peakMB: number; currentMB: number; largestPeakMB: number };
  stop(): Promise<void>;
}

function processGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function statusKB(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export async function startServer(distDir: string, databaseUrl: string, log: (line: string) => void): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `tension-bench-server-${port}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [SERVE, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ADMIN_PASSWORD: "bench-only-password" },
    detached: true,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const pgid = child.pid!;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/series`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`scripts/serve.js on ${baseUrl} (${distDir})`);
  return {
    baseUrl,
    process: child,
    memory() {
      const pids = processGroup(pgid);
      return {
        peakMB: pids.reduce((kb, pid) => kb + statusKB(pid, "VmHWM"), 0) / 1024,
        currentMB: pids.reduce((kb, pid) => kb + statusKB(pid, "VmRSS"), 0) / 1024,
        largestPeakMB: Math.max(0, ...pids.map((pid) => statusKB(pid, "VmHWM"))) / 1024,
      };
    },
    async stop() {
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {
        return;
      }
      const until = Date.now() + 5000;
      while (Date.now() < until && processGroup(pgid).length > 0) await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // stopped
      }
    },
  };
}

export interface LatencyResult {
  path: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  requestsPerSecond: number;
  errors: number;
}

/** autocannon against one URL; latencies are every response's, so the median and p95 are exact. */
export async function loadTest(baseUrl: string, urlPath: string, options: { seconds: number; connections: number }): Promise<LatencyResult> {
  await fetch(`${baseUrl}${urlPath}`).then((r) => r.arrayBuffer()); // warm the route
  const latencies: number[] = [];
  let errors = 0;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: `${baseUrl}${urlPath}`, connections: options.connections, duration: options.seconds }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode !== 200) errors++;
    latencies.push(responseTime);
  });
  const result = await finished;
  return {
    path: urlPath,
    requests: latencies.length,
    medianMs: median(latencies),
    p95Ms: quantile(latencies, 0.95),
    requestsPerSecond: result.requests.average,
    errors: errors + result.errors + result.non2xx,
  };
}

/** Downloads the statements CSV export while sampling the server's memory. */
export async function benchExport(server: Server): Promise<{ rows: number; seconds: number; megabytes: number; peakRssMB: number; serverPeakRssMB: number; rssBeforeMB: number }> {
  const rssBeforeMB = server.memory().currentMB;
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/statements/export`);
  if (!response.ok || !response.body) throw new Error(`export failed: HTTP ${response.status}`);
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  // Quoted fields may hold line breaks: the row count comes from the API, not from lines.
  const count = (await (await fetch(`${server.baseUrl}/api/statements?limit=1`)).json()) as { total: number };
  const memory = server.memory();
  return { rows: count.total, seconds, megabytes: bytes / 1e6, peakRssMB: memory.largestPeakMB, serverPeakRssMB: memory.peakMB, rssBeforeMB };
}
