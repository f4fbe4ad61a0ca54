// The real-report corpus is what the issue asks of it: real reports with their sources, gold whose
// key phrases are in the reports, splits fixed by their rule, no excluded episode.
import fs from "node:fs";
import path from "node:path";
import { CORPUS_DIR, readEpisode, readSplits, splitOfEpisode } from "../scripts/eval/corpus";
import { canonicalName, fold, knownCountry } from "../scripts/eval/match";
import { reportSource, SOURCES_FILE, sourcesMarkdown } from "../scripts/eval/sources";

const splits = readSplits();
const folders = fs.readdirSync(CORPUS_DIR).filter((name) => fs.statSync(path.join(CORPUS_DIR, name)).isDirectory());
const realEpisodes = [...splits.dev, ...splits.test].map((name) => readEpisode(name));

/** Pairs of countries (and years, when only some years are excluded) kept for checks nobody here sees. */
const EXCLUDED: { pair: [string, string]; years?: number[] }[] = [
  { pair: ["United States", "Colombia"] },
  { pair: ["United States", "North Korea"] },
  { pair: ["Russia", "Turkey"], years: [2015, 2016] },
  { pair: ["India", "Pakistan"], years: [2019] },
  { pair: ["United States", "Turkey"], years: [2018] },
  { pair: ["Greece", "Turkey"], years: [2022, 2023] },
];

describe("real-report corpus", () => {
  test("every episode folder is in one split, the one its rule gives", () => {
    const listed = [...splits.dev, ...splits.test, ...splits.seeds];
    expect([...listed].sort()).toEqual([...folders].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const name of splits.dev) expect([name, splitOfEpisode(name)]).toEqual([name, "dev"]);
    for (const name of splits.test) expect([name, splitOfEpisode(name)]).toEqual([name, "test"]);
  });

  test("at least 60 reports, 10 episodes, 12 countries and 250 gold statements", () => {
    const reports = realEpisodes.reduce((sum, e) => sum + e.reports.length, 0);
    const gold = realEpisodes.reduce((sum, e) => sum + e.gold.statements.length, 0);
    const countries = new Set(realEpisodes.flatMap((e) => e.gold.countries.map(canonicalName)));
    expect({ reports: reports >= 60, episodes: realEpisodes.length >= 10, countries: countries.size >= 12, gold: gold >= 250 }).toEqual({
      reports: true,
      episodes: true,
      countries: true,
      gold: true,
    });
  });

  test("no excluded episode, and every episode within 2000–2025", () => {
    for (const episode of realEpisodes) {
      const year = Number(episode.name.match(/(\d{4})$/)?.[1]);
      expect([episode.name, year >= 2000 && year <= 2025]).toEqual([episode.name, true]);
      const countries = new Set(episode.gold.countries.map(canonicalName));
      for (const { pair, years } of EXCLUDED) {
        const excluded = pair.every((c) => countries.has(canonicalName(c))) && (!years || years.includes(year));
        expect([episode.name, excluded]).toEqual([episode.name, false]);
      }
    }
  });

  test("every report has its day, outlet, address and title", () => {
    for (const episode of realEpisodes) {
      for (const report of episode.reports) {
        const s = reportSource(episode.name, report.path, report.bytes);
        expect([s.file, /^\d{4}-\d{2}-\d{2}$/.test(s.date), s.source !== "", /^https?:\/\//.test(s.url), s.title !== ""]).toEqual([s.file, true, true, true, true]);
      }
    }
  });

  test("every gold key is in the first report it lists, countries the gazetteer knows, intensity only on a tone", () => {
    for (const episode of [...realEpisodes, ...splits.seeds.map((name) => readEpisode(name))]) {
      const texts = new Map(episode.reports.map((r) => [r.path, fold(r.bytes.toString("utf8"))]));
      for (const statement of episode.gold.statements) {
        expect([episode.name, statement.key, texts.get(statement.reports[0])!.includes(fold(statement.key))]).toEqual([episode.name, statement.key, true]);
        const countries = [statement.speakerCountry, statement.target].filter((c) => c !== null);
        expect([statement.key, countries.filter((c) => knownCountry(c) === null)]).toEqual([statement.key, []]);
        expect([statement.key, statement.label === "neutral" ? statement.intensity === null : statement.intensity !== null]).toEqual([statement.key, true]);
      }
    }
  });

  test("SOURCES.md lists every report as its front matter gives it (npm run eval:sources)", () => {
    expect(fs.readFileSync(SOURCES_FILE, "utf8")).toBe(sourcesMarkdown());
  });
});
