// Mechanics of the real-report eval (matching, dates, figures, the ratchet), on sentences written
// for the purpose: these test the instrument, never the product's accuracy.
import type { GoldStatement } from "../scripts/eval/corpus";
import { figure, toneOfGold, toneOfScore, toneFigures } from "../scripts/eval/figures";
import { checkFloors, ratchet } from "../scripts/eval/floors";
import { findStatement, fold, foldSameLength, sameCountry, sameSpeaker, sentenceHolding, spokenWords } from "../scripts/eval/match";
import { admittedDays, isDatedWrongly, isDayExact, splitFigures } from "../scripts/eval/run";
import type { ScoredStatement } from "../lib/core/types";

const gold = (over: Partial<GoldStatement> = {}): GoldStatement => ({
  key: "deeply offensive",
  speaker: "Jane Roe",
  speakerCountry: "Australia",
  target: "China",
  days: ["2020-11-30"],
  kind: "direct",
  label: "hostile",
  intensity: "strong",
  reports: ["a.txt"],
  ...over,
});

const statement = (over: Partial<ScoredStatement>): ScoredStatement =>
  ({ id: "x", text: "", speaker: null, speakerCountry: null, target: null, date: null, dateRange: null, context: "", sources: [], features: { lexicon: 0, hits: [] }, score: 0, label: "neutral", cameo: null, contributions: [], ...over }) as ScoredStatement;

describe("matching", () => {
  test("folding keeps positions and ignores case, quote marks, dashes and accents", () => {
    const text = "“Ça suffit” — it’s OVER";
    expect(foldSameLength(text)).toHaveLength(text.length);
    expect(fold(text)).toBe(`"ca suffit" - it's over`);
  });

  test("a speaker matches by full name, alias or a shorter form ending on the same word", () => {
    expect(sameSpeaker("Jane Roe", gold())).toBe(true);
    expect(sameSpeaker("Roe", gold())).toBe(true);
    expect(sameSpeaker("Foreign Ministry", gold({ speaker: "Chinese Foreign Ministry" }))).toBe(true);
    expect(sameSpeaker("Jane Doe", gold())).toBe(false);
    expect(sameSpeaker("MFA", gold({ speakerAliases: ["MFA"] }))).toBe(true);
    expect(sameSpeaker(null, gold())).toBe(false);
  });

  test("a country's government matches however it is named: the country, its capital, “X government”, “Government of X”", () => {
    const somalia = gold({ speaker: "Somali Ministry of Foreign Affairs", speakerAliases: ["Federal Government of Somalia", "Mogadishu"] });
    expect(sameSpeaker("Somali government", somalia)).toBe(true);
    expect(sameSpeaker("Somali government", gold({ speaker: "Somalia" }))).toBe(true);
    expect(sameSpeaker("Kenyan government", somalia)).toBe(false);
    expect(sameSpeaker("Somali government", gold({ speaker: "Somali Ministry of Foreign Affairs" }))).toBe(false);
    expect(sameSpeaker("American government", gold({ speaker: "Dave Eastburn", speakerAliases: ["Pentagon"] }))).toBe(false);
  });

  test("countries match through the gazetteer's names", () => {
    expect(sameCountry("United Kingdom", "UK")).toBe(true);
    expect(sameCountry("United States", "U.S.")).toBe(true);
    expect(sameCountry("China", "Taiwan")).toBe(false);
    expect(sameCountry(null, null)).toBe(true);
  });

  test("the spoken words are the quotation holding the key, else its sentence", () => {
    const paragraphs = ["The minister spoke first. She called it “a deeply offensive act” and left. Then she said they would reply."];
    expect(spokenWords(paragraphs, "deeply offensive")).toBe("a deeply offensive act");
    expect(spokenWords(paragraphs, "would reply")).toBe("Then she said they would reply.");
    expect(spokenWords(paragraphs, "not there")).toBeNull();
    expect(sentenceHolding(paragraphs, "deeply offensive")).toBe("She called it “a deeply offensive act” and left.");
  });
});

