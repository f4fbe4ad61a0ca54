// npm run remove -- <article id | path> [--json]
//
// Removes a stored article in one transaction (lib/store/remove.ts): its reports go, statements
// only it reported go, statements it shared with other articles are made again from their other
// reports (re-dated and re-scored), and the chart follows. An argument of digits is an article
// id; anything else is the path the article was ingested under (as `npm run ingest` was given
// it; ./x and an absolute path inside the working directory name it too).
// stdout: one summary line, or with --json the summary as JSON:
//   {"article":{"id","path","title"},"sources":N,"statements":{"removed":N,"updated":N}}
// Exit code: 0 removed; 1 no stored article (or several) matches, or removing failed (then
// nothing changed); 2 usage errors.
import path from "node:path";
import { createPrisma, ensureMigrated } from "../lib/store/client";
import { ArticleNotFoundError, parseArticleReference, removeArticle, type ArticleReference, type RemovalSummary } from "../lib/store/remove";
import { runCli, UsageError } from "./cli";

export const USAGE = "usage: npm run remove -- <article id|path> [--json]";

export function describeRemoval(r: RemovalSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `removed article ${r.article.id} (${r.article.path}, "${r.article.title}") and its ${plural(r.sources, "report")}: ` +
    `${plural(r.statements.removed, "statement")} only it reported removed, ${plural(r.statements.updated, "shared statement")} re-dated and re-scored by ${r.statements.updated === 1 ? "its" : "their"} other reports`
  );
}

/** A path as typed, and as ingest would have stored it when typed another way (./x, an absolute path under `cwd`). */
function spellings(reference: ArticleReference, cwd: string): ArticleReference {
  if (!("paths" in reference)) return reference;
  const typed = reference.paths[0];
  const normalized = path.normalize(typed);
  const relative = path.isAbsolute(typed) ? path.relative(cwd, typed) : normalized;
  return { paths: [...new Set([typed, normalized, relative])] };
}

/** The remove command; returns the exit code (usage errors throw UsageError). */
export async function runRemove(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  const option = rest.find((a) => a.startsWith("-"));
  if (option) throw new UsageError(option === "--help" || option === "-h" ? USAGE : `unknown option ${option}\n${USAGE}`);
  if (rest.length !== 1 || rest[0].trim() === "") throw new UsageError(`name one article: its id or its path\n${USAGE}`);
  const reference = spellings(parseArticleReference(rest[0]), process.cwd());
  const prisma = createPrisma(undefined, { bulkWriter: true });
  try {
    await ensureMigrated(prisma);
    const summary = await removeArticle(prisma, reference);
    process.stdout.write(json ? `${JSON.stringify(summary)}\n` : `${describeRemoval(summary)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ArticleNotFoundError) process.stderr.write(`${error.message}; nothing was removed\n`);
    else process.stderr.write(`removing failed, nothing was changed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) runCli(() => runRemove(process.argv.slice(2)));
