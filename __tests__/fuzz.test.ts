// Property-based fuzzing of the three doors anything enters by: a file's bytes (parseArticle), a
// batch of articles (analyzeBatch and the scores of what it finds) and a weight set with features
// (parseWeightSet, scoreFeatures). Whatever comes in: no crash, no hang (each call within a time
// bound that grows with its input's size), every rejection a clear message, every score within
// ±10 with an explanation that adds up to it. Seeded: a failure replays the same way.
import fc from "fast-check";
import { analyzeBatch } from "../lib/ingest/batch";
import { InputRejected, MAX_PARAGRAPH_CHARS, parseArticle } from "../lib/ingest/input";
import { isSameWording, WordingIndex } from "../lib/ingest/merge";
import { defaultWeights, scoreFeatures, scoreStatements, SCORE_LIMIT } from "../lib/score";
import { parseWeightSet } from "../lib/score/weights";
import { RULES } from "../lib/core/rules";
import { isValidISODate } from "../lib/core/days";
import type { Features, Score } from "../lib/core/types";

const SEED = 20261207;
let inputsTried = 0;

/** Runs `property` on `runs` inputs of `arbitrary`, counting them. */
function check<T>(arbitrary: fc.Arbitrary<T>, runs: number, property: (value: T) => void): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      inputsTried++;
      property(value);
    }),
    { numRuns: runs, seed: SEED },
  );
}

/**
 * How long a call on `bytes` of input may take: far above what it takes (a few microseconds a
 * byte), so that only a hang or a cost that grows faster than the input fails it, not a busy machine.
 */
const timeBoundMs = (bytes: number, perByteMs: number) => 3000 + bytes * perByteMs;

function timed<T>(bytes: number, perByteMs: number, run: () => T): T {
  const start = performance.now();
  const result = run();
  expect(performance.now() - start).toBeLessThan(timeBoundMs(bytes, perByteMs));
  return result;
}

/** parseArticle's outcome: an article, or an InputRejected naming the file and the problem. Anything else fails. */
function parseOrRejection(path: string, bytes: Buffer) {
  try {
    return timed(bytes.length, 0.01, () => parseArticle(path, bytes));
  } catch (error) {
    expect(error).toBeInstanceOf(InputRejected);
    const rejection = error as InputRejected;
    expect(rejection.reason.trim()).not.toBe("");
    expect(rejection.message).toBe(`${path}: ${rejection.reason}`);
    return rejection;
  }
}

function expectWellFormedArticle(article: ReturnType<typeof parseArticle>): void {
  expect(article.paragraphs.length).toBeGreaterThan(0);
  // One expect for all: a file may hold a hundred thousand paragraphs.
  expect(article.paragraphs.filter((p) => p.length === 0 || p.length > MAX_PARAGRAPH_CHARS || p.includes("\n"))).toEqual([]);
  expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  if (article.published !== null) expect(isValidISODate(article.published)).toBe(true);
}

function checkParse(bytes: Buffer): void {
  const outcome = parseOrRejection("fuzz.txt", bytes);
  if (!(outcome instanceof InputRejected)) expectWellFormedArticle(outcome);
}

// ---------------------------------------------------------------------------------------------
// Input

const WORDS = ["border", "talks", "we", "will", "never", "accept", "peace", "sanctions", "the", "river", "attack", "ready", "to", "resume", "dialogue", "Norway", "Sweden", "Oslo"];
const word = fc.constantFrom(...WORDS);
const line = fc.array(word, { minLength: 0, maxLength: 14 }).map((words) => words.join(" "));

const YAML_LINES = [
  "date: 2026-03-01",
  "date: 2026-02-30",
  "date: yes",
  "date: [1, 2]",
  "date: '2026-3-9'",
  "title: Border talks",
  "title: {a: 1}",
  "source: 12",
  "url: https://example.org/a",
  "key: value: other",
  "- a list item",
  "  indented: true",
  "\tbad: tab",
  ": no key",
  "date:",
];
const frontMatter = fc
  .tuple(fc.constantFrom("---", "---yaml", "---js", "--- ", "----", "---json"), fc.array(fc.oneof(fc.constantFrom(...YAML_LINES), line), { maxLength: 6 }), fc.constantFrom("---", "", "--- ", "..."))
  .map(([open, lines, close]) => [open, ...lines, close].join("\n"));

