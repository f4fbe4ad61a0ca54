import { closestYear, resolveDateExpr } from "./dates";
import type { ExtractedStatement } from "./extract/report";
import { extractStatements } from "./extract/statements";
import { reportFeatures } from "./features";
import { boundedParagraphs, InputRejected, parseArticle } from "./input";
import { fullerSpelling, isSameWording, mergeAll, speakerKey, statementId, WordingIndex } from "./merge";
import type { DateRange, ISODate, ParsedArticle, Statement } from "../core/types";
import { addDays, intersectRanges, isSingleDay } from "../core/days";
import { appendTo } from "./extract/positions";

export interface BatchInput {
  path: string;
  bytes: Buffer;
}

export interface Rejection {
  path: string;
  reason: string;
}

export interface BatchResult {
  articles: ParsedArticle[];
  rejected: Rejection[];
  statements: Statement[];
}

export interface BatchOptions {
  /** Publication date for articles whose date cannot be found or inferred. */
  date?: ISODate;
  /** Called after each input is read and its reports found (or it is rejected): for a progress display. */
  onInput?: (progress: { done: number; total: number; reports: number }) => void;
}

interface ArticleWork {
  article: ParsedArticle;
  extracted: ExtractedStatement[];
}

/** How far after the latest matched statement an undated article is looked for. */
const INFERENCE_WINDOW_DAYS = 14;

/** article → statements (speaker, target, date, sources) → features, for a batch of files. Pure: no I/O. */
export function analyzeBatch(inputs: BatchInput[], options: BatchOptions = {}): BatchResult {
  const rejected: Rejection[] = [];
  const work: ArticleWork[] = [];
  const seen = new Set<string>();
  let reports = 0;
  inputs.forEach((input, k) => {
    const extracted = readInput(input, rejected, seen);
    if (extracted) {
      work.push(extracted);
      reports += extracted.extracted.length;
    }
    options.onInput?.({ done: k + 1, total: inputs.length, reports });
  });
  completeYearlessDatelines(work);
  nameOfficeHolders(work);
  inferPublicationDates(work);
  if (options.date) {
    for (const { article } of work) {
      if (!article.published) {
        article.published = options.date;
        article.publishedFrom = "cli";
      }
    }
  }
  return { articles: work.map((w) => w.article), rejected, statements: mergedInOrder(reportsOfWork(work)) };
}

/** An input's article and reports; null when it is rejected (added to `rejected`) or repeats an article of the batch. */
function readInput(input: BatchInput, rejected: Rejection[], seen: Set<string>): ArticleWork | null {
  let article: ParsedArticle;
  try {
    article = parseArticle(input.path, input.bytes);
  } catch (error) {
    if (error instanceof InputRejected) {
      rejected.push({ path: input.path, reason: error.message });
      return null;
    }
    throw error;
  }
  if (seen.has(article.contentHash)) return null; // the same article twice in one batch
  seen.add(article.contentHash);
  return { article, extracted: reportsIn(article.paragraphs) };
}

