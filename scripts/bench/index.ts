// npm run bench [-- --quick] [--json] [--db postgresql://user@host:port/db]
//
// Measures every stage on a deterministic synthetic corpus (scripts/bench/corpus.ts), each
// against its reference in the same run:
//   1. pipeline words/s vs wink-nlp's bare readDoc + sentiment over the same texts
//   2. ingest into SQLite with worker threads vs (1); 1 → 2 workers, against the same
//      analysis on 1 → 2 workers with nothing stored (the machine's ceiling for that scaling)
//   3. re-score of the whole store with a new weight set; admin preview
//   4. /api/series and /api/statements latency (autocannon, production build, loopback)
//   5. statements CSV export: time and the server's peak RSS
// --quick: small sizes (about 2 minutes with an existing production build; CI runs it).
// --db: run stages 3–5 on a fresh database created on that PostgreSQL server (default: a
//   temporary SQLite file). Stage 2 always ingests into SQLite.
// --json: one JSON object on stdout; the table and progress go to stderr.
// --only nlp: stage 1 alone (the pipeline against bare wink), for work on the analysis' speed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { applySqliteMigrations, createPrisma, migrateDeploy, type Db } from "../../lib/store/client";
import { analyzeBatch } from "../../lib/ingest/batch";
import { generateCorpus } from "./corpus";
import { benchExport, ensureBuild, loadTest, startServer } from "./http-stages";
import { formatTable, round, type Row } from "./measure";
import { benchAnalysisScaling, benchIngest, benchPipeline, toBatches } from "./nlp-stages";
import { benchPreview, benchRescore, fillStore } from "./store-stages";

interface Sizes {
  /** Measured passes of the pipeline comparison after its warm-up; each side keeps its best. */
  pipelineRounds: number;
  pipelineArticles: number[];
  ingestArticles: number;
  previewStatements: number;
  storeStatements: number;
  loadSeconds: number;
}

const SIZES: Record<"quick" | "full", Sizes> = {
  quick: { pipelineRounds: 3, pipelineArticles: [400], ingestArticles: 2_500, previewStatements: 20_000, storeStatements: 50_000, loadSeconds: 3 },
  full: { pipelineRounds: 2, pipelineArticles: [1_000, 10_000], ingestArticles: 10_000, previewStatements: 100_000, storeStatements: 1_000_000, loadSeconds: 10 },
};
/** Concurrent connections of the load generator: a few analysts at once. */
const CONNECTIONS = 4;
const TARGETS = { pipelineVsWink: 0.5, ingestVsPipeline: 0.6, workerScaling: 1.6, rescoreSeconds: 10, previewMs: 300, seriesP95Ms: 100, exportPeakRssMB: 300 };

const USAGE = "usage: npm run bench -- [--quick] [--json] [--db postgresql://…] [--only nlp]";

function parseStage(stage: string | undefined): "nlp" {
  if (stage === "nlp") return stage;
  throw new Error(`unknown stage ${stage ?? "(none)"} for --only\n${USAGE}`);
}

