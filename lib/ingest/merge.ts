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
  const wordsA = utteranceWords(a);
  const wordsB = utteranceWords(b);
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
const wordingsOf = (s: Statement) => {
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
  const voting = ranges.flatMap((range, i) => (range ? [{ range, vote: votes[i] }] : []));
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

/** The text b would show over a's: a direct quote over reported speech, then the fullest wording. */
function showsB(a: Statement, b: Statement): boolean {
  const [directA, directB] = [quotesDirectly(a), quotesDirectly(b)];
  if (directA !== directB) return directB;
  return utteranceWords(b.text).length > utteranceWords(a.text).length;
}

/** Folds b into a: a keeps its id; the shown text (see showsB) brings its context and lexicon value. */
export function mergeStatements(a: Statement, b: Statement): Statement {
  const sources = [...a.sources];
  for (const source of b.sources) if (!sources.some((s) => sourceKey(s) === sourceKey(source))) sources.push(source);
  const bShown = showsB(a, b);
  const shown = bShown ? b : a;
  const dateRange = consensusRange(
    sources.map((s) => s.dateRange),
    sources.map((s) => (s.dateFromOccasion ? OCCASION_VOTE : 1)),
  );
  return {
    id: a.id,
    text: shown.text,
    speaker: fullerSpelling(a.speaker, b.speaker),
    speakerCountry: a.speakerCountry ?? b.speakerCountry,
    target: a.target ?? b.target,
    dateRange,
    date: dateRange && isSingleDay(dateRange) ? dateRange.from : null,
    context: shown.context,
    sources,
    features: bShown ? mergeFeatures(b.features, a.features) : mergeFeatures(a.features, b.features),
  };
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
  const parent = statements.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const bySpeaker = new Map<string, number[]>();
  statements.forEach((s, i) => {
    const key = speakerKey(s.speaker);
    const indices = bySpeaker.get(key);
    if (indices) indices.push(i);
    else bySpeaker.set(key, [i]);
  });
  // isSameUtterance for every pair of a speaker's reports, each report's wordings listed once.
  const wordings = statements.map(wordingsOf);
  for (const [key, indices] of bySpeaker) {
    if (!key) continue; // no speaker: never the same utterance
    for (let x = 0; x < indices.length; x++) {
      const a = statements[indices[x]];
      for (let y = x + 1; y < indices.length; y++) {
        const b = statements[indices[y]];
        if ((compatible(a.dateRange, b.dateRange) || occasionMeetsOwnDay(a, b)) && sameWording(a, b, wordings[indices[x]], wordings[indices[y]])) {
          parent[find(indices[y])] = find(indices[x]);
        }
      }
    }
  }
  const groups = new Map<number, Statement[]>();
  statements.forEach((s, i) => {
    const group = groups.get(find(i));
    if (group) group.push(s);
    else groups.set(find(i), [s]);
  });
  return [...groups.values()].map((group) => {
    const merged = group.reduce((acc, s) => mergeStatements(acc, s));
    return { ...merged, target: majorityTarget(group) ?? merged.target, id: statementId(merged.speaker, merged.text) };
  });
}

/** Outlets may frame the same words differently; the target most of them give wins (ties: the earliest). */
function majorityTarget(group: Statement[]): string | null {
  const counts = new Map<string, number>();
  for (const s of group) if (s.target) counts.set(s.target, (counts.get(s.target) ?? 0) + 1);
  let best: string | null = null;
  for (const [target, count] of counts) if (best === null || count > counts.get(best)!) best = target;
  return best;
}
