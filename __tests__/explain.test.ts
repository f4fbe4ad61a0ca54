// `npm run explain`: a stored statement's explanation adds up to its score and names the
// data-file entries of the rules that fired.
import { analyzeBatch } from "../lib/ingest/batch";
import { explainStatement } from "../lib/read/statement-explanation";
import { ingestBatch } from "../lib/store/ingest";
import { explanationText } from "../lib/view/statement-explanation";
import { formatDayOrRange } from "../lib/view/format";
import { citationOf, citationText } from "../lib/view/citation";
import { readDir } from "./helpers/analysis";
import { sqliteBackend, type Backend } from "./helpers/backends";

let backend: Backend;
let statementIds: string[];

beforeAll(async () => {
  backend = await sqliteBackend();
  const batch = analyzeBatch(readDir("__tests__/fixtures/korea-missile-summit"));
  await ingestBatch(backend.prisma, batch);
  statementIds = batch.statements.map((s) => s.id);
});
afterAll(() => backend.cleanup());

test("every stored statement's contributions sum to its score, with each fired rule's entry", async () => {
  for (const id of statementIds) {
    const explanation = (await explainStatement(backend.prisma, id))!;
    const total = explanation.contributions.reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(total - explanation.statement.score)).toBeLessThan(0.005);
    const fired = new Set(explanation.statement.features.hits.map((hit) => hit.rule));
    expect(explanation.rules.map((r) => r.rule.id).sort()).toEqual([...fired].sort());
    for (const { cues } of explanation.rules) for (const cue of cues) expect(cue.patterns.length).toBeGreaterThan(0);
  }
});

test("a unique id prefix finds the statement; an unknown id finds nothing", async () => {
  const id = statementIds[0];
  expect((await explainStatement(backend.prisma, id.slice(0, 8)))?.statement.id).toBe(id);
  expect(await explainStatement(backend.prisma, "not-an-id")).toBeNull();
});

test("the text names the words, every source and each contribution's arithmetic", async () => {
  const withRule = [];
  for (const id of statementIds) {
    const explanation = (await explainStatement(backend.prisma, id))!;
    if (explanation.rules.length) withRule.push(explanation);
  }
  expect(withRule.length).toBeGreaterThan(0);
  const explanation = withRule[0];
  const text = explanationText(explanation);
  expect(text).toContain(explanation.statement.text);
  for (const source of explanation.statement.sources) expect(text).toContain(source.quote);
  for (const c of explanation.contributions) expect(text).toContain(`${c.name}: ${c.value} × ${c.weight}`);
  expect(text).toContain(`${explanation.rules[0].rule.id} — ${explanation.rules[0].rule.name}`);
});

test("the text says of each source whether it quotes the words or reports them", async () => {
  const seeds = analyzeBatch(readDir("seeds"));
  await ingestBatch(backend.prisma, seeds);
  const seen = new Set<boolean | null>();
  for (const { id } of seeds.statements) {
    const explanation = (await explainStatement(backend.prisma, id))!;
    const text = explanationText(explanation);
    explanation.statement.sources.forEach((source, i) => {
      seen.add(source.direct);
      const dates = source.dateRange ? `, dates it ${formatDayOrRange(null, source.dateRange)}` : "";
      // A seed has no front matter: it is cited by its headline (and day), never by its file.
      const cited = citationText(citationOf(explanation.articles[i]!));
      expect(cited).not.toContain(source.path);
      expect(text).toContain(source.direct ? `${cited} (quoted${dates}): “${source.quote}”` : `${cited} (reported speech${dates}): ${source.quote}\n`);
    });
  }
  expect(seen).toEqual(new Set([true, false]));
});

test("reports that disagree on the day, as many behind each, leave a range and both readings in the text", async () => {
  const report = (path: string, when: string) => ({
    path,
    bytes: Buffer.from(`---\ndate: 2024-05-08\nsource: ${path}\n---\nOslo rejects quotas\n\nNorwegian Prime Minister Ola Berg${when} said Sweden's new quotas were "a blow to every fisherman on our coast".\n`),
  });
  const batch = analyzeBatch([report("monday.txt", " on Monday"), report("tuesday.txt", " on Tuesday"), report("undated.txt", "")]);
  const [statement] = batch.statements.filter((s) => s.text.includes("a blow to every fisherman"));
  expect(statement.sources).toHaveLength(3);
  expect(statement.dateRange).toEqual({ from: "2024-05-06", to: "2024-05-07" });
  await ingestBatch(backend.prisma, batch);
  const text = explanationText((await explainStatement(backend.prisma, statement.id))!);
  expect(text).toContain("The reports disagree on the day: 6 May 2024 (1 report), 7 May 2024 (1 report); the statement keeps 6 May 2024 – 7 May 2024.");
  // Cited from front matter: outlet, title, publication day.
  expect(text).toContain("monday.txt, “Oslo rejects quotas”, 8 May 2024 (quoted, dates it 6 May 2024)");
});
