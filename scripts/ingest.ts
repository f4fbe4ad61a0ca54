// npm run ingest -- <file|dir|url>... [--date YYYY-MM-DD] [--json] [--workers N] [--batch N]
//
// Reads article files (directories are walked in sorted order; see scripts/cli.ts) and fetches
// web addresses (http/https; a page is reduced to its article, see docs/ingest.md),
// analyzes them as one batch and stores the result in one transaction. With --workers or
// --batch, the files are cut into batches of N articles (default 50), analyzed on N worker
// threads (default: one per core) and stored in order, the batches ready at the same time in
// one transaction (see lib/store/bulk-ingest.ts); a failure then keeps the batches stored
// before it, and the chart catches up at the end of the run. Several ingest processes may run
// at once against one store: they neither duplicate nor lose articles or statements.
// stdout: one summary line, or with --json the summary as JSON:
//   {"articles":{"new":N,"skipped":N,"rejected":N},"statements":{"new":N,"merged":N}}
// stderr: each rejected file with its reason; without --json, progress too (scripts/progress.ts:
// a bar on a terminal, otherwise a line now and then), on stderr so that stdout stays the summary.
// Exit code: 0 when every file went in or was already stored; 1 when a file was
// rejected (the others are still stored) or storing failed (then nothing of the batch
// is stored); 2 on usage errors.
import { createPrisma, ensureMigrated, type Db } from "../lib/store/client";
import { analyzeBatch, type BatchInput, type Rejection } from "../lib/ingest/batch";
import { ingestBatch, type IngestSummary } from "../lib/store/ingest";
import { inBatches, ingestParallel, withUnreadable } from "../lib/store/bulk-ingest";
import { formatRejection } from "../lib/view/format";
import { parseArgs, readInputsAndPages, runCli, UsageError, type CliArgs } from "./cli";
import { progressReporter, type ProgressReporter } from "./progress";

export const USAGE = "usage: npm run ingest -- <file|dir|url>... [--date YYYY-MM-DD] [--json] [--workers N] [--batch N]";

function printRejection(r: Rejection): void {
  process.stderr.write(`rejected ${formatRejection(r)}\n`);
}

export function describeSummary(summary: IngestSummary): string {
  const { articles: a, statements: s } = summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `${plural(a.new, "new article")}, ${a.skipped} already stored, ${a.rejected} rejected; ` +
    `${plural(s.new, "new statement")}, ${s.merged} merged into stored ones`
  );
}

/** The ingest command; returns the exit code (usage errors throw UsageError). */
export async function runIngest(argv: string[], options: { label?: string; usage?: string } = {}): Promise<number> {
  const usage = options.usage ?? USAGE;
  const json = argv.includes("--json");
  const args = parseArgs(
    argv.filter((a) => a !== "--json" && a !== "--"),
    usage,
  );
  if (args.weightsFile) throw new UsageError(`--weights is not used when storing: scores use the store's active weight set\n${usage}`);

  const { inputs, rejected: unreadable } = await readInputsAndPages(args.paths);
  if (inputs.length === 0 && unreadable.length === 0) throw new UsageError(`no article files in ${args.paths.join(", ")}\n${usage}`);
  const output = { json, label: options.label ?? "ingested" };
  const progress = json ? null : progressReporter(process.stderr, "article");
  if (args.workers !== undefined || args.batch !== undefined) return ingestInBatches(inputs, unreadable, args, output, progress);
  const started = Date.now();
  const result = analyzeBatch(inputs, {
    date: args.date,
    onInput: (p) => progress?.update({ done: p.done, total: p.total, statements: p.reports, elapsedMs: Date.now() - started }),
  });
  progress?.stop();
  const batch = { ...result, rejected: [...unreadable, ...result.rejected] };
  for (const r of batch.rejected) printRejection(r);
  return storeAndReport((prisma) => ingestBatch(prisma, batch), () => "storing failed, nothing from this batch was stored", output);
}

function ingestInBatches(inputs: BatchInput[], unreadable: Rejection[], args: CliArgs, output: Output, progress: ProgressReporter | null): Promise<number> {
  const batches = inBatches(inputs, args.batch);
  for (const r of unreadable) printRejection(r);
  let stored = 0;
  const done = { articles: 0, statements: 0 };
  const started = Date.now();
  const ingest = async (prisma: Db) => {
    try {
      const run = await ingestParallel(prisma, batches, {
        workers: args.workers,
        date: args.date,
        onStored: (summary, result, count) => {
          for (const batch of batches.slice(stored, stored + count)) done.articles += batch.length;
          stored += count;
          done.statements += summary.statements.new + summary.statements.merged;
          for (const r of result.rejected) printRejection(r);
          progress?.update({ done: done.articles, total: inputs.length, statements: done.statements, elapsedMs: Date.now() - started });
        },
      });
      return withUnreadable(run.summary, unreadable.length);
    } finally {
      progress?.stop();
    }
  };
  return storeAndReport(ingest, () => `storing failed after ${stored} of ${batches.length} batches (those stay stored)`, output);
}

interface Output {
  json: boolean;
  label: string;
}

/**
 * Runs `ingest` on a migrated store that takes bulk writes and prints its summary; the exit
 * code is 1 when an article was rejected or storing failed (`failure`: what to say then).
 */
async function storeAndReport(ingest: (prisma: Db) => Promise<IngestSummary>, failure: () => string, output: Output): Promise<number> {
  const prisma = createPrisma(undefined, { bulkWriter: true });
  try {
    await ensureMigrated(prisma);
    const summary = await ingest(prisma);
    process.stdout.write(output.json ? `${JSON.stringify(summary)}\n` : `${output.label}: ${describeSummary(summary)}\n`);
    return summary.articles.rejected > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${failure()}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) runCli(() => runIngest(process.argv.slice(2)));
