// npm run score: one text per line on stdin → one JSON object per line. The scorer alone.
import readline from "node:readline";
import { defaultWeights, scoreFeatures } from "../lib/score";
import { featuresOfSentence } from "../lib/ingest/features";
import { parseArgs, readWeightsFile, runCli, UsageError } from "./cli";

const USAGE = "usage: npm run score [-- --weights file.json] < lines.txt";

runCli(async () => {
  const argv = process.argv.slice(2);
  let weights = defaultWeights();
  if (argv.length) {
    const args = parseArgs([...argv, "-"], USAGE);
    if (args.paths.length !== 1 || args.date) throw new UsageError(USAGE);
    if (args.weightsFile) weights = readWeightsFile(args.weightsFile);
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    const { score, label, cameo, contributions } = scoreFeatures(featuresOfSentence(text), weights);
    process.stdout.write(`${JSON.stringify({ text, score, label, cameo, contributions })}\n`);
  }
  return 0;
});