/** A batch's reports merged into statements, by day (undated last), speaker and id. */
function mergedInOrder(reports: Statement[]): Statement[] {
  return mergeAll(reports).sort(
    (a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || (a.speaker ?? "").localeCompare(b.speaker ?? "") || a.id.localeCompare(b.id),
  );
}

/**
 * The statements of stored articles analysed again as one batch: what analyzeBatch gives for
 * them, with their publication days as stored (nothing inferred again). Pure: no I/O.
 */
export function analyzeStored(articles: ParsedArticle[]): Statement[] {
  return mergedInOrder(reportsOf(articles));
}

/**
 * The reports of stored articles, unmerged, as analyzeBatch finds them in one batch: office-holders
 * named across the articles, publication days as stored (nothing inferred again). Pure: no I/O.
 */
export function reportsOf(articles: ParsedArticle[]): Statement[] {
  const work = articles.map((article) => ({ article: { ...article }, extracted: reportsIn(article.paragraphs) }));
  nameOfficeHolders(work);
  return reportsOfWork(work);
}

/**
 * Reports an article may make: a news article makes dozens, a file built to make one on every line
 * would cost time and store space in proportion, so the first ones in text order stand for it.
 */
const MAX_REPORTS_PER_ARTICLE = 5000;

/**
 * The most characters and paragraphs read as one text. Finding a report looks around it (the
 * speaker introduced earlier, the quotation it continues, the article's occasion), and no such
 * look needs to reach further than a long article; a longer file is read in parts of this size.
 */
const MAX_PART_CHARS = 50_000;
const MAX_PART_PARAGRAPHS = 200;

/** The reports of an article's paragraphs, as parseArticle bounds them (stored articles may predate the bounds). */
function reportsIn(paragraphs: string[]): ExtractedStatement[] {
  const reports: ExtractedStatement[] = [];
  for (const part of partsOf(boundedParagraphs(paragraphs))) {
    for (const report of extractStatements(part)) {
      if (reports.length === MAX_REPORTS_PER_ARTICLE) return reports;
      reports.push(report);
    }
  }
  return reports;
}

/** Consecutive paragraphs in parts of at most MAX_PART_CHARS and MAX_PART_PARAGRAPHS. */
function partsOf(paragraphs: string[]): string[][] {
  const parts: string[][] = [[]];
  let chars = 0;
  for (const paragraph of paragraphs) {
    const part = parts.at(-1)!;
    if (part.length > 0 && (part.length === MAX_PART_PARAGRAPHS || chars + paragraph.length > MAX_PART_CHARS)) {
      parts.push([paragraph]);
      chars = paragraph.length;
    } else {
      part.push(paragraph);
      chars += paragraph.length;
    }
  }
  return parts;
}

function reportsOfWork(work: ArticleWork[]): Statement[] {
  return work.flatMap(({ article, extracted }) => extracted.map((e) => toStatement(article, e)));
}

/** "NEW DELHI, March 3 (Reuters) -": the year is the one that puts the day nearest the batch's other articles. */
function completeYearlessDatelines(work: ArticleWork[]): void {
  const known = work.map((w) => w.article.published).filter((d): d is ISODate => d !== null);
  for (const { article } of work) {
    if (article.published || !article.datelineDay) continue;
    const date = closestYear(article.datelineDay.month, article.datelineDay.day, known);
    if (!date) continue;
    article.published = date;
    article.publishedFrom = "dateline";
  }
}

/**
 * "The Philippine leader said…" in one article, "Philippine President Ramon Dizon" in another: an
 * unnamed office-holder becomes the one person of the batch with that country and office.
 */
function nameOfficeHolders(work: ArticleWork[]): void {
  const spellings = commonSpellings(work.flatMap((w) => [...new Set(w.extracted.filter((e) => e.speakerKind === "person").map((e) => e.speaker))]));
  const people = new Map<string, ExtractedStatement>();
  for (const e of work.flatMap((w) => w.extracted)) {
    if (e.speakerKind === "person") e.speaker = spellings.get(speakerKey(e.speaker))!;
    if (e.speakerKind === "person" && e.speakerOfficial && e.speakerCountry) people.set(speakerKey(e.speaker), e);
  }
  const named = [...people.values()];
  const namedEndingIn = byNameEnding(named);
  // One article says "Polish Prime Minister Jan Wozniak", another only "Wozniak": the country carries over.
  for (const e of work.flatMap((w) => w.extracted)) {
    if (e.speakerCountry) continue;
    const key = speakerKey(e.speaker);
    const known = people.get(key) ?? namedEndingIn.get(key)?.[0] ?? onlyOneWithSurname(namedEndingIn, key);
    if (known) {
      e.speaker = known.speaker;
      e.speakerCountry = known.speakerCountry;
      e.speakerOfficial = true;
      if (e.target === e.speakerCountry) e.target = known.target;
    }
  }
  for (const item of work) item.extracted = item.extracted.filter((e) => e.speakerOfficial);
  useFullestNames(work.flatMap((w) => w.extracted));
  const holdersOf = byCountryAndOffice(named);
  for (const e of work.flatMap((w) => w.extracted)) {
    if (e.speakerKind !== "office") continue;
    const offices = e.speakerTitles.includes("leader") ? [...e.speakerTitles, HEAD] : e.speakerTitles;
    const holders = new Set(offices.flatMap((office) => holdersOf.get(`${e.speakerCountry}\u0000${office}`) ?? []));
    if (holders.size !== 1) continue;
    const [holder] = holders;
    e.speaker = holder.speaker;
    e.speakerKind = "person";
    e.speakerTitles = holder.speakerTitles;
  }
}

/** Stands for a head of state or government among a person's titles ("the leader" is one). */
const HEAD = "\u0000head";

/** The named people by their country and each of their titles (HEAD for a head), in their order. */
function byCountryAndOffice(named: ExtractedStatement[]): Map<string, ExtractedStatement[]> {
  const holders = new Map<string, ExtractedStatement[]>();
  for (const p of named) {
    for (const office of p.speakerHead ? [...p.speakerTitles, HEAD] : p.speakerTitles) appendTo(holders, `${p.speakerCountry}\u0000${office}`, p);
  }
  return holders;
}

/**
 * The people under each ending of their names after a space ("jan wozniak" under "wozniak"), in
 * their order: those whose key ends with ` ${ending}`, without testing every name.
 */
function byNameEnding<T extends { speaker: string }>(people: T[]): Map<string, T[]> {
  const endingIn = new Map<string, T[]>();
  for (const p of people) {
    const key = speakerKey(p.speaker);
    for (let at = key.indexOf(" "); at >= 0; at = key.indexOf(" ", at + 1)) appendTo(endingIn, key.slice(at + 1), p);
  }
  return endingIn;
}

/**
 * "Andres Lopez", "ANDRÉS López", "Andrés López": one person, named as most articles write the name
 * (ties: with its accents, then with fewer capitals). `names`: each article's spellings once.
 */
function commonSpellings(names: string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names) {
    const key = speakerKey(name);
    const forKey = counts.get(key) ?? new Map<string, number>();
    counts.set(key, forKey.set(name, (forKey.get(name) ?? 0) + 1));
  }
  const chosen = new Map<string, string>();
  for (const [key, forKey] of counts) {
    const [first, ...rest] = [...forKey].sort((a, b) => b[1] - a[1]);
    chosen.set(key, rest.filter(([, n]) => n === first[1]).reduce((best, [name]) => fullerSpelling(best, name)!, first[0]));
  }
  return chosen;
}

