// A statement's explanation as text, for `npm run explain`.
import type { StatementExplanation } from "../read/statement-explanation";
import { dayReadings } from "../core/day-readings";
import { citationOf, citationText } from "./citation";
import { formatDayOrRange, formatDisagreement, formatReport, formatScore, formatSourceWords } from "./format";

const MAX_PATTERNS = 6;

export function explanationText({ statement: s, contributions, rules, articles }: StatementExplanation): string {
  const lines = [
    `Statement ${s.id}`,
    `  “${s.text}”`,
    `  speaker ${s.speaker ?? "unknown"} (${s.speakerCountry ?? "no country"}) → ${s.target ?? "no target"}, said ${formatDayOrRange(s.date, s.dateRange, s.rangeFromPublication)}${s.rangeFromPublication ? ": no report gives a day, so the day before the earliest report through its day" : ""}`,
    `  score ${formatScore(s.score, 2)} (${s.label}${s.cameo ? `, CAMEO ${s.cameo}` : ""}) under weight set v${s.weightVersion}`,
    "",
    `Sources (${s.sources.length}):`,
    ...s.sources.flatMap((source, i) => [
      `  ${citationText(citationOf(articles[i] ?? { title: null, source: null, url: null, published: null, path: source.path }))} (${formatReport(source.direct)}${source.dateRange ? `, dates it ${formatDayOrRange(null, source.dateRange)}` : ""}): ${formatSourceWords(source.quote, source.direct)}`,
      `    in: ${source.context}`,
    ]),
    ...[formatDisagreement(dayReadings(s.sources))].filter((line): line is string => line !== null).map((line) => `  ${line[0].toUpperCase()}${line.slice(1)}; the statement keeps ${formatDayOrRange(s.date, s.dateRange)}.`),
    "",
    "Score = the sum of its contributions (value × weight = points):",
    ...contributions.map((c) => {
      const evidence = c.evidence ? `, matched “${c.evidence}”${c.modifiers.length ? ` (${c.modifiers.join(", ")})` : ""}` : "";
      return `  ${c.name}: ${c.value} × ${c.weight} = ${formatScore(c.points, 2)}${c.cameo ? ` [CAMEO ${c.cameo}]` : ""}${evidence}`;
    }),
    `  total ${formatScore(contributions.reduce((sum, c) => sum + c.points, 0), 2)}`,
  ];
  if (rules.length) {
    lines.push("", "Rules that fired, as lib/data/rules.json defines them:");
    for (const { rule, cues } of rules) {
      lines.push(`  ${rule.id} — ${rule.name} (CAMEO ${rule.cameo}): ${rule.explanation}`);
      lines.push(`    needs ${rule.requires.map((r) => `${[r.cue].flat().join(" or ")} in ${r.in}`).join(" and ")}`);
      for (const cue of cues) {
        const more = cue.patterns.length > MAX_PATTERNS ? ` … (${cue.patterns.length - MAX_PATTERNS} more)` : "";
        lines.push(`    cue ${cue.id} (${cue.explanation}): ${cue.patterns.slice(0, MAX_PATTERNS).join(" | ")}${more}`);
      }
    }
  }
  return lines.join("\n");
}
