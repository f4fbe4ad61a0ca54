// npm run explain -- <statement-id | unique id prefix> [--json]
// Prints why a stored statement scored what it did: sources, features, the contributions that sum
// to its score, and each fired rule's entry in lib/data/rules.json. Reads DATABASE_URL's store.
import { explainStatement } from "../lib/read/statement-explanation";
import { disconnect, getPrisma } from "../lib/store/client";
import { explanationText } from "../lib/view/statement-explanation";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run explain -- <statement-id | unique id prefix> [--json]";

runCli(async () => {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const json = args.includes("--json");
  const ids = args.filter((a) => a !== "--json");
  const unknown = ids.find((a) => a.startsWith("-"));
  if (unknown) throw new UsageError(`unknown option ${unknown}\n${USAGE}`);
  if (ids.length !== 1) throw new UsageError(`name one statement id\n${USAGE}`);
  try {
    const explanation = await explainStatement(getPrisma(), ids[0]);
    if (!explanation) {
      process.stderr.write(`no stored statement has the id ${ids[0]} (or it starts more than one id)\n`);
      return 1;
    }
    process.stdout.write(json ? `${JSON.stringify(explanation, null, 2)}\n` : `${explanationText(explanation)}\n`);
    return 0;
  } finally {
    await disconnect();
  }
});