/** Letters a surname needs to tell one person from another across spellings of the given name. */
const DISTINCT_SURNAME_LETTERS = 5;

/** "Ramdane Lamamra" for "Ramtane Lamamra": the one placed person of the batch whose name ends in the same long surname (`namedEndingIn`: byNameEnding). */
function onlyOneWithSurname(namedEndingIn: Map<string, ExtractedStatement[]>, key: string): ExtractedStatement | undefined {
  const surname = key.split(" ").at(-1)!;
  if (!key.includes(" ") || surname.length < DISTINCT_SURNAME_LETTERS) return undefined;
  const alike = namedEndingIn.get(surname) ?? [];
  return alike.length === 1 ? alike[0] : undefined;
}

/**
 * "Tayyip Erdogan" in one article, "Recep Tayyip Erdogan" in another: a person's name of two words
 * or more that ends another's of the same country is that person, under the fuller name, so that
 * their reports merge.
 */
function useFullestNames(extracted: ExtractedStatement[]): void {
  const people = new Map<string, ExtractedStatement>();
  for (const e of extracted) if (e.speakerKind === "person") people.set(speakerKey(e.speaker), e);
  const fuller = new Map<string, ExtractedStatement>();
  const endingIn = byNameEnding([...people.values()]);
  for (const [key, e] of people) {
    if (!key.includes(" ")) continue;
    const longer = (endingIn.get(key) ?? []).filter((o) => o.speakerCountry === e.speakerCountry || !e.speakerCountry);
    // Two fuller names ending alike ("Jan Kowalski", "Anna Kowalski" for "Kowalski") name nobody.
    if (longer.length === 1) fuller.set(key, longer[0]);
  }
  for (const e of extracted) {
    const known = e.speakerKind === "person" ? fuller.get(speakerKey(e.speaker)) : undefined;
    if (!known) continue;
    e.speaker = known.speaker;
    e.speakerCountry ??= known.speakerCountry;
  }
}

/** Days between an occasion and publication from which the occasion no longer dates words without a day of their own. */
const OCCASION_REACH_DAYS = 3;

/** The days the article ties the words to; none that begin after the article was published, when no one could have said them. */
function resolvedRange(article: ParsedArticle, extracted: ExtractedStatement): DateRange | null {
  const range = extracted.dateExpr ? resolveDateExpr(extracted.dateExpr, article.published) : null;
  if (range && article.published && extracted.dateFromOccasion && !extracted.dateFromSideOccasion && addDays(range.to, OCCASION_REACH_DAYS) <= article.published) {
    // An occasion days before publication is the news's background: words with no day of their
    // own were said between it and publication, not necessarily on it. (A side's own day, given
    // for its action in the opening, still dates that side's words.)
    return { from: range.from, to: article.published };
  }
  if (!range || !article.published || range.from <= article.published) return range;
  // Only a weekday may name the day after publication, where the news happened in a later time zone.
  return extracted.dateExpr?.kind === "weekday" && range.from === addDays(article.published, 1) ? range : null;
}

