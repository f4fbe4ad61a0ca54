import { consensusRange, isSameUtterance, isSameWording, isShortWording, mergeAll, statementId } from "../lib/ingest/merge";
import type { DateRange, ISODate, Statement } from "../lib/core/types";

const day = (d: string): DateRange => ({ from: d, to: d });
let n = 0;
/** A report in an article of its own; `report` says when that article came out and whether it quotes the words. */
function statement(
  speaker: string,
  text: string,
  dateRange: DateRange | null = null,
  target: string | null = null,
  report: { published?: ISODate | null; direct?: boolean } = {},
): Statement {
  n++;
  return {
    id: statementId(speaker, text),
    text,
    speaker,
    speakerCountry: "Ruritania",
    target,
    date: dateRange && dateRange.from === dateRange.to ? dateRange.from : null,
    dateRange,
    context: `context ${n}`,
    sources: [{ path: `a${n}.txt`, articleHash: `hash${n}`, quote: text, context: `context ${n}`, dateRange, published: report.published ?? null, direct: report.direct ?? true }],
    features: { lexicon: 0, hits: [] },
  };
}

describe("same wording", () => {
  test("folds quote styles, accents, case and British spellings", () => {
    expect(isSameWording("It was a great honour to meet the Président", "It was a Great Honor to meet the president")).toBe(true);
    expect(isSameWording("“We’re ready,” he said", '"We\'re ready," he said')).toBe(true);
  });
  test("a partial quote is part of the full one", () => {
    expect(isSameWording("sounds good", "It sounds good to me.")).toBe(true);
    expect(isSameWording("cordial", "cordial and respectful")).toBe(true);
    expect(isSameWording("missile factories and nuclear sites", "They have missile factories and secret nuclear sites")).toBe(true);
  });
  test("reported speech joins the quote it paraphrases", () => {
    expect(isSameWording("to take up arms if necessary to defend the homeland", "take up arms again")).toBe(true);
  });
  test("different utterances stay apart", () => {
    expect(isSameWording("We will defend our sovereignty", "We will defend our people")).toBe(false);
    expect(isSameWording("very sick", "a sick man who lies")).toBe(false);
    expect(isSameWording("We will never surrender", "We will talk to them")).toBe(false);
    expect(isSameWording("honor", "It was an honor and a privilege to host the delegation from the south")).toBe(false);
  });
});

describe("same utterance", () => {
  test("needs the same speaker and compatible days", () => {
    const a = statement("Anton Vasek", "We will defend every inch", day("2026-03-02"));
    expect(isSameUtterance(a, statement("Anton Vasek", "defend every inch", null))).toBe(true);
    expect(isSameUtterance(a, statement("Lina Oduya", "We will defend every inch", day("2026-03-02")))).toBe(false);
    expect(isSameUtterance(a, statement("Anton Vasek", "We will defend every inch", day("2026-05-20")))).toBe(false);
  });
});

describe("date consensus", () => {
  test("the most specific consistent range wins", () => {
    expect(consensusRange([{ from: "2026-01-03", to: "2026-01-04" }, day("2026-01-04"), null])).toEqual(day("2026-01-04"));
    expect(consensusRange([{ from: "2026-01-04", to: "2026-01-10" }, { from: "2026-01-01", to: "2026-01-05" }])).toEqual({ from: "2026-01-04", to: "2026-01-05" });
  });
  test("a contradicting source is outvoted", () => {
    expect(consensusRange([day("2026-01-04"), day("2026-01-04"), day("2026-01-08")])).toEqual(day("2026-01-04"));
  });
  test("nothing known stays null", () => {
    expect(consensusRange([null, null])).toBeNull();
  });
  test("readings with as many reports behind each stay visible as a range, whatever the order", () => {
    expect(consensusRange([day("2026-01-05"), day("2026-01-06")])).toEqual({ from: "2026-01-05", to: "2026-01-06" });
    expect(consensusRange([day("2026-01-06"), day("2026-01-05")])).toEqual({ from: "2026-01-05", to: "2026-01-06" });
    expect(consensusRange([day("2026-01-05"), day("2026-01-06"), day("2026-01-06"), day("2026-01-05")])).toEqual({ from: "2026-01-05", to: "2026-01-06" });
  });
  test("the reading more reports give wins, in any order", () => {
    expect(consensusRange([day("2026-01-05"), day("2026-01-06"), day("2026-01-06")])).toEqual(day("2026-01-06"));
    expect(consensusRange([day("2026-01-06"), day("2026-01-05"), day("2026-01-06")])).toEqual(day("2026-01-06"));
  });
});

describe("merging a batch", () => {
  test("one statement with every source, the fullest wording and the consensus day", () => {
    const merged = mergeAll([
      statement("Anton Vasek", "sounds great", { from: "2026-02-07", to: "2026-02-08" }, "Zembla"),
      statement("Anton Vasek", "It sounds great to me.", day("2026-02-08"), "Zembla"),
      statement("Anton Vasek", "“It sounds great to me”", null, "Sylvania"),
      statement("Lina Oduya", "It sounds great to me.", day("2026-02-08")),
    ]);
    expect(merged).toHaveLength(2);
    const vasek = merged.find((s) => s.speaker === "Anton Vasek")!;
    expect(vasek.text).toBe("It sounds great to me.");
    expect(vasek.sources).toHaveLength(3);
    expect(vasek.date).toBe("2026-02-08");
    expect(vasek.target).toBe("Zembla");
    expect(vasek.id).toBe(statementId("Anton Vasek", "It sounds great to me."));
  });
});

