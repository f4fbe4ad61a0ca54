// The lexicon feature reads two lexicons and keeps the more hostile reading.
import { lexiconFeature } from "../lib/ingest/features";
import { lexiconSentiment } from "../lib/ingest/nlp";
import { vaderSentiment } from "../lib/ingest/vader";

describe("lexicon feature", () => {
  it("keeps VADER's hostile reading where wink's negation turns a murder charge into praise", () => {
    const text = "There is no other conclusion than that Norway was behind the attempted murder.";
    expect(lexiconSentiment(text)).toBeGreaterThan(0);
    expect(vaderSentiment(text)).toBeLessThan(0);
    expect(lexiconFeature(text)).toBeLessThan(-0.5);
  });

  it("gives nothing to words only wink reads as warm", () => {
    const text = "Go away and shut up.";
    expect(lexiconSentiment(text)).toBeGreaterThan(0);
    expect(lexiconFeature(text)).toBe(0);
  });

  it("stays warm where both lexicons agree, at the weaker of the two", () => {
    const text = "Norway is a wonderful friend and we thank them.";
    const spread = (s: number) => s ** 0.6;
    expect(lexiconFeature(text)).toBeCloseTo(Math.min(spread(lexiconSentiment(text)), spread(vaderSentiment(text))), 3);
    expect(lexiconFeature(text)).toBeGreaterThan(0.5);
  });

  it("is zero for words without sentiment", () => {
    expect(lexiconFeature("The meeting is on Tuesday.")).toBe(0);
    expect(lexiconFeature("   ")).toBe(0);
  });
});