/**
 * The report as the batch keeps it, with its features: worked out only here, as sentiment and rule
 * hits are a large part of a report's cost and the reports of speakers without an office are
 * dropped before.
 */
function toStatement(article: ParsedArticle, extracted: ExtractedStatement): Statement {
  const dateRange = resolvedRange(article, extracted);
  const context = boundedContext(extracted.context, extracted.text);
  return {
    id: statementId(extracted.speaker, extracted.text),
    text: extracted.text,
    speaker: extracted.speaker,
    speakerCountry: extracted.speakerCountry,
    target: extracted.target,
    date: dateRange && isSingleDay(dateRange) ? dateRange.from : null,
    dateRange,
    context,
    sources: [
      {
        path: article.path,
        articleHash: article.contentHash,
        quote: extracted.text,
        context,
        dateRange,
        published: article.published,
        direct: extracted.direct,
        ...(extracted.dateFromOccasion ? { dateFromOccasion: true } : {}),
      },
    ],
    features: reportFeatures(extracted.text, extracted.evidence),
  };
}

/**
 * Characters of the reporter's text kept around a report's words. A quotation running over several
 * paragraphs frames each of its sentences with all of them; each source stores its context.
 */
export const MAX_CONTEXT_CHARS = 3000;

/** The context, or the part of it around the words centred on them, its cut ends marked. */
function boundedContext(context: string, text: string): string {
  if (context.length <= MAX_CONTEXT_CHARS) return context;
  const at = Math.max(0, context.indexOf(text));
  const start = Math.max(0, Math.min(at - Math.floor((MAX_CONTEXT_CHARS - text.length) / 2), context.length - MAX_CONTEXT_CHARS));
  const end = start + MAX_CONTEXT_CHARS;
  return `${start > 0 ? "…" : ""}${context.slice(start, end).trim()}${end < context.length ? "…" : ""}`;
}

/**
 * An undated article reporting statements that dated articles also report: pick the earliest
 * publication day that makes its own date phrases ("on Monday") agree with the others' dates.
 * Days taken from an article's occasion are left out: they date statements, not articles.
 */
function inferPublicationDates(work: ArticleWork[]): void {
  // Most batches have no undated article: the index of dated reports would then go unread.
  if (work.every((w) => w.article.published)) return;
  const dated = work.filter((w) => w.article.published);
  const known = dated.flatMap(({ article, extracted }) =>
    extracted.filter((e) => !e.dateFromOccasion).map((e) => ({ e, range: resolvedRange(article, e) })).filter((k) => k.range !== null),
  ) as { e: ExtractedStatement; range: DateRange }[];
  // Each speaker's known reports by their words: an undated report is compared only with those that may be alike.
  const knownBySpeaker = new Map<string, WordingIndex<number>>();
  known.forEach((k, i) => {
    const key = speakerKey(k.e.speaker);
    const index = knownBySpeaker.get(key) ?? new WordingIndex<number>();
    knownBySpeaker.set(key, index);
    index.add(k.e.text, i);
  });
  for (const item of work) {
    if (item.article.published) continue;
    const matches = item.extracted.flatMap((e) => {
      const candidates = knownBySpeaker.get(speakerKey(e.speaker))?.candidates(e.text) ?? new Set<number>();
      return [...candidates].filter((i) => isSameWording(known[i].e.text, e.text)).map((i) => ({ e, range: known[i].range }));
    });
    if (matches.length === 0) continue;
    // It was written after the latest day it reports.
    const lowerBound = matches.map((m) => m.range.from).sort().at(-1)!;
    let best: { day: ISODate; agreement: number } | null = null;
    for (let offset = 0; offset <= INFERENCE_WINDOW_DAYS; offset++) {
      const day = addDays(lowerBound, offset);
      const agreement = matches.filter((m) => {
        if (!m.e.dateExpr || m.e.dateFromOccasion) return false;
        const range = resolveDateExpr(m.e.dateExpr, day);
        return range !== null && intersectRanges(range, m.range) !== null;
      }).length;
      if (agreement > 0 && (!best || agreement > best.agreement)) best = { day, agreement };
    }
    if (best) {
      item.article.published = best.day;
      item.article.publishedFrom = "batch";
    }
  }
}
