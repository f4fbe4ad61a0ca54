// A stored statement that loses some articles' reports (an article is removed, or analysed again):
// what its other reports make of it. The reports are found again in their articles, so each brings its own
// words, target, day and features, and they are merged as one batch would merge them.
import type { Statement, StatementSource } from "../core/types";
import { isSingleDay } from "../core/days";
import { featuresOfSentence } from "./features";
import { mergeAll, speakerKey, statementId } from "./merge";

/** Reports found again in their articles (see reportsOf in ./batch), by article and quote. */
export type ReportIndex = Map<string, Statement[]>;

const reportKey = (articleHash: string, quote: string) => `${articleHash}\u0000${quote}`;

export function indexReports(reports: Statement[]): ReportIndex {
  const index: ReportIndex = new Map();
  for (const report of reports) {
    for (const source of report.sources) {
      const key = reportKey(source.articleHash, source.quote);
      index.set(key, [...(index.get(key) ?? []), report]);
    }
  }
  return index;
}

/**
 * The statements `stored` becomes without the reports of the articles `removed` (content hashes):
 * each remaining source's report as found again in its article, merged with mergeAll, so that
 * the day, text, target and features are those the remaining reports give. Usually one
 * statement, which keeps the stored id; several when the removed reports were what joined the
 * others, and then the one holding the first remaining source keeps it. None when only `removed`
 * reported it.
 *
 * A batch may name a speaker from another of its articles ("the deputy foreign minister" is the
 * one a second article names): with `speakerNamedElsewhere` (another stored statement has the
 * stored speaker, so an article that stays names them) the reports keep the stored speaker and
 * country; otherwise they take those their articles give without the removed one.
 */
export function withoutArticles(stored: Statement, removed: ReadonlySet<string>, reports: ReportIndex, speakerNamedElsewhere: boolean): Statement[] {
  const remaining = stored.sources.filter((source) => !removed.has(source.articleHash));
  if (remaining.length === 0) return [];
  const merged = mergeAll(remaining.map((source) => reportOf(stored, source, reports, speakerNamedElsewhere)));
  const first = reportKey(remaining[0].articleHash, remaining[0].quote);
  const keeper = merged.find((s) => s.sources.some((source) => reportKey(source.articleHash, source.quote) === first)) ?? merged[0];
  return merged.map((s) => (s === keeper ? { ...s, id: stored.id } : s));
}

/**
 * A remaining source's report: the one its article still gives for that quote (of the stored
 * speaker when several do); when the pipeline no longer finds the quote there (it changed since
 * the report was stored), the stored report, its features those of its sentence alone.
 */
function reportOf(stored: Statement, source: StatementSource, reports: ReportIndex, keepSpeaker: boolean): Statement {
  const found = reports.get(reportKey(source.articleHash, source.quote)) ?? [];
  const report = found.find((r) => speakerKey(r.speaker) === speakerKey(stored.speaker)) ?? found[0];
  if (report) return keepSpeaker ? { ...report, speaker: stored.speaker, speakerCountry: stored.speakerCountry ?? report.speakerCountry } : report;
  return {
    id: stored.id,
    text: source.quote,
    speaker: stored.speaker,
    speakerCountry: stored.speakerCountry,
    target: stored.target,
    date: source.dateRange && isSingleDay(source.dateRange) ? source.dateRange.from : null,
    dateRange: source.dateRange,
    context: source.context,
    sources: [source],
    features: featuresOfSentence(source.context),
  };
}

/**
 * `fresh` (statements of articles analysed again) with the ids of the statements in `stored` (what
 * the store held for those articles) they were: a fresh statement takes the id of the stored one
 * with the same speaker and words, and one that has none takes the id of the stored one that held
 * most of its reports (article and quote). Links and exports keep pointing at a statement whose
 * words did not change, and a statement that other articles also report is merged back into what
 * they make of it (withoutArticles keeps its id), as it was merged when the store was built. Each
 * stored id goes to one fresh statement at most.
 */
export function withStoredIds(fresh: Statement[], stored: Statement[]): Statement[] {
  const holder = new Map<string, string>();
  const idOfWords = new Map<string, string>();
  for (const s of stored) {
    for (const source of s.sources) holder.set(reportKey(source.articleHash, source.quote), s.id);
    const words = statementId(s.speaker, s.text);
    if (!idOfWords.has(words)) idOfWords.set(words, s.id);
  }
  const ids: Array<string | undefined> = fresh.map(() => undefined);
  const given = new Set<string>();
  const give = (i: number, id: string | undefined) => {
    if (ids[i] !== undefined || id === undefined || given.has(id)) return;
    given.add(id);
    ids[i] = id;
  };
  fresh.forEach((s, i) => give(i, idOfWords.get(statementId(s.speaker, s.text))));
  fresh.forEach((s, i) => give(i, mostCommon(s.sources.map((source) => holder.get(reportKey(source.articleHash, source.quote))))));
  return fresh.map((s, i) => (ids[i] === undefined || ids[i] === s.id ? s : { ...s, id: ids[i]! }));
}

/** The value given most often (ties: the first given); undefined when none is. */
function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
