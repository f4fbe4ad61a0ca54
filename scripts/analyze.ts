// npm run analyze -- <file|dir|url>... [--date YYYY-MM-DD] [--weights file.json]
// Prints the batch's articles and scored statements as JSON; never touches the store.
import { analyzeBatch } from "../lib/ingest/batch";
import { defaultWeights } from "../lib/score";
import { toAnalysisJson } from "../lib/view/analysis-json";
import { parseArgs, readInputsAndPages, readWeightsFile, runCli } from "./cli";
import { scoreStatements } from "../lib/score";

const USAGE = "usage: npm run analyze -- <file|dir|url>... [--date YYYY-MM-DD] [--weights file.json]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const weights = args.weightsFile ? readWeightsFile(args.weightsFile) : defaultWeights();
  const { inputs, rejected: unreadable } = await readInputsAndPages(args.paths);
  const result = analyzeBatch(inputs, { date: args.date });
  const rejected = [...unreadable, ...result.rejected];
  for (const rejection of rejected) process.stderr.write(`rejected ${rejection.reason}\n`);
  const output = toAnalysisJson(result.articles, scoreStatements(result.statements, weights), rejected);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return rejected.length > 0 ? 1 : 0;
});