function parseArgs(argv: string[]) {
  const args = { quick: false, json: false, db: null as string | null, only: null as "nlp" | null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") args.quick = true;
    else if (a === "--json") args.json = true;
    else if (a === "--db") args.db = argv[++i] ?? null;
    else if (a.startsWith("--db=")) args.db = a.slice(5);
    else if (a === "--only" || a.startsWith("--only=")) args.only = parseStage(a === "--only" ? argv[++i] : a.slice(7));
    else if (a !== "--") throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return args;
}

interface BenchStore {
  prisma: Db;
  url: string;
  provider: "sqlite" | "postgresql";
  cleanup(): Promise<void>;
}

async function createStore(serverUrl: string | null): Promise<BenchStore> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-bench-store-"));
    const file = path.join(dir, "store.db");
    applySqliteMigrations(file);
    const url = `file:${file}`;
    const prisma = createPrisma(url);
    return { prisma, url, provider: "sqlite", cleanup: async () => (await prisma.$disconnect(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const name = `tension_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  // Created as docs/storage.md says a store should be: with the C collation.
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  migrateDeploy({ env: { DATABASE_URL: url.toString() } });
  const prisma = createPrisma(url.toString());
  return {
    prisma,
    url: url.toString(),
    provider: "postgresql",
    async cleanup() {
      await prisma.$disconnect();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (met: boolean): Row["verdict"] => (met ? "met" : "missed");

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.quick ? "quick" : "full";
  const sizes = SIZES[mode];
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const startedAll = performance.now();
  const rows: Row[] = [];

  // 1. Pipeline vs bare wink.
  const largest = Math.max(...sizes.pipelineArticles, args.only === "nlp" ? 0 : sizes.ingestArticles);
  log(`generating ${fmt(largest)} synthetic articles`);
  const corpus = generateCorpus(largest);
  let pipeline = null as ReturnType<typeof benchPipeline> | null;
  for (const n of sizes.pipelineArticles) {
    log(`1. pipeline vs bare wink on ${fmt(n)} articles`);
    pipeline = benchPipeline(corpus.slice(0, n), sizes.pipelineRounds);
    rows.push({ measure: `pipeline, ${fmt(n)} articles (${fmt(pipeline.words)} words)`, value: `${fmt(pipeline.pipelineWordsPerSecond)} words/s` });
    rows.push({ measure: `bare wink readDoc + sentiment, same texts`, value: `${fmt(pipeline.winkWordsPerSecond)} words/s` });
  }
  rows.push({ measure: "pipeline ÷ bare wink", value: `${round(pipeline!.ratio)}×`, target: `≥ ${TARGETS.pipelineVsWink}×`, verdict: verdict(pipeline!.ratio >= TARGETS.pipelineVsWink) });
  if (args.only === "nlp") {
    const totalSeconds = round((performance.now() - startedAll) / 1000, 1);
    const { pipelineWordsPerSecond, winkWordsPerSecond, articles } = pipeline!;
    report(args.json, `${mode}, stage 1 only`, rows, {
      mode,
      pipelineVsWink: round(pipeline!.ratio, 3),
      pipelineWordsPerSecond: Math.round(pipelineWordsPerSecond),
      winkWordsPerSecond: Math.round(winkWordsPerSecond),
      pipelineArticles: articles,
      totalSeconds,
    });
    return;
  }

  // 2. Ingest with worker threads.
  const ingestCorpus = corpus.slice(0, sizes.ingestArticles);
  const workers = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  log(`2. ingest ${fmt(ingestCorpus.length)} articles into SQLite with 1 and ${workers} workers`);
  const one = await benchIngest(ingestCorpus, 1);
  const all = await benchIngest(ingestCorpus, workers);
  const two = workers === 2 ? all : await benchIngest(ingestCorpus, 2);
  const ingestVsPipeline = all.wordsPerSecond / pipeline!.pipelineWordsPerSecond;
  const workerScaling = two.wordsPerSecond / one.wordsPerSecond;
  rows.push({ measure: `ingest, 1 worker (${fmt(one.statements)} statements)`, value: `${fmt(one.wordsPerSecond)} words/s` });
  rows.push({ measure: `ingest, ${workers} workers`, value: `${fmt(all.wordsPerSecond)} words/s` });
  rows.push({ measure: `ingest (${workers} workers) ÷ pipeline`, value: `${round(ingestVsPipeline)}×`, target: `≥ ${TARGETS.ingestVsPipeline}×`, verdict: verdict(ingestVsPipeline >= TARGETS.ingestVsPipeline) });
  rows.push({ measure: "ingest 2 workers ÷ 1 worker", value: `${round(workerScaling)}×`, target: `≥ ${TARGETS.workerScaling}×`, verdict: verdict(workerScaling >= TARGETS.workerScaling) });
  log(`2. the same analysis alone on 1 and 2 workers (this machine's ceiling for the scaling)`);
  const analysis = await benchAnalysisScaling(ingestCorpus);
  rows.push({ measure: "analysis alone, 2 workers ÷ 1 worker (nothing stored)", value: `${round(analysis.scaling)}×` });

  // 3–5 on one store, grown in two steps.
  const store = await createStore(args.db);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const result: Record<string, unknown> = {};
  try {
    const pool = toBatches(corpus.slice(0, Math.min(corpus.length, 1000))).flatMap((batch) => analyzeBatch(batch).statements);
    log(`3. filling the ${store.provider} store to ${fmt(sizes.previewStatements)} statements`);
    await fillStore(store.prisma, pool, sizes.previewStatements);
    const preview = await benchPreview(store.prisma);
    rows.push({ measure: `admin preview, ${fmt(preview.statements)} statements`, value: `${fmt(preview.ms)} ms`, target: `≤ ${TARGETS.previewMs} ms`, verdict: verdict(preview.ms <= TARGETS.previewMs) });
    log(`   filling to ${fmt(sizes.storeStatements)} statements`);
    const filled = performance.now();
    await fillStore(store.prisma, pool, sizes.storeStatements);
    log(`   filled in ${fmt((performance.now() - filled) / 1000, 1)} s`);
    const rescore = await benchRescore(store.prisma);
    rows.push({ measure: `re-score, ${fmt(rescore.statements)} statements`, value: `${fmt(rescore.seconds, 2)} s`, target: `≤ ${TARGETS.rescoreSeconds} s`, verdict: verdict(rescore.seconds <= TARGETS.rescoreSeconds) });

    log("4. production server");
    const distDir = ensureBuild(log);
    await store.prisma.$disconnect();
    server = await startServer(distDir, store.url, log);
    const series = await loadTest(server.baseUrl, "/api/series", { seconds: sizes.loadSeconds, connections: CONNECTIONS });
    const statements = await loadTest(server.baseUrl, "/api/statements", { seconds: sizes.loadSeconds, connections: CONNECTIONS });
    for (const r of [series, statements]) {
      rows.push({ measure: `GET ${r.path}, median (${CONNECTIONS} connections)`, value: `${fmt(r.medianMs, 1)} ms` });
      rows.push({
        measure: `GET ${r.path}, p95 (${fmt(r.requests)} requests, ${r.errors} errors)`,
        value: `${fmt(r.p95Ms, 1)} ms`,
        target: `≤ ${TARGETS.seriesP95Ms} ms`,
        verdict: verdict(r.p95Ms <= TARGETS.seriesP95Ms && r.errors === 0),
      });
    }
    // A fresh server for the export, so that its peak memory is the export's, not the load test's.
    await server.stop();
    server = await startServer(distDir, store.url, log);
    log("5. statements CSV export");
    const exported = await benchExport(server);
    rows.push({ measure: `CSV export, ${fmt(exported.rows)} statements (${fmt(exported.megabytes, 1)} MB)`, value: `${fmt(exported.seconds, 1)} s` });
    // The server runs a process per core (scripts/serve.js); one of them streams the export.
    rows.push({ measure: `peak RSS of the server process that streamed it`, value: `${fmt(exported.peakRssMB)} MB`, target: `≤ ${TARGETS.exportPeakRssMB} MB`, verdict: verdict(exported.peakRssMB <= TARGETS.exportPeakRssMB) });
    rows.push({ measure: `peak RSS of all server processes added up (${fmt(exported.rssBeforeMB)} MB before the export)`, value: `${fmt(exported.serverPeakRssMB)} MB` });

    Object.assign(result, {
      mode,
      store: store.provider,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.release()}` },
      pipelineVsWink: round(pipeline!.ratio, 3),
      pipelineWordsPerSecond: Math.round(pipeline!.pipelineWordsPerSecond),
      winkWordsPerSecond: Math.round(pipeline!.winkWordsPerSecond),
      pipelineArticles: pipeline!.articles,
      ingestVsPipeline: round(ingestVsPipeline, 3),
      ingestWordsPerSecond: Math.round(all.wordsPerSecond),
      ingestArticles: all.articles,
      ingestWorkers: workers,
      workerScaling: round(workerScaling, 3),
      analysisScaling: round(analysis.scaling, 3),
      rescoreSeconds: round(rescore.seconds, 3),
      rescoreStatements: rescore.statements,
      previewMs: round(preview.ms, 1),
      previewStatements: preview.statements,
      seriesMedianMs: round(series.medianMs, 1),
      seriesP95Ms: round(series.p95Ms, 1),
      seriesStatements: rescore.statements,
      statementsMedianMs: round(statements.medianMs, 1),
      statementsP95Ms: round(statements.p95Ms, 1),
      loadConnections: CONNECTIONS,
      exportSeconds: round(exported.seconds, 2),
      exportPeakRssMB: Math.round(exported.peakRssMB),
      exportServerPeakRssMB: Math.round(exported.serverPeakRssMB),
      exportRows: exported.rows,
      totalSeconds: round((performance.now() - startedAll) / 1000, 1),
    });
  } finally {
    await server?.stop();
    await store.cleanup();
  }

  report(args.json, `${mode}, ${result.store}`, rows, result);
}

function report(json: boolean, title: string, rows: Row[], result: Record<string, unknown>): void {
  const table = `Tension Index benchmark (${title}; ${os.cpus().length} cores, ${process.version}) in ${result.totalSeconds} s\n${formatTable(rows)}\n`;
  if (json) {
    process.stderr.write(table);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(table);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
