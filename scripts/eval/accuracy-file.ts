// `npm run eval -- --write-figures`: the figures /methodology shows, committed to docs/accuracy.json
// (not lib/data, whose files are hashed into the analysis version) with the day they were measured.
import fs from "node:fs";
import path from "node:path";
import { ACCURACY_FIGURES, ACCURACY_SPLITS, type AccuracyFigure, type AccuracyFile, type AccuracySplit, type AccuracyTone } from "../../lib/view/accuracy";
import type { Figure, ToneFigures } from "./figures";
import type { EvalReport } from "./run";

export const ACCURACY_FILE = path.resolve(__dirname, "..", "..", "docs", "accuracy.json");
export const WRITE_FIGURES_COMMAND = "npm run eval -- --write-figures";

const figureOf = (f: Figure): AccuracyFigure => ({ n: f.n, of: f.of, low: f.low, high: f.high });
const toneOf = (t: ToneFigures): AccuracyTone => ({ toneSign: figureOf(t.toneSign), toneIntensity: figureOf(t.toneIntensity), label: figureOf(t.label) });

/** The report's figures of every split it measured, as the page reads them. */
export function accuracyFile(report: EvalReport, measuredAt: string, analysisVersion: string): AccuracyFile {
  const splits: AccuracyFile["splits"] = {};
  for (const name of ACCURACY_SPLITS) {
    const figures = report.splits[name];
    const baselines = report.baselines[name];
    if (!figures || !baselines) continue;
    const split = { episodes: figures.episodes, articles: figures.articles, gold: figures.gold, notInGold: figures.notInGold } as AccuracySplit;
    for (const figure of ACCURACY_FIGURES) split[figure] = figureOf(figures[figure]);
    split.baselines = { wink: toneOf(baselines.wink.found), vader: toneOf(baselines.vader.found) };
    splits[name] = split;
  }
  return { measuredAt, analysisVersion, command: WRITE_FIGURES_COMMAND, splits };
}

export function writeAccuracyFile(file: AccuracyFile, target = ACCURACY_FILE): void {
  fs.writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
}
