// jest globalSetup for the "browser" project (runs once, in jest's main process,
// before any browser test file; skipped when no browser test is selected):
//   1. finds Chromium (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser);
//      as root with apt-get, installs Debian's `chromium` when none is found,
//   2. creates a throwaway SQLite store in a temp dir: `prisma migrate deploy` + seeds/,
//   3. `next build` into .next-e2e (NEXT_DIST_DIR, see next.config.js), so a running
//      `npm start` (.next) is left alone,
//   4. the production server (scripts/serve.js: one process per core, as `npm start` runs it)
//      on a free port, detached (own process group), until GET / answers.
// Test workers are forked after this and inherit process.env: E2E_BASE_URL,
// CHROMIUM_PATH, E2E_DATABASE_URL (or E2E_SETUP_ERROR when any step failed). global-teardown.ts stops the server and removes
// the temp dir (state in globalThis and, as a fallback, E2E_STATE_FILE).
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST_DIR = ".next-e2e";
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const INSTALL_HINT =
  "Install Debian's Chromium as root with `apt-get update && apt-get install -y chromium` " +
  "(or `sudo apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium/Chrome executable.";
const READY_TIMEOUT_MS = 60_000;

export interface E2eState {
  pid: number;
  tmpDir: string;
}

const log = (msg: string) => process.stderr.write(`[browser tests] ${msg}\n`);

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (must be executable), else the first Debian/Ubuntu location that exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${INSTALL_HINT}`);
    return fromEnv;
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

function hasAptGet(): boolean {
  return spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

function ensureChromium(): string {
  let found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && hasAptGet()) {
    log(`Chromium not found at ${CANDIDATES.join(" or ")}; installing it: apt-get update && apt-get install -y chromium`);
    const r = spawnSync("sh", ["-c", "apt-get update && apt-get install -y chromium"], {
      stdio: ["ignore", process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.status !== 0) log(`apt-get failed (exit ${r.status ?? r.signal})`);
    found = findChromium();
    if (found) return found;
  }
  throw new Error(`Chromium not found (looked at ${CANDIDATES.join(", ")} and CHROMIUM_PATH). ${INSTALL_HINT}`);
}

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/** Runs a command to completion; throws with its output when it fails. `stream` shows its output live on stderr. */
function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, stream = false): void {
  const started = Date.now();
  log(`${title}…`);
  const options: SpawnSyncOptions = { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 };
  options.stdio = stream ? ["ignore", process.stderr, process.stderr] : ["ignore", "pipe", "pipe"];
  const r = spawnSync(cmd, args, options);
  if (r.status !== 0) {
    const output = stream ? "" : `\n${r.stdout ?? ""}${r.stderr ?? ""}`;
    throw new Error(`${title} failed: ${path.basename(cmd)} ${args.join(" ")} (exit ${r.status ?? r.signal ?? r.error?.message})${output}`);
  }
  log(`${title}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Kills a detached child's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function killGroup(pid: number, graceMs = 5000): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** `next build` rewrites tsconfig.json (adds <distDir>/types globs) and next-env.d.ts for its distDir; undo that. */
function preservingFiles<T>(files: string[], fn: () => T): T {
  const saved = files.map((f) => {
    const file = path.join(ROOT, f);
    return { file, content: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null };
  });
  try {
    return fn();
  } finally {
    for (const { file, content } of saved) {
      const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      if (now === content) continue;
      if (content === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, content);
    }
  }
}

async function waitUntilServing(url: string, pid: number, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = "";
  for (;;) {
    let exited = false;
    try {
      process.kill(pid, 0);
    } catch {
      exited = true;
    }
    if (exited) lastError = "the server exited";
    else {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "manual" });
        await res.arrayBuffer();
        return;
      } catch (e) {
        lastError = (e as Error).message;
      }
    }
    if (exited || Date.now() > deadline) {
      const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "(no output)";
      throw new Error(`the server did not answer GET ${url} within ${READY_TIMEOUT_MS / 1000}s (${lastError}). Server output:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The environment the production server runs in, on the SQLite store `databaseUrl`. */
export function serverEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // jest sets NODE_ENV=test; next build/start must run as production.
    NODE_ENV: "production",
    // The admin tests log in with this; a fixed secret avoids a store-generated one.
    ADMIN_PASSWORD: `e2e-${randomBytes(12).toString("hex")}`,
  };
}

/**
 * Starts the production server (scripts/serve.js, built into DIST_DIR) on a free loopback port,
 * detached in its own process group so that killGroup stops it and its processes at once, and
 * resolves when GET / answers. `onSpawn` learns its pid before that, to clean up after a crash.
 */
export async function startServer(env: NodeJS.ProcessEnv, logFile: string, onSpawn: (pid: number) => void = () => undefined): Promise<{ pid: number; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, "a");
  log(`scripts/serve.js on ${baseUrl}…`);
  const server = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.js"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  server.unref();
  if (server.pid === undefined) throw new Error("could not spawn scripts/serve.js");
  onSpawn(server.pid);
  await waitUntilServing(`${baseUrl}/`, server.pid, logFile);
  return { pid: server.pid, baseUrl };
}

/**
 * A throw from a jest globalSetup aborts the whole run, unit project included, and
 * jest then writes no --json report (so .ci/run could not count anything). Instead a
 * failure is logged and handed to the tests in E2E_SETUP_ERROR: harness.ts throws it,
 * so every browser test fails with this message and the unit tests still run.
 */
export default async function globalSetup(): Promise<void> {
  try {
    await setUp();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`setup failed; every browser test will fail with:\n${message}`);
    process.env.E2E_SETUP_ERROR = message;
  }
}

async function setUp(): Promise<void> {
  delete process.env.E2E_SETUP_ERROR;
  const started = Date.now();
  const chromium = ensureChromium();
  log(`Chromium: ${chromium}`);

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-e2e-"));
  const databaseUrl = path.join(tmpDir, "e2e.db");
  const env = serverEnv(databaseUrl);
  let pid: number | undefined;
  try {
    run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"], env);
    run("seeding seeds/", bin("tsx"), ["scripts/seed.ts"], env);
    preservingFiles(["tsconfig.json", "next-env.d.ts"], () =>
      run(`next build (into ${DIST_DIR}; 1–2 minutes)`, bin("next"), ["build"], env, true),
    );

    const stateFile = path.join(tmpDir, "state.json");
    const { baseUrl } = await startServer(env, path.join(tmpDir, "server.log"), (spawned) => {
      pid = spawned;
      const state: E2eState = { pid, tmpDir };
      (globalThis as { __TENSION_E2E__?: E2eState }).__TENSION_E2E__ = state;
      fs.writeFileSync(stateFile, JSON.stringify(state));
      // Safety net when jest exits without running the teardown (which clears the state).
      process.once("exit", () => {
        if ((globalThis as { __TENSION_E2E__?: E2eState }).__TENSION_E2E__ !== state) return;
        try {
          process.kill(-state.pid, "SIGKILL");
        } catch {
          // already stopped
        }
      });
    });

    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_ADMIN_PASSWORD = env.ADMIN_PASSWORD;
    process.env.CHROMIUM_PATH = chromium;
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_STATE_FILE = stateFile;
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } catch (e) {
    if (pid !== undefined) await killGroup(pid);
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw e;
  }
}
