// npm run ingest -- <file|dir>... [--date YYYY-MM-DD] [--json]
//
// Reads article files (directories are walked in sorted order; see scripts/cli.ts),
// analyzes them as one batch and stores the result in one transaction.
// stdout: one summary line, or with --json the summary as JSON:
//   {"articles":{"new":N,"skipped":N,"rejected":N},"statements":{"new":N,"merged":N}}
// stderr: each rejected file with its reason.
// Exit code: 0 when every file went in or was already stored; 1 when a file was
// rejected (the others are still stored) or storing failed (then nothing of the batch
// is stored); 2 on usage errors.
import { disconnect, ensureMigrated, getPrisma } from "../lib/db";
import { analyzeBatch } from "../lib/pipeline";
import { ingestBatch, type IngestSummary } from "../lib/store";
import { parseArgs, readInputs, runCli, UsageError } from "./cli";

export const USAGE = "usage: npm run ingest -- <file|dir>... [--date YYYY-MM-DD] [--json]";

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

  const { inputs, rejected: unreadable } = readInputs(args.paths);
  if (inputs.length === 0 && unreadable.length === 0) throw new UsageError(`no article files in ${args.paths.join(", ")}\n${usage}`);
  const result = analyzeBatch(inputs, { date: args.date });
  const batch = { ...result, rejected: [...unreadable, ...result.rejected] };
  for (const r of batch.rejected) process.stderr.write(`rejected ${r.reason.startsWith(r.path) ? r.reason : `${r.path}: ${r.reason}`}\n`);

  const prisma = getPrisma();
  try {
    await ensureMigrated(prisma);
    const summary = await ingestBatch(prisma, batch);
    process.stdout.write(json ? `${JSON.stringify(summary)}\n` : `${options.label ?? "ingested"}: ${describeSummary(summary)}\n`);
    return batch.rejected.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`storing failed, nothing from this batch was stored: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await disconnect();
  }
}

if (require.main === module) runCli(() => runIngest(process.argv.slice(2)));
