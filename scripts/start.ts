// npm start [-- --no-build | --rebuild]
//
// 1. generates the Prisma clients if `npm install` did not (postinstall normally does),
// 2. applies migrations for DATABASE_URL's provider (`prisma migrate deploy`),
// 3. without ADMIN_PASSWORD, generates the admin password on the first start (printed
//    once; only its hash is stored),
// 4. rebuilds the chart's rollups of the days an interrupted bulk ingest left queued, and says
//    when stored articles were analysed by an older version (npm run reanalyze),
// 5. ingests seeds/ when the store holds no articles,
// 6. `next build`, skipped when the build is current: a stamp of its sources (lib/server/build-stamp.ts)
//    matches the one written after the last successful build (--no-build: any existing build;
//    --rebuild: always build),
// 7. serves the build on ${HOST:-127.0.0.1}:${PORT:-3000}, one process per core
//    (scripts/serve.js, which prints the address it bound),
// 8. when a feed is stored (added on /admin or by `npm run watch -- --feed`), polls the feeds in
//    this process every WATCH_EVERY (default 10m), as `npm run watch` does.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureAdminPassword, generatedPasswordNotice } from "../lib/server/auth";
import { getPrisma, migrateDeploy, type Db } from "../lib/store/client";
import { flushPendingRollups } from "../lib/store/ingest";
import { countStaleArticles } from "../lib/store/analysis-versions";
import { staleAnalysisNotice } from "../lib/view/format";
import { buildIsCurrent, sourceStamp, writeStamp } from "../lib/server/build-stamp";
import { runSeed } from "./seed";
import { countFeeds } from "../lib/store/feeds";
import { parseWatchArgs, runWatcher } from "./watch";

const root = process.cwd();
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const PRISMA = bin("prisma", "build/index.js");
const NEXT = bin("next", "dist/bin/next");

function step(title: string): void {
  console.log(`\n▸ ${title}`);
}

function run(args: string[]): void {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", cwd: root });
  if (r.status !== 0) {
    console.error(`failed: ${path.basename(args[0])} ${args.slice(1).join(" ")} (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/**
 * Rebuilds the chart's rollups of the days deferred writes left queued (a bulk ingest that was
 * killed), so that a restart never serves a chart missing stored statements; says what it did.
 */
export async function catchUpChart(prisma: Db): Promise<string> {
  const queued = await flushPendingRollups(prisma);
  return queued ? `rebuilt the chart's rollups an interrupted ingest left queued (${queued} entries)` : "the chart is up to date";
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const noBuild = argv.includes("--no-build");
  const port = process.env.PORT || "3000";

  const clients = ["sqlite", "postgres"].map((p) => path.join(root, "lib", "generated", "prisma", p, "client.ts"));
  if (!clients.every((f) => fs.existsSync(f))) {
    step("generating Prisma clients");
    run([PRISMA, "generate", "--schema", "prisma/schema.prisma"]);
    run([PRISMA, "generate", "--schema", "prisma/postgres/schema.prisma"]);
  }

  step("applying database migrations");
  migrateDeploy({ verbose: true });

  let generated: string | null = null;
  if (!process.env.ADMIN_PASSWORD) {
    step("checking the admin password");
    generated = await ensureAdminPassword(getPrisma());
    console.log(generated ? generatedPasswordNotice(generated) : "an admin password is set (stored as a hash)");
  }

  step("bringing the chart up to date");
  console.log(await catchUpChart(getPrisma()));

  const reanalysis = staleAnalysisNotice(await countStaleArticles(getPrisma()));
  if (reanalysis) console.warn(`note: ${reanalysis} (the store serves meanwhile; see docs/cli.md)`);

  step("seeding an empty store");
  const seeded = await runSeed(["--if-empty"]).catch((e: Error) => {
    console.error(e.message);
    return 1;
  });
  if (seeded !== 0) console.warn(`warning: seeding finished with exit code ${seeded}; starting anyway`);

  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // Computed before building: a file edited during the build makes the next start rebuild.
  const stamp = sourceStamp(root);
  if (noBuild && fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    step("using the existing build (--no-build)");
  } else if (!argv.includes("--rebuild") && buildIsCurrent(root, distDir, stamp)) {
    step("using the existing build: its sources have not changed (--rebuild builds anyway)");
  } else {
    step("building");
    run([NEXT, "build"]);
    writeStamp(root, distDir, stamp);
  }

  // Repeated under the build's output, where it cannot scroll out of sight.
  if (generated) console.log(`\n${generatedPasswordNotice(generated)}`);
  step("starting the server");
  const server = spawn(process.execPath, [path.join(root, "scripts", "serve.js"), "-p", port], { stdio: "inherit", cwd: root });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  const feeds = await countFeeds(getPrisma());
  if (feeds > 0) {
    step(`watching ${feeds === 1 ? "1 feed" : `${feeds} feeds`} (every ${process.env.WATCH_EVERY || "10m"})`);
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop.abort());
    const args = parseWatchArgs(process.env.WATCH_EVERY ? ["--every", process.env.WATCH_EVERY] : []);
    // A watcher that fails leaves the server serving: the feeds wait for the next start.
    const log = { write: (text: string) => process.stdout.write(text.replace(/^(?=.)/gm, "watch: ")) };
    await runWatcher(getPrisma(), args, stop.signal, log).catch((e: Error) => console.error(`watch stopped: ${e.message}`));
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
