// npm run check-store [-- --json]
//
// Checks, without changing anything, what must hold in the store DATABASE_URL names whatever
// happened to it (lib/store/check.ts): the database's integrity, no rows pointing at nothing,
// derived columns and counters agreeing with what they are made of, the chart's rollups equal to
// what the statements add up to, one active weight set that scored every pair.
// stdout: one line, then each violation on a line of its own; with --json the check as JSON:
//   {"violations":[{"invariant","message"}],"counts":{…},"queuedDays":N}
// Exit code: 0 the store holds every invariant; 1 it does not (or could not be read); 2 usage errors.
import { createPrisma, pendingMigrations, providerOf } from "../lib/store/client";
import { checkStore, type StoreCheck } from "../lib/store/check";
import { runCli, UsageError } from "./cli";

export const USAGE = "usage: npm run check-store [-- --json]";

export function describeCheck(check: StoreCheck): string {
  const { articles, statements, sources } = check.counts;
  const queued = check.queuedDays ? `; ${check.queuedDays} chart days queued for a rebuild (the next ingest or npm start rebuilds them)` : "";
  const head = `${articles} articles, ${statements} statements, ${sources} reports${queued}`;
  if (check.violations.length === 0) return `store holds every invariant: ${head}\n`;
  return `store breaks ${check.violations.length} invariant${check.violations.length === 1 ? "" : "s"}: ${head}\n${check.violations.map((v) => `  ${v.invariant}: ${v.message}\n`).join("")}`;
}

export async function runCheckStore(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const json = args.includes("--json");
  const other = args.find((a) => a !== "--json");
  if (other) throw new UsageError(other === "--help" || other === "-h" ? USAGE : `unknown argument ${other}\n${USAGE}`);
  const prisma = createPrisma();
  try {
    const pending = await pendingMigrations(prisma, providerOf(prisma));
    if (pending.length > 0) {
      process.stderr.write(`the store lacks ${pending.length} migrations (${pending.join(", ")}): run npm run db:migrate first\n`);
      return 1;
    }
    const check = await checkStore(prisma);
    process.stdout.write(json ? `${JSON.stringify(check)}\n` : describeCheck(check));
    return check.violations.length === 0 ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) runCli(() => runCheckStore(process.argv.slice(2)));
