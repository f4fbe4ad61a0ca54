import { canonicalCountry, countryOf, findCountryMentions, findTitles } from "../lib/ingest/gazetteer";
import { analyzeBatch } from "../lib/ingest/batch";
import { defaultWeights, scoreFeatures } from "../lib/score";
import { featuresOfSentence } from "../lib/ingest/features";
import type { ScoredStatement } from "../lib/core/types";
import data from "../scripts/bench/corpus-data.json";
import { CORPUS_SEED, TONES, generateArticle, generateCorpus, type GeneratedArticle, type IntendedStatement } from "../scripts/bench/corpus";
import { scoreStatements } from "../lib/score";

// The synthetic benchmark corpus (scripts/bench/corpus.ts): deterministic, sliceable, varied, and
// written so that the pipeline reads it the way the generator meant it.

const FORBIDDEN = [/\bTrump\b/, /\bPetro\b/, /\bMaduro\b/, /\bColombia/, /great hono(u)?r/i, /sounds good to me/i, /cocaine mills/i, /take up arms/i];

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("determinism", () => {
  test("the same seed gives the same bytes, another seed another corpus", () => {
    const first = generateCorpus(40);
    expect(generateCorpus(40)).toEqual(first);
    expect(generateCorpus(40, CORPUS_SEED)).toEqual(first);
    const other = generateCorpus(40, CORPUS_SEED + 1);
    const same = other.filter((article, i) => article.text === first[i].text).length;
    expect(same).toBe(0);
    expect(other.map((a) => a.path)).toEqual(first.map((a) => a.path));
  });

  test("an article does not depend on the others, their order or other seeds generated before", () => {
    const corpus = generateCorpus(60, 7);
    for (const i of [59, 0, 31, 17]) expect(generateArticle(i, 7)).toEqual(corpus[i]);
    const alone = generateArticle(123_456, 99);
    generateCorpus(5, 3);
    generateCorpus(5, 4);
    expect(generateArticle(123_456, 99)).toEqual(alone);
    expect(alone.path).toBe("synthetic/123456.txt");
  });

  test("indexes must be non-negative integers", () => {
    expect(() => generateArticle(-1)).toThrow(/non-negative integer/);
    expect(() => generateArticle(1.5)).toThrow(/non-negative integer/);
  });
});

