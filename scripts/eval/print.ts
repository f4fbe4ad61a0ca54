// The eval's figures and failures as text.
import { explainContributions } from "../../lib/score/explain";
import type { ScoredStatement } from "../../lib/core/types";
import type { Figure, ToneFigures } from "./figures";
import type { EpisodeResult, EvalReport, Row, SplitFigures } from "./run";
import type { SplitName } from "./corpus";

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}`);

export function formatFigure(f: Figure): string {
  if (f.of === 0) return "–";
  return `${f.n}/${f.of} ${percent(f.rate)}% [${percent(f.low)}–${percent(f.high)}]`;
}

const PRODUCT_ROWS: [keyof SplitFigures, string][] = [
  ["found", "found (of gold)"],
  ["speaker", "speaker"],
  ["speakerCountry", "speaker country"],
  ["target", "target"],
  ["dayExact", "day exact (gold with a day)"],
  ["datedWrongly", "dated wrongly (lower is better)"],
];
const TONE_ROWS: [keyof ToneFigures, string][] = [
  ["toneSign", "tone sign (non-neutral gold)"],
  ["toneIntensity", "tone at intensity"],
  ["label", "label"],
];

const pad = (s: string, n: number) => s.padEnd(n);

export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  lines.push(`Real reports, the splits shown together: ${report.episodes} episodes, ${report.articles} articles, ${report.gold} gold statements.`);
  lines.push(`Product figures below "found" are out of the statements found; the baselines (lexicon score × ${report.baselineScale.vader}) read the same gold quotes.`);
  for (const [split, f] of Object.entries(report.splits) as [SplitName, SplitFigures][]) {
    const base = report.baselines[split]!;
    lines.push("");
    lines.push(`${split}: ${f.episodes} episodes, ${f.articles} articles, ${f.gold} gold statements`);
    lines.push(`  ${pad("", 32)}${pad("product", 24)}${pad("wink alone", 24)}VADER`);
    for (const [key, name] of PRODUCT_ROWS) lines.push(`  ${pad(name, 32)}${formatFigure(f[key] as Figure)}`);
    for (const [key, name] of TONE_ROWS) {
      lines.push(`  ${pad(name, 32)}${pad(formatFigure(f[key]), 24)}${pad(formatFigure(base.wink.found[key]), 24)}${formatFigure(base.vader.found[key])}`);
    }
    lines.push(`  ${pad("swings shown", 32)}${formatFigure(f.swings)}`);
    lines.push(`  ${pad("statements not in the gold", 32)}${f.notInGold}`);
  }
  return lines.join("\n");
}

function describeStatement(s: ScoredStatement): string {
  const when = s.date ?? (s.dateRange ? `${s.dateRange.from}…${s.dateRange.to}` : "no day");
  return `${s.speaker ?? "?"} (${s.speakerCountry ?? "?"}) → ${s.target ?? "none"}, ${when}, ${s.score.toFixed(2)} ${s.label}: "${s.text}"`;
}

function why(s: ScoredStatement): string {
  return explainContributions(s.contributions, s.features)
    .map((c) => `${c.name} ${c.value} × ${c.weight} = ${c.points.toFixed(2)}${c.evidence ? ` ("${c.evidence}"${c.modifiers.length ? `, ${c.modifiers.join(", ")}` : ""})` : ""}`)
    .join("; ");
}

function wrongIn(row: Row): string[] {
  if (!row.statement) return ["not found"];
  const wrong: string[] = [];
  if (!row.speaker) wrong.push("speaker");
  if (!row.speakerCountry) wrong.push("speaker country");
  if (!row.target) wrong.push("target");
  if (row.datedWrongly) wrong.push("dated wrongly");
  else if (!row.dayExact && row.gold.days !== null) wrong.push("day");
  if (!row.tone) wrong.push("tone");
  return wrong;
}

export function formatFailures(results: EpisodeResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const row of result.rows) {
      const wrong = wrongIn(row);
      if (wrong.length === 0) continue;
      const g = row.gold;
      const tone = g.label === "neutral" ? "neutral" : `${g.label} ${g.intensity}`;
      lines.push(`✗ ${row.episode} "${g.key}" — ${wrong.join(", ")}`);
      lines.push(`    gold:     ${g.speaker} (${g.speakerCountry}) → ${g.target ?? "none"}, ${g.days?.join(" or ") ?? "no day in the text"}, ${tone}, ${g.kind}, in ${g.reports.join(", ")}`);
      lines.push(`    sentence: ${row.sentence}`);
      if (row.statement) {
        lines.push(`    output:   ${describeStatement(row.statement)}`);
        lines.push(`    why:      ${why(row.statement)}`);
      }
      lines.push(`    baselines on "${row.words}": wink ${row.baselines.wink.toFixed(2)}, VADER ${row.baselines.vader.toFixed(2)}`);
    }
    for (const { swing, shown } of result.swings) {
      if (!shown) lines.push(`✗ ${result.episode.name} swing of ${swing.speaker} (hostile ${swing.hostileDays.join(", ")} → conciliatory ${swing.conciliatoryDays.join(", ")}) not shown`);
    }
  }
  return lines.join("\n");
}

const short = (f: Figure) => (f.of === 0 ? "–" : `${f.n}/${f.of} · ${percent(f.rate)} % [${percent(f.low)}–${percent(f.high)}]`);

/** The README's accuracy table: one column a split, the baselines under each tone figure. */
export function formatMarkdown(report: EvalReport): string {
  const splits = Object.entries(report.splits) as [SplitName, SplitFigures][];
  const header = splits.map(([name, f]) => `${name}: ${f.episodes} episodes, ${f.articles} reports, ${f.gold} gold`);
  const lines = [`| | ${header.join(" | ")} |`, `|---|${splits.map(() => "---").join("|")}|`];
  const row = (name: string, cells: string[]) => lines.push(`| ${name} | ${cells.join(" | ")} |`);
  for (const [key, name] of PRODUCT_ROWS) row(name, splits.map(([, f]) => short(f[key] as Figure)));
  for (const [key, name] of TONE_ROWS) {
    row(`**${name}**`, splits.map(([, f]) => `**${short(f[key])}**`));
    row("↳ wink alone", splits.map(([split]) => short(report.baselines[split]!.wink.found[key])));
    row("↳ VADER", splits.map(([split]) => short(report.baselines[split]!.vader.found[key])));
  }
  row("swings shown", splits.map(([, f]) => short(f.swings)));
  return lines.join("\n");
}