const body = fc.array(fc.oneof(line, fc.constantFrom("", " ", "\t", "<p>", "</div>", "<html>", "Oslo, March 3 (Reuters) -", "March 3, 2026", "• item", "“quoted words”")), { maxLength: 20 }).map((lines) => lines.join("\n"));

/** Text in one of the encodings a file may come in, or UTF-8 with bytes spliced in. */
const encoded = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom("utf8", "utf8-bom", "utf16le", "utf16le-bom", "utf16be-bom", "latin1", "spliced"), fc.uint8Array({ maxLength: 8 }), fc.nat())
  .map(([text, encoding, bytes, at]) => {
    switch (encoding) {
      case "utf8":
        return Buffer.from(text);
      case "utf8-bom":
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      case "utf16le":
        return Buffer.from(text, "utf16le");
      case "utf16le-bom":
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      case "utf16be-bom":
        return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
      case "latin1":
        return Buffer.from(text, "latin1");
      default: {
        const utf8 = Buffer.from(text);
        const cut = utf8.length === 0 ? 0 : at % utf8.length;
        return Buffer.concat([utf8.subarray(0, cut), Buffer.from(bytes), utf8.subarray(cut)]);
      }
    }
  });

/** Many lines, one long line or a long run of one character: the shapes that overflow or backtrack. */
const bulky = fc
  .tuple(fc.constantFrom("Ruiz said the border is closed.\n", "a\n", "\n", " ", "word ", "“", "x", "—", "Title\n\n"), fc.integer({ min: 1, max: 150_000 }), line)
  .map(([unit, count, lead]) => Buffer.from(`${lead}\n${unit.repeat(count)}`));

describe("parseArticle on any bytes", () => {
  test("random bytes: an article or a clear rejection", () => {
    check(fc.uint8Array({ maxLength: 4096 }), 2000, (bytes) => checkParse(Buffer.from(bytes)));
  });

  test("front matter of any shape: an article or a clear rejection", () => {
    check(fc.tuple(frontMatter, body), 2500, ([matter, text]) => checkParse(Buffer.from(`${matter}\n${text}`)));
  });

  test("text in any encoding, with bytes spliced in: an article or a clear rejection", () => {
    check(encoded, 2500, checkParse);
  });

  test("many lines, one long line, a long run of one character: an article or a clear rejection in time", () => {
    check(bulky, 150, checkParse);
  });
});

// ---------------------------------------------------------------------------------------------
// Pipeline

const FRAGMENTS = {
  word,
  name: fc.constantFrom("Ola Berg", "Karin Lund", "Norwegian Foreign Minister Ola Berg", "Swedish Prime Minister Karin Lund", "Berg", "Lund", "the minister", "the Norwegian leader", "he", "she", "Norway", "Sweden's Foreign Ministry", "Oslo", "Stockholm", "the statement"),
  verb: fc.constantFrom("said", "said that", "told reporters", "warned", "accused Sweden of", "vowed to", "added", "according to", "did not say", "was quoted as saying", "wrote on X:", "responded,"),
  mark: fc.constantFrom("“", "”", '"', "«", "»", "‘", "’", "'", "„"),
  punctuation: fc.constantFrom(".", ",", ";", ":", "!", "?", "—", "…", "(", ")", "[Sound bite: Ola Berg]", "-"),
  date: fc.constantFrom("on Monday", "on March 3", "yesterday", "last week", "2026-03-01", "Jan. 3", "earlier this week", "on Sunday night", "March 3, 2026"),
  space: fc.constantFrom(" ", " ", " ", "\n", "\n\n", "\t", "\u00a0"),
  odd: fc.constantFrom("😀", "é", "e\u0301", "שלום", "\u200b", "ﬁ", "İ", "\u2028"),
};
const fragment = fc.oneof(
  { weight: 6, arbitrary: FRAGMENTS.word },
  { weight: 2, arbitrary: FRAGMENTS.name },
  { weight: 2, arbitrary: FRAGMENTS.verb },
  { weight: 2, arbitrary: FRAGMENTS.mark },
  { weight: 2, arbitrary: FRAGMENTS.punctuation },
  { weight: 1, arbitrary: FRAGMENTS.date },
  { weight: 3, arbitrary: FRAGMENTS.space },
  { weight: 1, arbitrary: FRAGMENTS.odd },
);
const words = fc.array(FRAGMENTS.word, { minLength: 1, maxLength: 12 }).map((list) => list.join(" "));
/** A sentence of reporting, the fragments in the order news puts them, its parts now and then garbled. */
const sentence = fc
  .tuple(FRAGMENTS.name, FRAGMENTS.verb, fc.option(FRAGMENTS.date, { nil: "" }), words, fc.constantFrom("quote before", "quote after", "reported", "partial"), fc.constantFrom(...["“”", '""', "«»", "‘’", "“", "”"]), fc.array(fragment, { maxLength: 2 }))
  .map(([name, verb, date, said, kind, [open = "", close = ""], garble]) => {
    const text = (() => {
      switch (kind) {
        case "quote before":
          return `${open}${said},${close} ${name} ${verb} ${date}.`;
        case "quote after":
          return `${name} ${verb} ${date}: ${open}${said}.${close}`;
        case "reported":
          return `${name} ${date} ${verb} ${said}.`;
        default:
          return `${name} ${verb} the plan ${open}${said}${close} ${date}.`;
      }
    })();
    return [text, ...garble].join(" ");
  });
