import gold from "./gold/seed-statements.json";
import { analyzeDir, findByQuote, folded } from "./helpers/analysis";
import { labelFor } from "../lib/score";
import { lexiconSentiment } from "../lib/ingest/nlp";
import type { Label, ScoredStatement } from "../lib/core/types";

const { articles, scored, rejected } = analyzeDir("seeds");

const only = (quote: string): ScoredStatement => {
  const found = findByQuote(scored, quote);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("seed corpus: the January 2026 swing", () => {
  test("every seed is read and dated, undated ones from the rest of the batch", () => {
    expect(rejected).toEqual([]);
    const dates = Object.fromEntries(articles.map((a) => [a.path.split("/").pop(), [a.published, a.publishedFrom]]));
    expect(dates["000_962fe54d40122f37.txt"]).toEqual(["2026-01-07", "text"]);
    expect(dates["001_e3b96cc3e5365f60.txt"]).toEqual(["2026-01-09", "dateline"]);
    expect(dates["002_ab20239234824947.txt"]).toEqual(["2026-01-07", "batch"]);
    expect(dates["003_881e0bc62006a258.txt"]).toEqual(["2026-01-07", "batch"]);
    expect(dates["004_4d5f3449409cf03d.txt"]).toEqual(["2026-01-08", "dateline"]);
  });

  test('"sounds good": Trump on 2026-01-04, hostile because of the question it answers', () => {
    const s = only("sounds good");
    expect(s).toMatchObject({ speaker: "Donald Trump", date: "2026-01-04", speakerCountry: "United States", target: "Colombia" });
    expect(s.score).toBeLessThanOrEqual(-3);
    expect(s.features.hits.map((h) => h.rule)).toContain("endorse_force");
  });

  test('"Great Honor": one statement across the articles, Trump on 2026-01-07, conciliatory', () => {
    const s = only("Great Honor");
    expect(s).toMatchObject({ speaker: "Donald Trump", date: "2026-01-07" });
    expect(s.score).toBeGreaterThanOrEqual(3);
    expect(new Set(s.sources.map((source) => source.path)).size).toBe(5);
  });

  test('"appreciated his call": Trump on 2026-01-07, ≥ +3', () => {
    const s = only("appreciated his call");
    expect(s).toMatchObject({ speaker: "Donald Trump", date: "2026-01-07" });
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  test('"take up arms": Petro on 2026-01-05, ≤ -3', () => {
    const s = only("take up arms");
    expect(s).toMatchObject({ speaker: "Gustavo Petro", date: "2026-01-05", speakerCountry: "Colombia", target: "United States" });
    expect(s.score).toBeLessThanOrEqual(-3);
  });

  test('"cocaine mills": Trump on 2026-01-04, ≤ -1.5', () => {
    const s = only("cocaine mills");
    expect(s).toMatchObject({ speaker: "Donald Trump", date: "2026-01-04" });
    expect(s.score).toBeLessThanOrEqual(-1.5);
  });

  test("Trump's mean score swings from ≤ -3 on 2026-01-04 to ≥ +3 on 2026-01-07", () => {
    const mean = (date: string) => {
      const day = scored.filter((s) => s.speaker === "Donald Trump" && s.date === date);
      expect(day.length).toBeGreaterThan(0);
      return day.reduce((sum, s) => sum + s.score, 0) / day.length;
    };
    expect(mean("2026-01-04")).toBeLessThanOrEqual(-3);
    expect(mean("2026-01-07")).toBeGreaterThanOrEqual(3);
  });

  test("every explanation adds up to its score", () => {
    for (const s of scored) {
      const sum = s.contributions.reduce((total, c) => total + c.points, 0);
      expect(Math.abs(sum - s.score)).toBeLessThan(0.005);
    }
  });

  test("a statement whose attribution gives no day takes its article's occasion, never the publication day", () => {
    // Published 9 January; its lede: "Trump announced on Wednesday" (7 January).
    const catastrophe = only("catastrophe");
    expect(catastrophe.date).toBe("2026-01-07");
    expect(catastrophe.speaker).toBe("Mauricio Jaramillo");
  });
});

describe("gold statements: precision and recall against __tests__/gold/seed-statements.json", () => {
  const winkLabel = (s: ScoredStatement): Label => labelFor(lexiconSentiment(s.text), { hostile: -0.05, conciliatory: 0.05 });
  // A key inside a longer key ("cocaine trafficking" in "accusing him of cocaine trafficking") leaves that one's statement to it.
  const longerKeys = (quote: string) => gold.statements.filter((g) => g.quote.length > quote.length && folded(g.quote).includes(folded(quote)));
  const findGold = (quote: string) => findByQuote(scored, quote).filter((s) => !longerKeys(quote).some((g) => findByQuote([s], g.quote).length > 0));
  const rows = gold.statements.map((g) => ({ gold: g, found: findGold(g.quote) }));
  const matched = rows.filter((r) => r.found.length > 0);
  const goldFor = (s: ScoredStatement) => gold.statements.some((g) => findByQuote([s], g.quote).length > 0);
  const recall = matched.length / rows.length;
  const precision = scored.filter(goldFor).length / scored.length;
  const rate = (ok: (r: (typeof matched)[number]) => boolean) => matched.filter(ok).length / matched.length;
  const speakerAccuracy = rate((r) => r.found[0].speaker === r.gold.speaker);
  // Among statements whose day the text gives, as the real-report eval counts it.
  const dateAccuracy = matched.filter((r) => r.gold.date && r.found[0].date === r.gold.date).length / matched.filter((r) => r.gold.date).length;
  const labelAccuracy = rate((r) => r.found[0].label === r.gold.label);
  const winkAccuracy = rate((r) => winkLabel(r.found[0]) === r.gold.label);
  const duplicates = matched.filter((r) => r.found.length > 1).map((r) => r.gold.quote);

  test("report", () => {
    const lines = rows.map((r) => {
      const s = r.found[0];
      if (!s) return `  MISSED  ${r.gold.quote}`;
      const mark = (ok: boolean) => (ok ? " " : "✗");
      return `  ${mark(s.speaker === r.gold.speaker)}${mark(s.date === r.gold.date)}${mark(s.label === r.gold.label)} ${r.gold.quote.padEnd(40)} ${String(s.speaker).padEnd(28)} ${String(s.date).padEnd(10)} ${s.label.padEnd(12)} rules ${s.score.toFixed(2).padStart(6)}  wink-only ${winkLabel(s)} (${lexiconSentiment(s.text).toFixed(2)})`;
    });
    console.log(
      [
        `gold statements: ${rows.length}, extracted: ${scored.length}`,
        `precision ${(precision * 100).toFixed(0)}%  recall ${(recall * 100).toFixed(0)}%`,
        `on matched statements: speaker ${(speakerAccuracy * 100).toFixed(0)}%  date ${(dateAccuracy * 100).toFixed(0)}%  label ${(labelAccuracy * 100).toFixed(0)}% (rules) vs ${(winkAccuracy * 100).toFixed(0)}% (raw wink sentiment alone)`,
        "  (columns: ✗ marks a wrong speaker, date, label)",
        ...lines,
      ].join("\n"),
    );
    expect(rows.length).toBeGreaterThan(20);
  });

  test("finds the statements and little else", () => {
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(duplicates).toEqual([]);
  });

  test("attributes them to the right speaker and day", () => {
    expect(speakerAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(dateAccuracy).toBeGreaterThanOrEqual(0.7);
  });

  test("labels them far better than raw wink sentiment alone", () => {
    expect(labelAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(labelAccuracy - winkAccuracy).toBeGreaterThanOrEqual(0.25);
    const soundsGood = matched.find((r) => r.gold.quote === "sounds good")!.found[0];
    expect(winkLabel(soundsGood)).toBe("conciliatory"); // what the lexicon alone gets wrong
    expect(soundsGood.label).toBe("hostile");
  });
});
