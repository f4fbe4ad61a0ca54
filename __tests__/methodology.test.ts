// What /methodology reads: the rule and dictionary tables from the data files and the weights,
// and the accuracy figures `npm run eval -- --write-figures` commits to docs/accuracy.json.
import fs from "node:fs";
import cameoVerbs from "../lib/data/cameo-verbs.json";
import { SCORED_RULES } from "../lib/core/rules";
import { isValidISODate } from "../lib/core/days";
import { defaultWeights } from "../lib/score";
import { ACCURACY_FIGURES, ACCURACY_SPLITS, formatFigure, type AccuracyFile } from "../lib/view/accuracy";
import { dictionarySummary, ruleTable, verbFamilies } from "../lib/view/methodology";
import { ACCURACY_FILE, accuracyFile } from "../scripts/eval/accuracy-file";
import { figure } from "../scripts/eval/figures";
import type { EvalReport, SplitFigures } from "../scripts/eval/run";

describe("the methodology tables", () => {
  it("list every scored rule with its default weight and the active set's", () => {
    const weights = defaultWeights();
    const [first] = SCORED_RULES;
    weights.rules[first.id] = 1.25;
    const rows = ruleTable(weights);
    expect(rows.map((r) => r.id)).toEqual(SCORED_RULES.map((r) => r.id));
    expect(rows[0]).toMatchObject({ id: first.id, weight: 1.25, defaultWeight: defaultWeights().rules[first.id] });
    expect(rows.every((r) => r.reads.length > 0)).toBe(true);
  });

  it("count the verb dictionary's entries per family, all of them", () => {
    const families = verbFamilies();
    expect(families.map((f) => f.code)).toEqual(Object.keys(cameoVerbs.families).sort());
    expect(families.reduce((sum, f) => sum + f.seeds + f.expansions, 0)).toBe(cameoVerbs.verbs.length);
    expect(families.some((f) => f.expansions > 0)).toBe(true);
    expect(dictionarySummary()).toMatchObject({ verbEntries: cameoVerbs.verbs.length, modifiers: { negation: -0.5 } });
  });
});

describe("the accuracy figures file", () => {
  const split = (found: number, gold: number): SplitFigures => {
    const f = figure(found, gold);
    return { episodes: 2, articles: 5, gold, notInGold: 3, found: f, speaker: f, speakerCountry: f, target: f, dayExact: f, datedWrongly: figure(1, found), toneSign: f, toneIntensity: f, label: f, swings: figure(0, 0) };
  };
  const tone = { toneSign: figure(3, 4), toneIntensity: figure(1, 4), label: figure(2, 4) };

  it("keeps each split's figures and both baselines, with the day and the analysis measured", () => {
    const report: EvalReport = {
      splits: { dev: split(8, 10), test: split(6, 10) },
      baselines: { dev: { wink: { found: tone, all: tone }, vader: { found: tone, all: tone } }, test: { wink: { found: tone, all: tone }, vader: { found: tone, all: tone } } },
      baselineScale: { wink: 10, vader: 10 },
      articles: 10,
      episodes: 4,
      gold: 20,
    };
    const file = accuracyFile(report, "2026-12-07", "9.abc");
    expect(file).toMatchObject({ measuredAt: "2026-12-07", analysisVersion: "9.abc", command: "npm run eval -- --write-figures" });
    expect(Object.keys(file.splits)).toEqual(["dev", "test"]);
    expect(file.splits.dev!.found).toEqual({ n: 8, of: 10, low: expect.any(Number), high: expect.any(Number) });
    expect(file.splits.test!.baselines.vader.toneSign).toMatchObject({ n: 3, of: 4 });
    expect(formatFigure(file.splits.dev!.found)).toMatch(/^8\/10 · 80 % \[\d+–\d+\]$/);
    expect(formatFigure(file.splits.dev!.swings)).toBe("0/0 · —");
  });

  it("is committed with every split, its figures and the day they were measured", () => {
    const committed = JSON.parse(fs.readFileSync(ACCURACY_FILE, "utf8")) as AccuracyFile;
    expect(isValidISODate(committed.measuredAt)).toBe(true);
    for (const name of ACCURACY_SPLITS) {
      const s = committed.splits[name]!;
      for (const f of ACCURACY_FIGURES) expect(s[f].n).toBeLessThanOrEqual(s[f].of);
      expect(s.found.of).toBe(s.gold);
      expect(s.baselines.wink.label.of).toBe(s.label.of);
    }
  });
});