const sentences = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((list) => list.join(" "));
/** A run of fragments or of sentences, now and then repeated many times over (a phrase pasted again and again). */
const passage = fc
  .tuple(fc.oneof(fc.array(fragment, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(" ")), sentences), fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 100 }) }))
  .map(([text, times]) => `${text} `.repeat(times).trimEnd());
const article = fc
  .tuple(fc.option(fc.constantFrom("2026-03-01", "2026-03-09", "2025-12-31"), { nil: undefined }), line, fc.array(passage, { minLength: 1, maxLength: 6 }))
  .map(([date, headline, passages]) => `${date ? `---\ndate: ${date}\n---\n` : ""}${headline}\n\n${passages.join("\n\n")}\n`);
const batch = fc.array(article, { minLength: 1, maxLength: 3 });

const weights = defaultWeights();

/** Σ of the explanation's points is the score, in the hundredths scores are worked out in. */
function expectExplainedScore(score: Score): void {
  expect(Number.isFinite(score.score)).toBe(true);
  expect(Math.abs(score.score)).toBeLessThanOrEqual(SCORE_LIMIT);
  const hundredths = score.contributions.reduce((sum, c) => sum + Math.round(c.points * 100), 0);
  // + 0: a score of −0 is a score of 0.
  expect(hundredths + 0).toBe(Math.round(score.score * 100) + 0);
}

