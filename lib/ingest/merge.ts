import { createHash } from "node:crypto";
import { memoized } from "../core/memo";
import type { DateRange, Features, Statement, StatementSource } from "../core/types";
import { daysBetween, intersectRanges, isSingleDay, rangeWidthDays } from "../core/days";
import { strongestHits } from "../core/hits";

/** Words that do not tell two utterances apart. */
const STOPWORDS = new Set(
  "a an the and or but of to in on at for with by from as is are was were be been being it its it's this that these those he she they we i you me him her them us our my your his their who whom which what there here have has had do does did will would shall should can could may might must not no so too very just also than then let".split(
    " ",
  ),
);

/** Reported speech shifts tense: "we will not be bullied" is reported as "it would not be bullied". */
const SAME_WORD: Record<string, string> = { would: "will", "'ll": "will", wo: "will", could: "can", was: "is", were: "are", had: "have", has: "have" };

/**
 * Lower-case words with accents, quote styles and British spellings folded away. Batches compare
 * every pair of a speaker's reports: each text's words are computed once.
 */
export const utteranceWords = memoized((text: string): string[] => Object.freeze(computeUtteranceWords(text)) as string[]);

function computeUtteranceWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter(Boolean)
    .map((word) => SAME_WORD[word] ?? word)
    .map((word) => word.replace(/our$/, "or").replace(/ence$/, "ense").replace(/ise$/, "ize").replace(/ised$/, "ized"));
}

const contentCache = new WeakMap<string[], Set<string>>();

function contentWords(words: string[]): Set<string> {
  // utteranceWords returns one array per text, so its identity is a cache key.
  let content = contentCache.get(words);
  if (!content) {
    content = computeContentWords(words);
    contentCache.set(words, content);
  }
  return content;
}

function computeContentWords(words: string[]): Set<string> {
  return new Set(words.filter((word) => !STOPWORDS.has(word)).map((word) => (word.length > 3 ? word.replace(/s$/, "") : word)));
}

function containsRun(long: string[], short: string[]): boolean {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

/** Same words, or one quote a part of the other: "fine idea" in "It is a fine idea to me". */
export function isSameWording(a: string, b: string): boolean {
  return isSameWords(utteranceWords(a), utteranceWords(b));
}

/** isSameWording of two texts' utteranceWords. */
function isSameWords(wordsA: string[], wordsB: string[]): boolean {
  const [short, long] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  if (short.length === 0) return false;
  if (short.join(" ") === long.join(" ")) return true;
  if (short.length >= 2 && containsRun(long, short)) return true;
  // A one-word partial quote of a short phrase: “cordial” in “cordial and respectful”.
  if (short.length === 1 && !STOPWORDS.has(short[0]) && long.length <= 4 && long.includes(short[0])) return true;
  const shortContent = contentWords(short);
  const longContent = contentWords(long);
  if (shortContent.size >= 3) {
    let shared = 0;
    for (const word of shortContent) if (longContent.has(word)) shared++;
    if (shared / shortContent.size >= 0.8) return true;
  }
  // Reported speech and the quote it paraphrases share a run of words: "vowed to defend the border if
  // necessary" / "defend the border at any cost".
  const run = longestSharedRun(short, long);
  const runContent = contentWords(run);
  const coversContent = [...shortContent].every((word) => runContent.has(word));
  if (run.length >= 4 && run.length / short.length >= 0.75 && coversContent) return true;
  return run.length >= 3 && runContent.size >= 2 && runContent.size / shortContent.size >= 0.6;
}

function longestSharedRun(a: string[], b: string[]): string[] {
  let best: [number, number] = [0, 0];
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      if (previous[j] > best[1]) best = [i, previous[j]];
      diagonal = above;
    }
  }
  return a.slice(best[0] - best[1], best[0]);
}

const memoizedSpeakerKey = memoized(computeSpeakerKey);

export function speakerKey(speaker: string | null): string {
  return speaker ? memoizedSpeakerKey(speaker) : "";
}

function computeSpeakerKey(speaker: string): string {
  return speaker.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
}

const compatible = (a: DateRange | null, b: DateRange | null) => !a || !b || intersectRanges(a, b) !== null;

