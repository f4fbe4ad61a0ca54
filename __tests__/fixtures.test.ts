import fs from "node:fs";
import path from "node:path";
import { ROOT, analyzeDir, findByQuote } from "./helpers/analysis";

// Invented leaders of real countries in five outlet styles (see __tests__/fixtures/README.md):
// how well the pipeline generalizes beyond the seed corpus.
interface Expected {
  published: Record<string, string | null>;
  statements: { quote: string; speaker: string; speakerCountry: string; target: string; date: string | null; label: string; sources: number }[];
}

const batches = fs.readdirSync(path.join(ROOT, "__tests__", "fixtures")).filter((name) => fs.existsSync(path.join(ROOT, "__tests__", "fixtures", name, "expected.json")));

const totals = { expected: 0, found: 0, speaker: 0, speakerCountry: 0, target: 0, date: 0, label: 0, published: 0, articles: 0 };
const lines: string[] = [];
for (const batch of batches) {
  const dir = path.join("__tests__", "fixtures", batch);
  const expected: Expected = JSON.parse(fs.readFileSync(path.join(ROOT, dir, "expected.json"), "utf8"));
  const { articles, scored } = analyzeDir(dir);
  for (const article of articles) {
    const file = path.basename(article.path);
    if (!(file in expected.published)) continue;
    totals.articles++;
    if (article.published === expected.published[file]) totals.published++;
    else lines.push(`  ${batch}/${file}: published ${article.published} (${article.publishedFrom}), expected ${expected.published[file]}`);
  }
  for (const want of expected.statements) {
    totals.expected++;
    const got = findByQuote(scored, want.quote)[0];
    if (!got) {
      lines.push(`  ${batch}: MISSED "${want.quote}" (${want.speaker})`);
      continue;
    }
    totals.found++;
    const same = (a: string | null, b: string | null) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
    const checks = {
      speaker: same(got.speaker, want.speaker),
      speakerCountry: same(got.speakerCountry, want.speakerCountry),
      target: same(got.target, want.target),
      date: got.date === want.date,
      label: got.label === want.label,
    };
    for (const [field, ok] of Object.entries(checks)) if (ok) totals[field as keyof typeof checks]++;
    const wrong = Object.entries(checks).filter(([, ok]) => !ok).map(([field]) => `${field}: ${JSON.stringify((got as any)[field])} ≠ ${JSON.stringify((want as any)[field])}`);
    if (wrong.length) lines.push(`  ${batch}: "${want.quote.slice(0, 40)}" ${wrong.join("; ")}`);
  }
}
const rate = (n: number, of = totals.found) => n / Math.max(1, of);

test("report on the fixture batches", () => {
  const pct = (n: number, of?: number) => `${(rate(n, of) * 100).toFixed(0)}%`;
  console.log(
    [
      `fixtures (invented people, written alongside the rules: a test of mechanics, not of accuracy; see npm run eval): ${batches.length} batches, ${totals.articles} articles, ${totals.expected} expected statements`,
      `found ${pct(totals.found, totals.expected)}; of those: speaker ${pct(totals.speaker)}, speaker country ${pct(totals.speakerCountry)}, target ${pct(totals.target)}, date ${pct(totals.date)}, label ${pct(totals.label)}; publication dates ${pct(totals.published, totals.articles)}`,
      ...lines,
    ].join("\n"),
  );
  expect(totals.expected).toBeGreaterThan(50);
});

test("finds most statements of unseen outlets and attributes them to the right speaker", () => {
  expect(rate(totals.found, totals.expected)).toBeGreaterThanOrEqual(0.9);
  expect(rate(totals.speaker)).toBeGreaterThanOrEqual(0.9);
});

test("labels, targets and dates mostly right", () => {
  expect(rate(totals.label)).toBeGreaterThanOrEqual(0.8);
  expect(rate(totals.target)).toBeGreaterThanOrEqual(0.85);
  expect(rate(totals.date)).toBeGreaterThanOrEqual(0.6);
  expect(rate(totals.published, totals.articles)).toBeGreaterThanOrEqual(0.8);
});