describe("direct or reported", () => {
  const reported = () => statement("Anton Vasek", "the republic would never give up the northern valleys whatever the cost to its army", day("2026-03-02"), null, { direct: false });
  const quoted = () => statement("Anton Vasek", "We will never give up the northern valleys", day("2026-03-02"));

  test("a direct quote is shown over fuller reported speech, whichever came first", () => {
    for (const group of [[reported(), quoted()], [quoted(), reported()]]) {
      const [merged] = mergeAll(group);
      expect(merged.sources).toHaveLength(2);
      expect(merged.text).toBe("We will never give up the northern valleys");
      expect(merged.context).toBe(group.find((s) => s.sources[0].direct)!.context);
    }
  });

  test("the fullest direct quote wins among direct ones", () => {
    const fuller = statement("Anton Vasek", "We will never give up the northern valleys, not one hill of them", day("2026-03-02"));
    expect(mergeAll([quoted(), reported(), fuller]).map((s) => s.text)).toEqual(["We will never give up the northern valleys, not one hill of them"]);
  });

  test("the fullest reported wording wins when no source quotes the words", () => {
    const shorter = statement("Anton Vasek", "would never give up the northern valleys", day("2026-03-02"), null, { direct: false });
    expect(mergeAll([shorter, reported()]).map((s) => s.text)).toEqual(["the republic would never give up the northern valleys whatever the cost to its army"]);
  });
});

describe("two words or fewer", () => {
  const long = (report: { published?: string | null }, range: DateRange | null = null) =>
    statement("Lina Oduya", "Their offer is a shameful insult to our farmers", range, null, report);
  const short = (report: { published?: string | null }, range: DateRange | null = null) => statement("Lina Oduya", "shameful insult", range, null, report);

  test("count the words that tell utterances apart", () => {
    expect(isShortWording("very sick")).toBe(true);
    expect(isShortWording("It sounds good to me.")).toBe(true);
    expect(isShortWording("a shameful insult to farmers")).toBe(false);
  });

  test("undated in articles of different days: other occasions, kept apart", () => {
    expect(mergeAll([long({ published: "2026-04-01" }), short({ published: "2026-04-03" })])).toHaveLength(2);
    expect(mergeAll([long({ published: null }), short({ published: null })])).toHaveLength(2);
  });

  test("undated in articles of the same day: one occasion, merged", () => {
    expect(mergeAll([long({ published: "2026-04-01" }), short({ published: "2026-04-01" })])).toHaveLength(1);
  });

  test("undated in an article out before the other report's day: another occasion", () => {
    expect(mergeAll([long({ published: "2026-04-01" }, day("2026-04-05")), short({ published: "2026-04-02" })])).toHaveLength(2);
    expect(mergeAll([long({ published: "2026-04-06" }, day("2026-04-05")), short({ published: "2026-04-08" })])).toHaveLength(1);
  });

  test("a longer wording still merges undated reports of different days", () => {
    const three = statement("Lina Oduya", "shameful insult to our farmers", null, null, { published: "2026-04-03" });
    expect(mergeAll([long({ published: "2026-04-01" }), three])).toHaveLength(1);
  });

  test("another report sharing longer words carries a short match", () => {
    const first = long({ published: "2026-04-01" });
    const second: Statement = { ...short({ published: "2026-04-03" }), sources: [...short({ published: "2026-04-03" }).sources, ...long({ published: "2026-04-03" }).sources] };
    expect(isSameUtterance(first, second)).toBe(true);
    expect(isSameUtterance(first, short({ published: "2026-04-03" }))).toBe(false);
  });
});
describe("a report dated only by its article's occasion", () => {
  const byOccasion = (s: Statement): Statement => ({ ...s, sources: s.sources.map((source) => ({ ...source, dateFromOccasion: true })) });

  test("joins the same words tied to an earlier day, which it cannot outvote", () => {
    const merged = mergeAll([
      statement("Ana Ruiz", "ready to take up arms again", day("2025-03-03")),
      byOccasion(statement("Ana Ruiz", "threatened to take up arms if necessary", day("2025-03-05"))),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0].date).toBe("2025-03-03");
    expect(merged[0].sources).toHaveLength(2);
  });

  test("does not join the same words on another day when neither is tied to the words", () => {
    const merged = mergeAll([
      byOccasion(statement("Ana Ruiz", "ready to take up arms again", day("2025-03-03"))),
      byOccasion(statement("Ana Ruiz", "threatened to take up arms if necessary", day("2025-03-05"))),
    ]);
    expect(merged).toHaveLength(2);
    expect(mergeAll([statement("Ana Ruiz", "ready to take up arms again", day("2025-03-03")), statement("Ana Ruiz", "threatened to take up arms if necessary", day("2025-03-05"))])).toHaveLength(2);
  });
});
