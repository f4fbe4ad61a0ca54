// npx tsx scripts/bench/dump-statements.ts > out.tsv
//
// Every statement the product makes of the real reports (seeds and dev splits, one batch per
// episode) and of the fixtures (one batch per folder), one line each: speaker, country, target,
// date, range, score, sources (count and files) and text. Run on two revisions and diff the outputs to show that a
// change to the pipeline's speed leaves what it finds unchanged.
import fs from "node:fs";
import path from "node:path";
import { analyzeBatch, type BatchInput } from "../../lib/ingest/batch";
import { defaultWeights, scoreStatements } from "../../lib/score";
import { readSplit } from "../eval/corpus";

const FIXTURES = path.join(__dirname, "..", "..", "__tests__", "fixtures");

function fixtureBatches(): { name: string; reports: BatchInput[] }[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((name) => fs.statSync(path.join(FIXTURES, name)).isDirectory())
    .sort()
    .map((name) => ({
      name: `fixtures/${name}`,
      reports: fs
        .readdirSync(path.join(FIXTURES, name))
        .filter((file) => file.endsWith(".txt"))
        .sort()
        .map((file) => ({ path: file, bytes: fs.readFileSync(path.join(FIXTURES, name, file)) })),
    }));
}

const batches = [
  ...(["seeds", "dev"] as const).flatMap((split) => readSplit(split).map((episode) => ({ name: `${split}/${episode.name}`, reports: episode.reports }))),
  ...fixtureBatches(),
];
const weights = defaultWeights();
for (const batch of batches) {
  const { statements } = analyzeBatch(batch.reports);
  for (const s of scoreStatements(statements, weights)) {
    const range = s.dateRange ? `${s.dateRange.from}..${s.dateRange.to}` : "-";
    const cells = [batch.name, s.speaker ?? "-", s.speakerCountry ?? "-", s.target ?? "-", s.date ?? "-", range, s.score.toFixed(2), String(s.sources.length), s.sources.map((source) => source.path).join(","), s.text];
    process.stdout.write(`${cells.join("\t")}\n`);
  }
}