describe("shape and variety", () => {
  const corpus = generateCorpus(200);

  test("articles: headline, paragraphs, 300–700 words, 4–8 statements by 2–4 officials, dates in 2025-01-01 … 2026-06-30", () => {
    for (const article of corpus) {
      expect(article.path).toMatch(/^synthetic\/\d{6}\.txt$/);
      expect(words(article.text)).toBeGreaterThanOrEqual(300);
      expect(words(article.text)).toBeLessThanOrEqual(700);
      expect(article.text).toMatch(/\n\n/);
      expect(article.intended.length).toBeGreaterThanOrEqual(4);
      expect(article.intended.length).toBeLessThanOrEqual(8);
      const people = new Set(article.intended.filter((s) => !/ministry|government/.test(s.speaker)).map((s) => s.speaker));
      expect(people.size).toBeGreaterThanOrEqual(2);
      expect(people.size).toBeLessThanOrEqual(4);
      expect(new Set(article.intended.flatMap((s) => [s.speakerCountry, s.target])).size).toBe(2);
      for (const s of article.intended) {
        expect(s.date >= "2025-01-01" && s.date <= "2026-06-30").toBe(true);
        expect(s.date <= article.published).toBe(true);
      }
      expect(article.published >= "2025-01-01" && article.published <= "2026-06-30").toBe(true);
    }
  });

  test("many speakers, countries, days and outlets", () => {
    const statements = corpus.flatMap((a) => a.intended);
    expect(new Set(statements.map((s) => s.speaker)).size).toBeGreaterThan(150);
    expect(new Set(statements.map((s) => s.speakerCountry)).size).toBeGreaterThan(40);
    expect(new Set(corpus.map((a) => `${a.intended[0].speakerCountry}>${a.intended[0].target}`)).size).toBeGreaterThan(100);
    expect(new Set(statements.map((s) => s.date)).size).toBeGreaterThan(250);
    expect(new Set(corpus.map((a) => a.published.slice(0, 7))).size).toBe(18);
    for (const tone of TONES) expect(statements.filter((s) => s.tone === tone).length / statements.length).toBeGreaterThan(0.2);
    for (const kind of ["quote", "partial", "reported"]) expect(statements.some((s) => s.kind === kind)).toBe(true);
    // Outlet styles: front matter, wire datelines, a BBC date line, curly and straight quotes, hard-wrapped lines.
    const texts = corpus.map((a) => a.text);
    expect(texts.filter((t) => t.startsWith("---\n")).length).toBeGreaterThan(50);
    expect(texts.some((t) => /^[A-Z .]+, [A-Z][a-z]+ \d{1,2} \(Reuters\) - /m.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{1,2} [A-Z][a-z]+ 20\d\d$/m.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("“"))).toBe(true);
    expect(texts.some((t) => /(^|\s)"\p{Lu}/mu.test(t))).toBe(true);
    expect(texts.some((t) => t.split("\n").every((line) => line.length <= 100))).toBe(true);
  });

  test("none of the seed articles' people, phrases or pair", () => {
    const all = [JSON.stringify(data), ...corpus.map((a) => a.text)];
    for (const text of all) for (const pattern of FORBIDDEN) expect(text).not.toMatch(pattern);
  });
});

describe("vocabulary", () => {
  test("enough names from many cultures", () => {
    const pools = Object.values(data.namePools);
    expect(pools.length).toBeGreaterThanOrEqual(10);
    expect(pools.reduce((n, p) => n + p.male.length + p.female.length, 0)).toBeGreaterThanOrEqual(60);
    expect(pools.reduce((n, p) => n + p.family.length, 0)).toBeGreaterThanOrEqual(60);
    // Analysts' family names are nobody's in government: a batch must never take one for an official.
    const officials = new Set(pools.flatMap((p) => p.family));
    for (const family of data.analysts.family) expect(officials.has(family)).toBe(false);
  });

  test("every country, demonym and capital is one the gazetteer knows", () => {
    expect(data.countries.length).toBeGreaterThanOrEqual(40);
    for (const c of data.countries) {
      expect(canonicalCountry(c.name)).toBe(c.name);
      expect(countryOf(c.demonym)).toBe(c.name);
      // As printed: "talks in The Hague", "the Dutch side", a dateline in capitals.
      for (const text of [`talks in ${c.capital} ended`, `the ${c.demonym} side`, `${c.capital.toUpperCase()}, March 3 (Reuters) -`]) {
        expect(findCountryMentions(text).map((m) => m.country)).toEqual([c.name]);
      }
      expect(Object.keys(data.namePools)).toContain(c.names);
    }
  });

  test("every title is one lib/data/titles.json knows", () => {
    const titles = new Set(
      [
        ...data.countries.map((c) => c.head),
        ...Object.values(data.roles).flatMap((r) => [r.title, (r as { us?: string }).us]),
        ...data.countries.flatMap((c) => Object.values((c as { titles?: Record<string, string | null> }).titles ?? {})),
      ].filter((title): title is string => Boolean(title)),
    );
    expect(titles.size).toBeGreaterThan(10);
    for (const title of titles) {
      // The whole title is one match ("State Department spokesperson", not "spokesperson" after a name).
      expect(findTitles(`the ${title} said`).map((t) => t.text)).toContain(title);
    }
  });

  /**
   * Neutral templates holding a word wink's lexicon rates ("matter", "expect", "usual", "still"…):
   * at the lexicon's full weight they lean; one holds a verb CAMEO scores below zero ("examining"
   * the incident: investigate, 090). Listed so that the test fails when another template goes
   * astray, and when one of these is read right again.
   */
  const LEXICON_MISREADINGS = [
    "neutral, scored hostile: Our experts are still examining the details of the incident.",
    "neutral, scored conciliatory: The investigation is ongoing, and its findings will be shared in due course.",
    "neutral, scored conciliatory: We expect the report to be ready by the end of the month.",
    "neutral, scored hostile: no decision had been taken on the matter",
  ];

  test("every statement template scores with its tone on its own (cues that lib/data/rules.json fires on), but for the lexicon's known misreadings", () => {
    const slots: Record<string, string> = {
      target: "Uganda", targetPoss: "Uganda's", targetDemonym: "Ugandan", targetCapital: "Kampala",
      country: "Kenya", countryPoss: "Kenya's", demonym: "Kenyan", capital: "Nairobi", pron: "he", poss: "his",
    };
    const filled = (template: string) => template.replace(/\{(\w)(\w*)\}/g, (_, first: string, rest: string) => {
      const value = slots[first.toLowerCase() + rest];
      return first === first.toUpperCase() ? value[0].toUpperCase() + value.slice(1) : value;
    });
    const weights = defaultWeights();
    const wrong: string[] = [];
    for (const tone of TONES) {
      const words = [
        ...data.quotes[tone],
        ...data.partials.noun[tone],
        ...data.partials.adjective[tone],
        ...data.reported[tone],
        ...(tone === "neutral" ? [] : [...data.acts[tone], ...data.infinitives[tone]]),
      ];
      for (const template of words) {
        const score = scoreFeatures(featuresOfSentence(`“${filled(template)}”`), weights);
        if (score.label !== tone) wrong.push(`${tone}, scored ${score.label}: ${template}`);
      }
    }
    expect(wrong).toEqual(LEXICON_MISREADINGS);
  });
});

describe("the pipeline reads the corpus as written", () => {
  const corpus = generateCorpus(100);
  let scored: ScoredStatement[] = [];
  let rejected = 0;
  const byPath = new Map(corpus.map((a) => [a.path, a]));

  beforeAll(() => {
    const result = analyzeBatch(corpus.map((a) => ({ path: a.path, bytes: Buffer.from(a.text) })));
    rejected = result.rejected.length;
    scored = scoreStatements(result.statements, defaultWeights());
  });

  const normalize = (s: string) => s.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

  /** The generator's statement behind an extracted one: same words (one containing the other), preferably the same speaker. */
  function intendedFor(statement: ScoredStatement, article: GeneratedArticle): IntendedStatement | undefined {
    const text = normalize(statement.text);
    const candidates = article.intended.filter((i) => {
      const words = normalize(i.text);
      return words.includes(text) || text.includes(words);
    });
    candidates.sort((x, y) => Math.abs(normalize(x.text).length - text.length) - Math.abs(normalize(y.text).length - text.length));
    return candidates.find((i) => i.speaker.toLowerCase() === (statement.speaker ?? "").toLowerCase()) ?? candidates[0];
  }

  test("statements with speaker, country, target and date; all three labels; the intended tone", () => {
    expect(rejected).toBe(0);
    const complete = scored.filter((s) => s.speaker && s.speakerCountry && s.target && s.date);
    const perArticle = complete.length / corpus.length;
    const share = (label: string) => scored.filter((s) => s.label === label).length / scored.length;
    let matched = 0;
    let agree = 0;
    let sameSpeaker = 0;
    let sameDate = 0;
    let sameTarget = 0;
    for (const statement of scored) {
      const intended = intendedFor(statement, byPath.get(statement.sources[0].path)!);
      if (!intended) continue;
      matched++;
      if (intended.tone === statement.label) agree++;
      if (intended.speaker.toLowerCase() === (statement.speaker ?? "").toLowerCase()) sameSpeaker++;
      if (intended.date === statement.date) sameDate++;
      if (intended.target === statement.target) sameTarget++;
    }
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
    console.log(
      [
        `bench corpus: ${corpus.length} articles, ${scored.length} statements (${(scored.length / corpus.length).toFixed(2)}/article), ${perArticle.toFixed(2)}/article with speaker, country, target and date`,
        `labels: hostile ${pct(share("hostile") * scored.length, scored.length)}, neutral ${pct(share("neutral") * scored.length, scored.length)}, conciliatory ${pct(share("conciliatory") * scored.length, scored.length)}`,
        `matched to the generator's statements ${pct(matched, scored.length)}; of those: tone ${pct(agree, matched)}, speaker ${pct(sameSpeaker, matched)}, target ${pct(sameTarget, matched)}, date ${pct(sameDate, matched)}`,
      ].join("\n"),
    );
    expect(perArticle).toBeGreaterThanOrEqual(3);
    for (const label of TONES) expect(share(label)).toBeGreaterThanOrEqual(0.15);
    expect(matched / scored.length).toBeGreaterThanOrEqual(0.9);
    expect(agree / matched).toBeGreaterThanOrEqual(0.7);
  });

  test("analysts and residents never become statements", () => {
    const nonOfficials = new Set(corpus.flatMap((a) => a.nonOfficials.map((name) => name.toLowerCase())));
    expect(nonOfficials.size).toBeGreaterThan(50);
    expect(scored.filter((s) => s.speaker && nonOfficials.has(s.speaker.toLowerCase()))).toEqual([]);
  });

  test("publication days as generated", () => {
    const result = analyzeBatch(corpus.slice(0, 30).map((a) => ({ path: a.path, bytes: Buffer.from(a.text) })));
    for (const article of result.articles) expect(article.published).toBe(byPath.get(article.path)!.published);
  });
});

test("fast: thousands of articles a second", () => {
  const started = performance.now();
  const count = 5000;
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes += generateArticle(i).text.length;
  const seconds = (performance.now() - started) / 1000;
  console.log(`bench corpus: generated ${count} articles (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s`);
  // ≈ 0.1 ms an article under tsx (100,000 in ≈ 11 s), ≈ 0.3 ms inside jest; the bound leaves room for slow machines.
  expect(seconds).toBeLessThan(10);
});