describe("dates", () => {
  test("exact is one of the gold's days", () => {
    expect(isDayExact(statement({ date: "2020-11-30" }), gold())).toBe(true);
    expect(isDayExact(statement({ date: "2020-11-29" }), gold())).toBe(false);
    expect(isDayExact(statement({ date: "2020-11-30" }), gold({ days: ["2020-11-29", "2020-11-30"] }))).toBe(true);
    expect(isDayExact(statement({ dateRange: { from: "2020-11-30", to: "2020-12-01" } }), gold())).toBe(false);
  });

  test("dated wrongly: a day or range holding none of the days the gold admits", () => {
    const dated = admittedDays(gold(), ["2020-12-02"]);
    expect(isDatedWrongly(statement({ date: "2020-11-23" }), dated)).toBe(true);
    expect(isDatedWrongly(statement({ dateRange: { from: "2020-11-29", to: "2020-12-01" } }), dated)).toBe(false);
    expect(isDatedWrongly(statement({ dateRange: { from: "2020-12-01", to: "2020-12-02" } }), dated)).toBe(true);
    expect(isDatedWrongly(statement({}), dated)).toBe(false);
    // No day in the text: the publication day or the day before is admitted, nothing earlier.
    const undated = admittedDays(gold({ days: null }), ["2020-12-02", null]);
    expect(undated).toEqual(["2020-12-01", "2020-12-02"]);
    expect(isDatedWrongly(statement({ date: "2020-12-01" }), undated)).toBe(false);
    expect(isDatedWrongly(statement({ date: "2020-11-30" }), undated)).toBe(true);
  });
});

describe("figures", () => {
  test("a Wilson interval around the rate", () => {
    const f = figure(8, 10);
    expect(f.rate).toBe(0.8);
    expect(f.low!).toBeCloseTo(0.49, 2);
    expect(f.high!).toBeCloseTo(0.943, 2);
    expect(figure(0, 0).rate).toBeNull();
  });

  test("tone bands: strong from 3, mild from 1.5", () => {
    expect(toneOfScore(-3)).toBe("hostile-strong");
    expect(toneOfScore(-2.9)).toBe("hostile-mild");
    expect(toneOfScore(1.49)).toBe("neutral");
    expect(toneOfScore(3.2)).toBe("conciliatory-strong");
    expect(toneOfGold(gold({ label: "conciliatory", intensity: "mild" }))).toBe("conciliatory-mild");
  });

  test("tone sign counts only gold that is hostile or conciliatory", () => {
    const t = toneFigures([
      { gold: gold(), score: -4 },
      { gold: gold({ label: "neutral", intensity: null }), score: -4 },
      { gold: gold({ label: "conciliatory", intensity: "mild" }), score: -1 },
    ]);
    expect([t.toneSign.n, t.toneSign.of]).toEqual([1, 2]);
    expect([t.toneIntensity.n, t.toneIntensity.of]).toEqual([1, 3]);
  });
});

describe("the ratchet", () => {
  const figures = splitFigures([]);
  test("an empty split is worse than any floor, and a ratchet never lowers a floor", () => {
    const floors = { found: { n: 5, of: 10 } };
    const found = checkFloors({ ...figures, found: figure(6, 10) }, floors).find((c) => c.name === "found")!;
    expect(found).toMatchObject({ worse: false, better: true });
    expect(ratchet({ ...figures, found: figure(6, 10) }, floors).found).toEqual({ n: 6, of: 10 });
    expect(ratchet({ ...figures, found: figure(4, 10) }, floors).found).toEqual({ n: 5, of: 10 });
  });

  test("dated wrongly is a ceiling: fewer is better", () => {
    const floors = { datedWrongly: { n: 3, of: 10 } };
    const check = checkFloors({ ...figures, datedWrongly: figure(4, 10) }, floors).find((c) => c.name === "datedWrongly")!;
    expect(check).toMatchObject({ worse: true, better: false });
  });
});

describe("finding the gold's statement", () => {
  const said = (text: string, speaker = "Jane Roe") => statement({ text, speaker, sources: [{ path: "a.txt", articleHash: "h", quote: text, context: "", dateRange: null, published: null, direct: true }] });

  test("a statement holding the key, the speaker's before another's, then the tightest", () => {
    const other = said("It was deeply offensive and wrong, she said", "John Doe");
    const own = said("a deeply offensive act and a slur");
    const tight = said("deeply offensive act");
    expect(findStatement([other, own], gold())).toBe(own);
    expect(findStatement([own, tight], gold())).toBe(tight);
    expect(findStatement([said("offensive")], gold())).toBeNull();
  });

  test("a partial quote of two words or more inside a key that runs into the reporter's words", () => {
    const key = "Canada was “very alarmed” to learn";
    expect(findStatement([said("very alarmed")], gold({ key }))).not.toBeNull();
    expect(findStatement([said("alarmed")], gold({ key }))).toBeNull();
  });

  test("the partial quote's closing full stop does not keep the key from holding it", () => {
    const key = "said the ambassador “went too far";
    expect(findStatement([said("went too far.")], gold({ key }))).not.toBeNull();
    expect(findStatement([said("far.")], gold({ key }))).toBeNull();
  });
});
