// The binary searches over position-sorted arrays answer exactly as the linear scans they replace.
import {
  firstByKey,
  firstEndingAfter,
  firstEndingAtOrAfter,
  firstIndexWhere,
  firstStartingAfter,
  firstStartingAtOrAfter,
  groupBy,
  sentenceHoldingToken,
} from "../lib/ingest/extract/positions";
import { insideAny } from "../lib/ingest/extract/quotes";

const spans = [
  { start: 0, end: 0 },
  { start: 0, end: 4 },
  { start: 6, end: 9 },
  { start: 9, end: 15 },
  { start: 20, end: 21 },
];

const orLength = (index: number) => (index < 0 ? spans.length : index);

describe("positions", () => {
  test("firstIndexWhere finds the first index from which a condition holds", () => {
    expect(firstIndexWhere(0, () => true)).toBe(0);
    expect(firstIndexWhere(5, () => false)).toBe(5);
    expect(firstIndexWhere(10, (i) => i >= 7)).toBe(7);
  });

  test("searches by start and end agree with findIndex at every position", () => {
    for (let position = -2; position <= 23; position++) {
      expect(firstEndingAtOrAfter(spans, position)).toBe(orLength(spans.findIndex((s) => s.end >= position)));
      expect(firstEndingAfter(spans, position)).toBe(orLength(spans.findIndex((s) => s.end > position)));
      expect(firstStartingAtOrAfter(spans, position)).toBe(orLength(spans.findIndex((s) => s.start >= position)));
      expect(firstStartingAfter(spans, position)).toBe(orLength(spans.findIndex((s) => s.start > position)));
    }
  });

  test("insideAny agrees with a scan over quotes, marks included", () => {
    const quotes = [
      { start: 3, end: 8 },
      { start: 12, end: 20 },
      { start: 40, end: 41 },
    ];
    for (let position = 0; position <= 45; position++) {
      expect(insideAny(position, quotes)).toBe(quotes.some((q) => position >= q.start - 1 && position <= q.end));
    }
  });

  test("sentenceHoldingToken agrees with findIndex, gaps between sentences included", () => {
    const sentences = [
      { firstToken: 0, lastToken: 3 },
      { firstToken: 5, lastToken: 5 },
      { firstToken: 6, lastToken: 10 },
    ];
    for (let token = 0; token <= 12; token++) {
      expect(sentenceHoldingToken(sentences, token)).toBe(sentences.findIndex((s) => token >= s.firstToken && token <= s.lastToken));
    }
  });

  test("groupBy keeps order within groups; firstByKey keeps what find would pick", () => {
    const items = [
      { key: "a", n: 1 },
      { key: "b", n: 2 },
      { key: "a", n: 3 },
    ];
    expect(groupBy(items, (i) => i.key).get("a")).toEqual([items[0], items[2]]);
    const first = firstByKey(items, (i) => i.key);
    expect(first.get("a")).toBe(items.find((i) => i.key === "a"));
    expect(first.get("c")).toBeUndefined();
  });
});
