// npm run eval -- [--split dev|test|seeds|all] [--json | --markdown] [--failures] [--ratchet | --reset-floors] [--write-figures]
// The product's accuracy on real published reports, beside two lexicon baselines.
import { readSplit, SPLIT_NAMES, type SplitName } from "./corpus";
import { readFloors, ratchet, writeFloors, FLOORS_FILE } from "./floors";
import { formatFailures, formatMarkdown, formatReport } from "./print";
import { evalReport, evaluateEpisode, type EpisodeResult } from "./run";
import { runCli, UsageError } from "../cli";
import { ACCURACY_FILE, accuracyFile, writeAccuracyFile } from "./accuracy-file";
import { ANALYSIS_VERSION } from "../../lib/ingest/analysis-version";
import { toISODate } from "../../lib/core/days";

const USAGE = "usage: npm run eval -- [--split dev|test|seeds|all] [--json | --markdown] [--failures] [--ratchet | --reset-floors] [--write-figures]";

function parseEvalArgs(argv: string[]) {
  const args = { splits: SPLIT_NAMES, json: false, markdown: false, failures: false, ratchet: false, resetFloors: false, writeFigures: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--markdown") args.markdown = true;
    else if (arg === "--failures") args.failures = true;
    else if (arg === "--ratchet") args.ratchet = true;
    else if (arg === "--reset-floors") args.resetFloors = true;
    else if (arg === "--write-figures") args.writeFigures = true;
    else if (arg === "--split" || arg.startsWith("--split=")) {
      const value = arg.includes("=") ? arg.slice("--split=".length) : argv[++i];
      if (value === "all") args.splits = SPLIT_NAMES;
      else if (SPLIT_NAMES.includes(value as SplitName)) args.splits = [value as SplitName];
      else throw new UsageError(`--split ${value ?? ""}: must be dev, test, seeds or all\n${USAGE}`);
    } else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  // The page shows every split side by side: a file of one split would hide the others.
  if (args.writeFigures && args.splits !== SPLIT_NAMES) throw new UsageError(`--write-figures measures every split; drop --split\n${USAGE}`);
  return args;
}

runCli(() => {
  const args = parseEvalArgs(process.argv.slice(2));
  const bySplit: Partial<Record<SplitName, EpisodeResult[]>> = {};
  for (const split of args.splits) bySplit[split] = readSplit(split).map(evaluateEpisode);
  const report = evalReport(bySplit);
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (args.markdown) process.stdout.write(`${formatMarkdown(report)}\n`);
  else process.stdout.write(`${formatReport(report)}\n`);
  if (args.failures) process.stdout.write(`\nFailures:\n${formatFailures(Object.values(bySplit).flat())}\n`);
  if (args.ratchet || args.resetFloors) {
    // The floors are the test split's: set them from a run of that split only.
    const test = report.splits.test ?? evalReport({ test: readSplit("test").map(evaluateEpisode) }).splits.test!;
    writeFloors(args.resetFloors ? ratchet(test, {}) : ratchet(test, readFloors()));
    process.stderr.write(`${args.resetFloors ? "floors set to" : "floors raised where it is now better than"} the test split: ${FLOORS_FILE}\n`);
  }
  if (args.writeFigures) {
    writeAccuracyFile(accuracyFile(report, toISODate(new Date()), ANALYSIS_VERSION));
    process.stderr.write(`figures written for /methodology: ${ACCURACY_FILE}\n`);
  }
  return 0;
});
