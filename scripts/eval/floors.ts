// The ratchet: the test split's figures may not fall below the floors committed in
// __tests__/real-reports/floors.json, and a change that raises one raises its floor with it.
import fs from "node:fs";
import path from "node:path";
import { CORPUS_DIR } from "./corpus";
import type { Figure } from "./figures";
import type { SplitFigures } from "./run";

export const FLOORS_FILE = path.join(CORPUS_DIR, "floors.json");

/** The figures under the ratchet; "dated wrongly" is a ceiling, lower is better. */
export const RATCHETED: { name: keyof SplitFigures; higherIsBetter: boolean }[] = [
  { name: "found", higherIsBetter: true },
  { name: "speaker", higherIsBetter: true },
  { name: "speakerCountry", higherIsBetter: true },
  { name: "target", higherIsBetter: true },
  { name: "dayExact", higherIsBetter: true },
  { name: "datedWrongly", higherIsBetter: false },
  { name: "toneSign", higherIsBetter: true },
  { name: "toneIntensity", higherIsBetter: true },
  { name: "label", higherIsBetter: true },
  { name: "swings", higherIsBetter: true },
];

export type Floors = Record<string, { n: number; of: number }>;

const rate = (f: { n: number; of: number }) => (f.of === 0 ? 0 : f.n / f.of);
const EPSILON = 1e-9;

export interface FloorCheck {
  name: string;
  now: Figure;
  floor: { n: number; of: number } | undefined;
  /** Worse than the floor: the change lost accuracy. */
  worse: boolean;
  /** Better than the floor: raise the floor in the same commit. */
  better: boolean;
}

export function checkFloors(figures: SplitFigures, floors: Floors): FloorCheck[] {
  return RATCHETED.map(({ name, higherIsBetter }) => {
    const now = figures[name] as Figure;
    const floor = floors[name];
    if (!floor) return { name, now, floor, worse: true, better: false };
    const diff = (rate(now) - rate(floor)) * (higherIsBetter ? 1 : -1);
    return { name, now, floor, worse: diff < -EPSILON, better: diff > EPSILON };
  });
}

/** Floors raised to every figure that is now better, never lowered. */
export function ratchet(figures: SplitFigures, floors: Floors): Floors {
  const next: Floors = { ...floors };
  for (const check of checkFloors(figures, floors)) {
    if (!check.floor || check.better) next[check.name] = { n: check.now.n, of: check.now.of };
  }
  return next;
}

export function readFloors(): Floors {
  return fs.existsSync(FLOORS_FILE) ? (JSON.parse(fs.readFileSync(FLOORS_FILE, "utf8")) as Floors) : {};
}

export function writeFloors(floors: Floors): void {
  const lines = Object.entries(floors).map(([name, floor]) => `  ${JSON.stringify(name)}: ${JSON.stringify(floor)}`);
  fs.writeFileSync(FLOORS_FILE, `{\n${lines.join(",\n")}\n}\n`);
}
