// The accuracy figures that `npm run eval -- --write-figures` commits to docs/accuracy.json and
// /methodology shows: what the file holds, and the page's reading of it. Pure.

export interface AccuracyFigure {
  n: number;
  of: number;
  /** 95 % Wilson interval, null when there is nothing to count. */
  low: number | null;
  high: number | null;
}

export interface AccuracyTone {
  toneSign: AccuracyFigure;
  toneIntensity: AccuracyFigure;
  label: AccuracyFigure;
}

export const ACCURACY_FIGURES = ["found", "speaker", "speakerCountry", "target", "dayExact", "datedWrongly", "toneSign", "toneIntensity", "label", "swings"] as const;
export type AccuracyFigureName = (typeof ACCURACY_FIGURES)[number];

export type AccuracySplit = { episodes: number; articles: number; gold: number; notInGold: number } & Record<AccuracyFigureName, AccuracyFigure> & {
    /** The two lexicons alone on the same found quotes. */
    baselines: { wink: AccuracyTone; vader: AccuracyTone };
  };

export const ACCURACY_SPLITS = ["seeds", "dev", "test"] as const;
export type AccuracySplitName = (typeof ACCURACY_SPLITS)[number];

export interface AccuracyFile {
  /** YYYY-MM-DD, the day the figures were measured. */
  measuredAt: string;
  /** The analysis that was measured (ANALYSIS_VERSION). */
  analysisVersion: string;
  command: string;
  splits: Partial<Record<AccuracySplitName, AccuracySplit>>;
}

export const FIGURE_NAMES: Record<AccuracyFigureName, string> = {
  found: "found (of gold)",
  speaker: "speaker",
  speakerCountry: "speaker country",
  target: "target",
  dayExact: "day exact (gold with a day)",
  datedWrongly: "dated wrongly (lower is better)",
  toneSign: "tone sign (non-neutral gold)",
  toneIntensity: "tone at intensity",
  label: "label",
  swings: "swings shown",
};

/** "293/445 · 66 % [61–70]", or "—" when nothing was counted. */
export function formatFigure(f: AccuracyFigure): string {
  if (f.of === 0 || f.low === null || f.high === null) return `${f.n}/${f.of} · —`;
  const pct = (x: number) => Math.round(x * 100);
  return `${f.n}/${f.of} · ${pct(f.n / f.of)} % [${pct(f.low)}–${pct(f.high)}]`;
}
