// node scripts/serve.js [-p PORT] [-H HOST]
//
// The production server: the built Next.js app in one process per core. One Node process
// runs JavaScript on one core at a time, so a single `next start` serves concurrent chart
// requests one after another while the other core idles. The web tier keeps no state of its
// own (sessions are sealed cookies, weights and data come from the store), so the processes
// need not agree on anything; node:cluster shares the listening socket between them.
//
// WEB_CONCURRENCY sets the number of processes (default: the cores this process may use);
// SERVER_HEAP_MB each one's V8 heap limit (default 1024). V8 lets garbage pile up in
// proportion to the limit, which by default is a quarter of the machine's memory: a capped
// heap keeps a streaming export's memory near what it holds at once, and a request that
// needed more than the cap fails alone instead of starving the machine.
// Plain JavaScript, so that serving needs no TypeScript loader in every process.
const cluster = require("node:cluster");
const http = require("node:http");
const os = require("node:os");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option("-p", process.env.PORT || "3000"));
const hostname = option("-H", process.env.HOSTNAME || "0.0.0.0");
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
const heapMB = Math.max(64, Number(process.env.SERVER_HEAP_MB) || 1024);

/** A worker that dies is replaced, unless it died within seconds of starting (a broken build would loop). */
const RESTART_AFTER_MS = 5000;

function startPrimary() {
  let stopping = false;
  const started = new Map();
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMB}`] });
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < processes; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (lived < RESTART_AFTER_MS) {
      console.error(`server process ${worker.process.pid} exited (${signal ?? code}) right after starting; stopping`);
      stop(1);
      return;
    }
    console.error(`server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  function stop(code) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 3000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(code));
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
  console.log(`serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} with ${processes} process${processes === 1 ? "" : "es"}`);
}

async function startWorker() {
  const next = require("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => handle(req, res));
  server.listen(port, hostname);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (cluster.isPrimary) startPrimary();
else
  startWorker().catch((error) => {
    console.error(error);
    process.exit(1);
  });
