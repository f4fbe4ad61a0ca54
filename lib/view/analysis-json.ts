import type { ParsedArticle, ScoredStatement } from "../core/types";
import type { Rejection } from "../ingest/batch";

/** The JSON shape `npm run analyze` prints. */
export function toAnalysisJson(articles: ParsedArticle[], statements: ScoredStatement[], rejected: Rejection[] = []) {
  return {
    articles: articles.map((a) => ({ path: a.path, title: a.title, published: a.published, publishedFrom: a.publishedFrom })),
    statements: statements.map((s) => ({
      id: s.id,
      text: s.text,
      speaker: s.speaker,
      speakerCountry: s.speakerCountry,
      target: s.target,
      date: s.date,
      dateRange: s.dateRange,
      score: s.score,
      label: s.label,
      cameo: s.cameo,
      context: s.context,
      sources: s.sources.map((source) => ({ path: source.path, quote: source.quote })),
      contributions: s.contributions,
      evidence: s.features.hits,
    })),
    rejected,
  };
}