describe("analyzeBatch on generated articles", () => {
  beforeAll(() => {
    analyzeBatch([{ path: "warm-up.txt", bytes: Buffer.from("Talks\n\nNorwegian Foreign Minister Ola Berg said on Monday that the talks would go on.\n") }]);
  });

  test("no crash, no hang; statements bounded and scored within ±10 with explanations that add up", () => {
    let statementsFound = 0;
    check(batch, 600, (texts) => {
      const inputs = texts.map((text, i) => ({ path: `a${i}.txt`, bytes: Buffer.from(text) }));
      const bytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
      const result = timed(bytes, 0.05, () => analyzeBatch(inputs));
      expect(result.articles.length + result.rejected.length).toBeLessThanOrEqual(inputs.length);
      for (const rejection of result.rejected) expect(rejection.reason.trim()).not.toBe("");
      statementsFound += result.statements.length;
      for (const s of scoreStatements(result.statements, weights)) {
        expect(s.text.trim()).not.toBe("");
        expect(s.text.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
        expect(s.sources.length).toBeGreaterThan(0);
        expect(new Set(s.sources.map((source) => `${source.articleHash}\u0000${source.quote}`)).size).toBe(s.sources.length);
        if (s.date !== null) expect(s.dateRange).toEqual({ from: s.date, to: s.date });
        expectExplainedScore(s);
      }
    });
    // The fragments make statements, not only text the pipeline passes over.
    expect(statementsFound).toBeGreaterThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------
// Scorer

const RULE_IDS = RULES.map((rule) => rule.id);
const anyNumber = fc.oneof(fc.double(), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(NaN, Infinity, -Infinity, 1e300, -0));
const features: fc.Arbitrary<Features> = fc.record({
  lexicon: anyNumber,
  hits: fc.array(
    fc.record({ rule: fc.oneof(fc.constantFrom(...RULE_IDS), fc.string({ maxLength: 12 })), value: anyNumber, evidence: fc.string({ maxLength: 20 }), modifiers: fc.array(fc.constantFrom("negated", "hedged", "conditional"), { maxLength: 3 }) }),
    { maxLength: 8 },
  ),
});
const weight = fc.oneof({ weight: 8, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) }, { weight: 1, arbitrary: anyNumber });
/** A weight set as an admin or a file may give one: whole, with a rule missing or unknown, thresholds crossed, or not an object at all. */
const weightSet = fc.oneof(
  { weight: 6, arbitrary: fc.record({ lexicon: weight, rules: fc.tuple(...RULE_IDS.map(() => weight)).map((values) => Object.fromEntries(RULE_IDS.map((id, i) => [id, values[i]]))), thresholds: fc.record({ hostile: weight, conciliatory: weight }) }) },
  { weight: 2, arbitrary: fc.record({ lexicon: weight, rules: fc.dictionary(fc.oneof(fc.constantFrom(...RULE_IDS), fc.string()), weight), thresholds: fc.record({ hostile: weight, conciliatory: weight }, { requiredKeys: [] }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything() },
);

/** The score of `f`, or an Error naming what is wrong with it: no other outcome. */
function scoreOrError(f: Features, w: ReturnType<typeof defaultWeights>): Score | Error {
  try {
    return scoreFeatures(f, w);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^feature .+ has the value .+, not a number within/);
    return error as Error;
  }
}

describe("scoreFeatures and parseWeightSet on anything", () => {
  test("a weight set is accepted or each problem named; an accepted one scores features within ±10, explained", () => {
    check(fc.tuple(weightSet, features), 2000, ([raw, f]) => {
      const parsed = parseWeightSet(raw);
      if (!parsed.ok) {
        expect(parsed.errors.length).toBeGreaterThan(0);
        // "path: problem", the path "(root)" for the whole set.
        for (const error of parsed.errors) expect(error).toMatch(/^\S.*: \S/);
        return;
      }
      const score = scoreOrError(f, parsed.weights);
      if (!(score instanceof Error)) expectExplainedScore(score);
    });
  });

  test("features the pipeline can make always score, within ±10 and explained, under any valid weights", () => {
    const within = fc.double({ min: -100, max: 100, noNaN: true });
    const valid = fc
      .record({ lexicon: within, rules: fc.tuple(...RULE_IDS.map(() => within)), thresholds: fc.tuple(within, within).map(([a, b]) => ({ hostile: Math.min(a, b), conciliatory: Math.max(a, b) })) })
      .map(({ lexicon, rules, thresholds }) => parseWeightSet({ lexicon, rules: Object.fromEntries(RULE_IDS.map((id, i) => [id, rules[i]])), thresholds }));
    const pipelineFeatures = features.map((f) => ({ lexicon: clamp(f.lexicon, 1), hits: f.hits.map((hit) => ({ ...hit, value: clamp(hit.value, 1) })) }));
    check(fc.tuple(valid, pipelineFeatures), 1000, ([parsed, f]) => {
      if (!parsed.ok) throw new Error(`a valid weight set rejected: ${parsed.errors.join("; ")}`);
      const score = scoreOrError(f, parsed.weights);
      expect(score).not.toBeInstanceOf(Error);
      expectExplainedScore(score as Score);
    });
  });
});

/** `value` within ±limit, NaN as 0. */
const clamp = (value: number, limit: number) => (Number.isNaN(value) ? 0 : Math.max(-limit, Math.min(limit, value)));

// ---------------------------------------------------------------------------------------------
// The index that spares comparing every pair of wordings

describe("WordingIndex", () => {
  test("finds every text isSameWording joins with the asked one, in either order", () => {
    const vocabulary = fc.constantFrom("we", "will", "not", "the", "border", "borders", "honour", "honor", "very", "sick", "defend", "every", "inch", "talks", "it", "is", "a", "fine", "idea", "“very", "sick”");
    const text = fc.array(vocabulary, { minLength: 0, maxLength: 8 }).map((words) => words.join(" "));
    check(fc.tuple(fc.array(text, { maxLength: 25 }), text), 1000, ([texts, asked]) => {
      const index = new WordingIndex<number>();
      texts.forEach((t, i) => index.add(t, i));
      const candidates = index.candidates(asked);
      texts.forEach((t, i) => {
        if (isSameWording(t, asked) || isSameWording(asked, t)) expect(candidates.has(i)).toBe(true);
      });
    });
  });
});

test("the suite tried at least 10,000 generated inputs", () => {
  expect(inputsTried).toBeGreaterThanOrEqual(10_000);
});