/** One utterance reported twice: same speaker, compatible days, same or contained wording. */
export function isSameUtterance(a: Statement, b: Statement): boolean {
  const key = speakerKey(a.speaker);
  if (!key || key !== speakerKey(b.speaker)) return false;
  if (!compatible(a.dateRange, b.dateRange)) return false;
  return sameWording(a, b, wordingsOf(a), wordingsOf(b));
}

/**
 * Any report of one against any report of the other (the merged text may be a paraphrase), and the
 * quotations inside them: a reported clause around a partial quotation is the same words as the
 * quotation another outlet gives alone.
 */
export const wordingsOf = (s: Statement) => {
  const texts = [s.text, ...s.sources.map((source) => source.quote)];
  return [...new Set([...texts, ...texts.flatMap(quotedParts)])];
};

const sourceWordings = (source: StatementSource) => [source.quote, ...quotedParts(source.quote)];

const QUOTED_PART = /[“"«]([^“”"«»]{2,}?)[”"»]/g;

/** Asked of every report of both statements at each comparison: each text's parts are found once. */
const quotedParts = memoized((text: string): string[] => {
  if (!/[“"«]/.test(text)) return NO_PARTS;
  const parts: string[] = [];
  for (const match of text.matchAll(QUOTED_PART)) if (match[1].trim() !== text.trim()) parts.push(match[1].replace(/[\s,.;:]+$/, ""));
  return Object.freeze(parts) as string[];
});
const NO_PARTS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Same wording in any report of each. Outlets lift two words or fewer ("very sick") from many
 * utterances of a speaker, so such a match counts only between two reports of one occasion.
 */
function sameWording(a: Statement, b: Statement, wordingsA: string[], wordingsB: string[]): boolean {
  let short = false;
  for (const x of wordingsA) {
    for (const y of wordingsB) {
      if (!isSameWording(x, y)) continue;
      if (!isShortWording(x) && !isShortWording(y)) return true;
      short = true;
    }
  }
  return short && a.sources.some((x) => b.sources.some((y) => sameOccasion(x, y) && sourceWordings(x).some((wx) => sourceWordings(y).some((wy) => isSameWording(wx, wy)))));
}

/** At most two words that tell utterances apart. */
export function isShortWording(text: string): boolean {
  return contentWords(utteranceWords(text)).size <= 2;
}

/**
 * Two reports that may be of one occasion: their days overlap, or one's day is not after the
 * other's article was published, or neither is dated and their articles came out the same day
 * (undated reports of different days are of the news of each day).
 */
export function sameOccasion(a: StatementSource, b: StatementSource): boolean {
  if (a.dateRange && b.dateRange) return intersectRanges(a.dateRange, b.dateRange) !== null;
  if (a.dateRange) return b.published === null || a.dateRange.from <= b.published;
  if (b.dateRange) return a.published === null || b.dateRange.from <= a.published;
  return a.published !== null && a.published === b.published;
}

/**
 * The most specific day range the sources agree on. A source that contradicts more sources than
 * agree with it is outvoted; readings that contradict each other with as many votes behind each
 * stay visible as the range from the earliest to the latest. `votes`: each source's weight.
 */
export function consensusRange(ranges: (DateRange | null)[], votes: number[] = ranges.map(() => 1)): DateRange | null {
  // A statement reported many times holds few different ranges: each is weighed once, with its
  // votes summed (whole and half votes, whose sums come out the same in any order).
  const byRange = new Map<string, { range: DateRange; vote: number }>();
  ranges.forEach((range, i) => {
    if (!range) return;
    const key = `${range.from}/${range.to}`;
    const same = byRange.get(key);
    if (same) same.vote += votes[i];
    else byRange.set(key, { range, vote: votes[i] });
  });
  const voting = [...byRange.values()];
  if (voting.length === 0) return null;
  const byWidth = voting.map((v) => v.range).sort((a, b) => rangeWidthDays(a) - rangeWidthDays(b) || a.from.localeCompare(b.from));
  const agreement = (candidate: DateRange) => voting.reduce((sum, v) => sum + (intersectRanges(candidate, v.range) ? v.vote : 0), 0);
  const best = byWidth.reduce((chosen, candidate) => (agreement(candidate) > agreement(chosen) ? candidate : chosen), byWidth[0]);
  const rivals = byWidth.filter((candidate) => intersectRanges(candidate, best) === null && agreement(candidate) === agreement(best));
  if (rivals.length > 0) return spanning([best, ...rivals]);
  let consensus = best;
  for (const range of byWidth) {
    const narrowed = intersectRanges(consensus, range);
    if (narrowed) consensus = narrowed;
  }
  return consensus;
}

/**
 * A day read off the article's occasion is an inference, a day tied to the words is what a report
 * says of them: the first counts half as much in the vote.
 */
const OCCASION_VOTE = 0.5;

function spanning(ranges: DateRange[]): DateRange {
  return { from: ranges.map((r) => r.from).sort()[0], to: ranges.map((r) => r.to).sort().at(-1)! };
}

/**
 * A report's id is asked for before merging and again after, and outlets quote the same words in
 * batch after batch: each speaker's wording is hashed once.
 */
const memoizedId = memoized((key: string) => {
  const [speaker, text] = key.split("\u0000");
  return createHash("sha256").update(`${speakerKey(speaker || null)}\u0000${utteranceWords(text).join(" ")}`).digest("hex").slice(0, 16);
});

export function statementId(speaker: string | null, text: string): string {
  return memoizedId(`${speaker ?? ""}\u0000${text}`);
}

function mergeFeatures(shown: Features, other: Features): Features {
  return { lexicon: shown.lexicon, hits: strongestHits([...shown.hits, ...other.hits]) };
}

const sourceKey = (source: StatementSource) => `${source.articleHash}\u0000${source.quote}`;

/**
 * Of two spellings of one name ("Andres Lopez", "Andrés López", "ANDRÉS López"), the one written
 * with its accents, then the one with fewer capitals.
 */
export function fullerSpelling(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const accents = (name: string) => name.replace(/[\x00-\x7f]/g, "").length;
  const capitals = (name: string) => name.replace(/\P{Lu}/gu, "").length;
  return accents(b) > accents(a) || (accents(b) === accents(a) && capitals(b) < capitals(a)) ? b : a;
}

/** The text is the speaker's words as some article quotes them. */
const quotesDirectly = (s: Statement) => s.sources.some((source) => source.direct === true && source.quote === s.text);

/** The text b would show over a's: a direct quote over reported speech, then the fullest wording. `directA`: quotesDirectly(a). */
function showsB(directA: boolean, a: Statement, b: Statement): boolean {
  const directB = quotesDirectly(b);
  if (directA !== directB) return directB;
  return utteranceWords(b.text).length > utteranceWords(a.text).length;
}

/** Folds b into a: a keeps its id; the shown text (see showsB) brings its context and lexicon value. */
export function mergeStatements(a: Statement, b: Statement): Statement {
  return mergeGroup([a, b]);
}

/**
 * The statements folded one into the next as mergeStatements folds two, in time linear in their
 * sources: one utterance may be reported thousands of times.
 */
function mergeGroup(group: Statement[]): Statement {
  const [first, ...rest] = group;
  if (rest.length === 0) return first;
  const sources = [...first.sources];
  const keys = new Set(sources.map(sourceKey));
  // The quotes some source gives directly: whether the shown text is one of them (quotesDirectly).
  const directQuotes = new Set(sources.filter((source) => source.direct === true).map((source) => source.quote));
  let merged = first;
  for (const b of rest) {
    const directA = directQuotes.has(merged.text);
    for (const source of b.sources) {
      const key = sourceKey(source);
      if (keys.has(key)) continue;
      keys.add(key);
      sources.push(source);
      if (source.direct === true) directQuotes.add(source.quote);
    }
    const bShown = showsB(directA, merged, b);
    const shown = bShown ? b : merged;
    merged = {
      id: first.id,
      text: shown.text,
      speaker: fullerSpelling(merged.speaker, b.speaker),
      speakerCountry: merged.speakerCountry ?? b.speakerCountry,
      target: merged.target ?? b.target,
      dateRange: null,
      date: null,
      context: shown.context,
      sources,
      features: bShown ? mergeFeatures(b.features, merged.features) : mergeFeatures(merged.features, b.features),
    };
  }
  // Worked out once, from every source: no step of the fold reads the range of the one before.
  merged.dateRange = consensusRange(
    sources.map((s) => s.dateRange),
    sources.map((s) => (s.dateFromOccasion ? OCCASION_VOTE : 1)),
  );
  merged.date = merged.dateRange && isSingleDay(merged.dateRange) ? merged.dateRange.from : null;
  return merged;
}

const datedByOccasionOnly = (s: Statement) => s.dateRange !== null && s.sources.every((source) => source.dateFromOccasion);
const datedByOwnWords = (s: Statement) => s.sources.some((source) => source.dateRange && !source.dateFromOccasion);

/**
 * One report dates the words only by its article's occasion, the other by a day tied to them: a
 * report often retells earlier words in its background ("…, and vowed to retaliate"), so
 * the two may still be one utterance, and the day tied to the words outvotes the occasion's. Within a batch only: stored reports keep
 * their days, not how they were found.
 */
const occasionMeetsOwnDay = (a: Statement, b: Statement) =>
  ((datedByOccasionOnly(a) && datedByOwnWords(b)) || (datedByOccasionOnly(b) && datedByOwnWords(a))) && daysApart(a.dateRange!, b.dateRange!) <= RETOLD_WITHIN_DAYS;

/** How far back a report's background retells words; a speaker repeats a line on occasions further apart. */
const RETOLD_WITHIN_DAYS = 7;

function daysApart(a: DateRange, b: DateRange): number {
  if (intersectRanges(a, b)) return 0;
  return a.to < b.from ? daysBetween(a.to, b.from) : daysBetween(b.to, a.from);
}

/** Groups reports of the same utterance (transitively) and merges each group. */
export function mergeAll(statements: Statement[]): Statement[] {
  const components = new Components(statements.length);
  const bySpeaker = new Map<string, number[]>();
  statements.forEach((s, i) => {
    const key = speakerKey(s.speaker);
    const indices = bySpeaker.get(key);
    if (indices) indices.push(i);
    else bySpeaker.set(key, [i]);
  });
  const wordings = statements.map(wordingsOf);
  for (const [key, indices] of bySpeaker) {
    if (!key) continue; // no speaker: never the same utterance
    joinSpeakerReports(statements, wordings, indices, components);
  }
  const groups = new Map<number, Statement[]>();
  statements.forEach((s, i) => {
    const root = components.find(i);
    const group = groups.get(root);
    if (group) group.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()].map((group) => {
    const merged = mergeGroup(group);
    return { ...merged, target: majorityTarget(group) ?? merged.target, id: statementId(merged.speaker, merged.text) };
  });
}

/** Disjoint sets of report indices. */
class Components {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(i: number, j: number): void {
    this.parent[this.find(j)] = this.find(i);
  }
}

/**
 * On each side, how many of a speaker's wordings (or classes of reports) holding the same word one
 * is compared with, the nearest in the batch's order: in news, the wordings of a speaker sharing a
 * rare word are fewer, so all are compared; a file built to make thousands alike costs a bounded
 * number of comparisons per report.
 */
const NEAREST_PARTNERS = 100;

/** Calls `visit` with each index pair of `list` at most NEAREST_PARTNERS apart, or the pairs of `list[at]` alone. */
function nearbyPairs(list: number[], visit: (a: number, b: number) => void, at?: number): void {
  const reach = NEAREST_PARTNERS;
  if (at !== undefined) {
    for (let q = Math.max(0, at - reach); q < Math.min(list.length, at + reach + 1); q++) if (q !== at) visit(list[at], list[q]);
    return;
  }
  for (let p = 0; p < list.length; p++) for (let q = p + 1; q < Math.min(list.length, p + reach + 1); q++) visit(list[p], list[q]);
}

/** Two reports of one speaker are one utterance: `a` is the earlier, as the wording test may depend on which comes first. */
function joins(a: Statement, b: Statement, wordingsA: string[], wordingsB: string[]): boolean {
  return (compatible(a.dateRange, b.dateRange) || occasionMeetsOwnDay(a, b)) && sameWording(a, b, wordingsA, wordingsB);
}

/** What `joins` reads of a report: reports alike in all of it join others, and each other, alike. */
function joiningKey(s: Statement): string {
  return JSON.stringify([s.text, s.dateRange, s.sources.map((source) => [source.quote, source.dateRange, source.published, source.dateFromOccasion === true])]);
}

/**
 * Unites the pairs of one speaker's reports that `joins`, without comparing every pair: a batch or
 * one article may hold thousands of a speaker's reports, many of them the same words. Reports alike
 * in all that `joins` reads form a class, compared once; two classes are compared when they share
 * a wording or hold wordings that isSameWording may find alike (see forAlikeWordings), unless
 * they are already one utterance.
 */
function joinSpeakerReports(statements: Statement[], wordings: string[][], indices: number[], components: Components): void {
  const classes: number[][] = [];
  const classByKey = new Map<string, number[]>();
  for (const i of indices) {
    const key = joiningKey(statements[i]);
    const members = classByKey.get(key);
    if (members) members.push(i);
    else {
      classByKey.set(key, [i]);
      classes.push(classByKey.get(key)!);
    }
  }
  const joinsReports = (i: number, j: number) => joins(statements[i], statements[j], wordings[i], wordings[j]);
  // A class whose reports are all one utterance: comparing it with a class of that utterance adds nothing.
  const whole = classes.map((members) => members.length === 1);
  classes.forEach((members, c) => {
    if (members.length < 2 || !joinsReports(members[0], members[1])) return;
    for (const m of members) components.union(members[0], m);
    whole[c] = true;
  });
  const settled = (c: number, d: number) => whole[c] && whole[d] && components.find(classes[c][0]) === components.find(classes[d][0]);
  const joinClasses = (c: number, d: number) => {
    if (c === d || settled(c, d)) return;
    const [first, second] = [classes[c], classes[d]];
    // Members of two classes come in either order: each order is tested where it occurs.
    if (first[0] < second.at(-1)! && joinsReports(first[0], second[0])) unitePairsInOrder(first, second, components);
    if (second[0] < first.at(-1)! && joinsReports(second[0], first[0])) unitePairsInOrder(second, first, components);
  };
  const wordingIds = new Map<string, number>();
  const classesWith: number[][] = [];
  classes.forEach((members, c) => {
    for (const wording of wordings[members[0]]) {
      let id = wordingIds.get(wording);
      if (id === undefined) {
        id = classesWith.length;
        wordingIds.set(wording, id);
        classesWith.push([]);
      }
      classesWith[id].push(c);
    }
  });
  for (const holding of classesWith) nearbyPairs(holding, joinClasses);
  const settledWordings = (x: number, y: number) => {
    const [cs, ds] = [classesWith[x], classesWith[y]];
    return cs.length === 1 && ds.length === 1 ? settled(cs[0], ds[0]) : cs.every((c) => ds.every((d) => settled(c, d)));
  };
  forAlikeWordings([...wordingIds.keys()], settledWordings, (x, y) => {
    for (const c of classesWith[x]) for (const d of classesWith[y]) joinClasses(c, d);
  });
}

/** Unites every x of `earlier` with every y of `later` that comes after it (both in report order). */
function unitePairsInOrder(earlier: number[], later: number[], components: Components): void {
  const last = later.at(-1)!;
  for (const x of earlier) if (x < last) components.union(x, last);
  for (const y of later) if (y > earlier[0]) components.union(earlier[0], y);
}

/** The fewest of `size` content words whose share reaches `ratio`, as isSameWording compares them. */
function fewestReaching(size: number, ratio: number): number {
  let shared = 0;
  while (shared / size < ratio) shared++;
  return shared;
}

/**
 * How many of a wording's content words another wording must share for isSameWording to hold with
 * this one the shorter: all of them (the same words, a part, a run covering them), 80 % of three or
 * more, or 60 % and at least two in a shared run.
 */
function contentToShare(size: number): number {
  let fewest = size;
  if (size >= 3) fewest = Math.min(fewest, fewestReaching(size, 0.8));
  if (size >= 2) fewest = Math.min(fewest, Math.max(2, fewestReaching(size, 0.6)));
  return fewest;
}

/**
 * Calls `alike` with the pairs of distinct wordings (by index) that isSameWording finds alike in
 * either order, but not with pairs `settled` says need no test. A wording that is the shorter of
 * an alike pair shares at least `contentToShare` of its content words with the other, and so at
 * least one of any (size − that + 1) of them: each wording is compared with the wordings holding
 * one of its rarest such words, the nearest it. One of stopwords only ("we will not") can be alike
 * only with a wording holding the same words in a row (two at least).
 */
function forAlikeWordings(texts: string[], settled: (x: number, y: number) => boolean, alike: (x: number, y: number) => void): void {
  const words = texts.map(utteranceWords);
  const content = words.map(contentWords);
  const visit = (x: number, y: number) => {
    if (!settled(x, y) && (isSameWords(words[x], words[y]) || isSameWords(words[y], words[x]))) alike(x, y);
  };
  const holding = new Map<string, number[]>();
  content.forEach((set, i) => {
    for (const word of set) {
      const list = holding.get(word);
      if (list) list.push(i);
      else holding.set(word, [i]);
    }
  });
  const frequency = (word: string) => holding.get(word)!.length;
  content.forEach((set, i) => {
    if (set.size === 0) return;
    const rarest = [...set].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const word of rarest.slice(0, set.size - contentToShare(set.size) + 1)) {
      const list = holding.get(word)!;
      nearbyPairs(list, visit, positionOf(list, i));
    }
  });
  const bare = words.flatMap((list, i) => (list.length > 0 && content[i].size === 0 ? [i] : []));
  if (bare.length === 0) return;
  const runs = new Map<string, number[]>();
  words.forEach((list, i) => {
    for (const run of wordRuns(list)) {
      const holders = runs.get(run);
      if (!holders) runs.set(run, [i]);
      else if (holders.at(-1) !== i) holders.push(i);
    }
  });
  for (const i of bare) {
    for (const run of wordRuns(words[i])) {
      const list = runs.get(run)!;
      nearbyPairs(list, visit, positionOf(list, i));
    }
  }
}

/** Where `value` is in the ascending `list` that holds it. */
function positionOf(list: number[], value: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A wording's single word, or each two words in a row. */
function wordRuns(words: string[]): string[] {
  if (words.length === 1) return [words[0]];
  const runs: string[] = [];
  for (let k = 0; k + 1 < words.length; k++) runs.push(`${words[k]} ${words[k + 1]}`);
  return runs;
}

/** Outlets may frame the same words differently; the target most of them give wins (ties: the earliest). */
function majorityTarget(group: Statement[]): string | null {
  const counts = new Map<string, number>();
  for (const s of group) if (s.target) counts.set(s.target, (counts.get(s.target) ?? 0) + 1);
  let best: string | null = null;
  for (const [target, count] of counts) if (best === null || count > counts.get(best)!) best = target;
  return best;
}

/**
 * Texts and what they belong to, asked for those isSameWording may find alike with a text in either
 * order, without comparing every text: a superset, which the caller tests. The shorter of an alike
 * pair shares at least contentToShare of its content words with the other, and so one of any
 * (size − that + 1) of them; one of stopwords only shares a run of two words (or is the same word).
 * Each text is kept under all its content words and runs, and under such a choice of its words.
 */
export class WordingIndex<T> {
  /** Content word or run → the texts holding it. */
  private readonly holding = new Map<string, Set<string>>();
  /** Content word or run → the texts a longer alike text must hold it or another of their choice for. */
  private readonly needing = new Map<string, Set<string>>();
  private readonly items = new Map<string, Set<T>>();

  add(text: string, item: T): void {
    const items = this.items.get(text);
    if (items) {
      items.add(item);
      return;
    }
    this.items.set(text, new Set([item]));
    const words = utteranceWords(text);
    for (const key of [...contentWords(words), ...wordRuns(words)]) addTo(this.holding, key, text);
    for (const key of this.chosen(words)) addTo(this.needing, key, text);
  }

  /** What the texts that may be alike with `text` belong to, each once. */
  candidates(text: string): Set<T> {
    const words = utteranceWords(text);
    const texts = new Set<string>();
    const collect = (map: Map<string, Set<string>>, keys: Iterable<string>) => {
      for (const key of keys) for (const other of map.get(key) ?? []) texts.add(other);
    };
    // `text` the shorter: the other holds one of its chosen words; the other the shorter: `text` holds one of the other's.
    collect(this.holding, this.chosen(words));
    collect(this.needing, [...contentWords(words), ...wordRuns(words)]);
    const found = new Set<T>();
    for (const other of texts) for (const item of this.items.get(other)!) found.add(item);
    return found;
  }

  /** The words one of which a longer alike text must hold: the rarest so far that suffice, or the runs of a text without content words. */
  private chosen(words: string[]): string[] {
    if (words.length === 0) return [];
    const content = contentWords(words);
    if (content.size === 0) return wordRuns(words);
    const frequency = (word: string) => this.holding.get(word)?.size ?? 0;
    const rarest = [...content].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : a > b ? 1 : 0));
    return rarest.slice(0, content.size - contentToShare(content.size) + 1);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, text: string): void {
  const set = map.get(key);
  if (set) set.add(text);
  else map.set(key, new Set([text]));
}
