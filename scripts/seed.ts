// npm run seed [-- --if-empty] [--json]
//
// Ingests the bundled articles in seeds/ (same output and exit codes as ingest).
// --if-empty: do nothing when the store already holds articles (used by npm start).
import { disconnect, ensureMigrated, getPrisma } from "../lib/store/client";
import { runCli } from "./cli";
import { runIngest } from "./ingest";

export const SEEDS_DIR = "seeds";
const USAGE = "usage: npm run seed [-- --if-empty] [--json]";

export async function runSeed(argv: string[]): Promise<number> {
  const ifEmpty = argv.includes("--if-empty");
  const rest = argv.filter((a) => a !== "--if-empty" && a !== "--");
  if (ifEmpty) {
    const prisma = getPrisma();
    try {
      await ensureMigrated(prisma);
      const articles = await prisma.article.count();
      if (articles > 0) {
        process.stdout.write(`seed: the store already holds ${articles} article${articles === 1 ? "" : "s"}, not seeding\n`);
        return 0;
      }
    } finally {
      await disconnect();
    }
  }
  return runIngest([SEEDS_DIR, ...rest], { label: "seeded", usage: USAGE });
}

if (require.main === module) runCli(() => runSeed(process.argv.slice(2)));
