// npm run reanalyze [-- --batch N] [--dry-run]
//
// Analyses every stored article that an older version of the analysis made again, from the
// paragraphs the store keeps (lib/store/reanalyze.ts): statements, sources, features and scores
// become what the current analysis finds, statements whose speaker and words are unchanged keep
// their ids, and the chart's rollups follow. N articles per transaction (default 50); a run that
// is stopped or fails keeps the batches it finished, and running again carries on. --dry-run
// works every batch out and rolls it back: it prints what would change and writes nothing.
// stdout: progress (a bar on a terminal, otherwise a line now and then) and a summary line.
// Exit code: 0 when every article is analysed by the current version (or, with --dry-run, was
// worked out); 1 when a batch failed; 2 on usage errors.
import { createPrisma, ensureMigrated } from "../lib/store/client";
import { ANALYSIS_VERSION } from "../lib/ingest/analysis-version";
import { reanalyzeStore, type ReanalysisProgress, type ReanalysisResult } from "../lib/store/reanalyze";
import { countStaleArticles } from "../lib/store/analysis-versions";
import { plural } from "../lib/view/format";
import { runCli, UsageError } from "./cli";
import { progressReporter } from "./progress";

const USAGE = "usage: npm run reanalyze [-- --batch N] [--dry-run]";

function parseReanalyzeArgs(argv: string[]): { batch?: number; dryRun: boolean } {
  let batch: number | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--batch" || arg.startsWith("--batch=")) {
      const value = arg.includes("=") ? arg.slice("--batch=".length) : argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--batch ${value ?? ""}: must be a whole number from 1 to 1000\n${USAGE}`);
      batch = n;
    } else if (arg === "--help" || arg === "-h") throw new UsageError(USAGE);
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  return { batch, dryRun };
}

function describeChanges(p: ReanalysisResult): string {
  const c = p.changes;
  return `statements ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.unchanged} unchanged`;
}

runCli(async () => {
  const { batch, dryRun } = parseReanalyzeArgs(process.argv.slice(2));
  const prisma = createPrisma(undefined, { bulkWriter: true });
  const progress = progressReporter(process.stdout, "article");
  let last: ReanalysisProgress | null = null;
  try {
    await ensureMigrated(prisma);
    const stale = await countStaleArticles(prisma);
    if (stale === 0) {
      process.stdout.write(`every stored article was analysed by the current version (${ANALYSIS_VERSION}): nothing to do\n`);
      return 0;
    }
    process.stdout.write(`${dryRun ? "dry run: " : ""}analysing ${plural(stale, "article")} again with version ${ANALYSIS_VERSION}\n`);
    const result = await reanalyzeStore(prisma, {
      batch,
      dryRun,
      onBatch: (p) => {
        last = p;
        progress.update({ done: p.articles.done, total: p.articles.total, statements: p.statements, elapsedMs: p.elapsedMs });
      },
    });
    progress.stop();
    process.stdout.write(
      dryRun
        ? `dry run: ${plural(result.articles.done, "article")} would be analysed again: ${describeChanges(result)}; nothing was written\n`
        : `analysed ${plural(result.articles.done, "article")} again: ${describeChanges(result)}\n`,
    );
    return dryRun || result.complete ? 0 : 1;
  } catch (error) {
    progress.stop();
    const done = (last as ReanalysisProgress | null)?.articles.done ?? 0;
    process.stderr.write(
      `reanalysis failed after ${plural(done, "article")}${dryRun ? "" : " (those stay analysed; run npm run reanalyze again to carry on)"}: ${(error as Error).message}\n`,
    );
    return 1;
  } finally {
    await prisma.$disconnect();
  }
});
