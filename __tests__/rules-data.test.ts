// The cue patterns of lib/data/rules.json as wink-nlp compiles them.
import rulesData from "../lib/data/rules.json";

/** wink-nlp warns on every start when a pattern expands to more than this many word sequences. */
const WINK_WARNING_SIZE = 512;

const expansions = (pattern: string) => (pattern.match(/\[[^\]]*\]/g) ?? []).reduce((size, group) => size * group.split("|").length, 1);

test("no cue pattern expands past wink's warning size, so starting prints no warning", () => {
  const cues = rulesData.cues as Record<string, { patterns: string[] }>;
  const tooLarge = Object.entries(cues).flatMap(([cue, { patterns }]) => patterns.filter((p) => expansions(p) > WINK_WARNING_SIZE).map((p) => `${cue}: ${p}`));
  expect(tooLarge).toEqual([]);
});
