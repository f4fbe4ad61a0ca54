// Accuracy on real published reports the rules were not tuned on: the test split may not fall
// below its committed floors, and a change that raises a figure raises its floor in the same
// commit (`npm run eval -- --ratchet`).
import { readSplit } from "../scripts/eval/corpus";
import { checkFloors, readFloors } from "../scripts/eval/floors";
import { formatFigure } from "../scripts/eval/print";
import { evaluateEpisode, splitFigures } from "../scripts/eval/run";

const figures = splitFigures(readSplit("test").map(evaluateEpisode));
const checks = checkFloors(figures, readFloors());

describe("real reports, test split: figures against their floors", () => {
  test.each(checks.map((c) => [c.name, c] as const))("%s holds its floor", (_name, check) => {
    const floor = check.floor ? `${check.floor.n}/${check.floor.of}` : "no floor";
    expect({ figure: check.name, now: formatFigure(check.now), floor, worse: check.worse }).toMatchObject({ worse: false });
  });

  test.each(checks.map((c) => [c.name, c] as const))("%s: a raised figure has its floor raised (npm run eval -- --ratchet)", (_name, check) => {
    expect({ figure: check.name, now: formatFigure(check.now), better: check.better }).toMatchObject({ better: false });
  });
});
