import type { Span } from "../features";
import type { Actor, ArticleActors } from "./actors";
import { firstStartingAtOrAfter } from "./positions";
import type { Reading } from "./reading";
import type { SpeechEvent } from "./speech-events";

/** The two countries the article is about: most mentioned, counting people by their country. */
export function mainCountries(found: ArticleActors): string[] {
  const counts = new Map<string, number>();
  const bump = (country: string | null) => country && counts.set(country, (counts.get(country) ?? 0) + 1);
  for (const mention of found.countries) bump(mention.country);
  for (const mention of [...found.mentions, ...found.quotedMentions]) bump(found.actors[mention.actor].country);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([country]) => country);
}

/** The country the words are aimed at: named in the quote, then in the frame, else the article's other country. */
export function targetFor(reading: Reading, actor: Actor, piece: Span, frame: Span[], event: SpeechEvent | null): string | null {
  const found = reading.actors;
  const own = actor.country;
  const verbEnd = event ? reading.article.analyzed.tokens[event.verb].end : Number.POSITIVE_INFINITY;
  const candidates: { position: number; country: string | null; rank: number; topic: number }[] = [];
  // Only positions inside the piece or the frame rank at all.
  const spans = [piece, ...frame];
  const from = Math.min(...spans.map((s) => s.start));
  const to = Math.max(...spans.map((s) => s.end));
  for (const mention of startingWithin(found.countries, from, to)) {
    const rank = targetRank(mention.start, piece, frame, verbEnd);
    if (rank >= 0) candidates.push({ position: mention.start, country: mention.country, rank, topic: topicRank(reading.article.text, mention.start) });
  }
  for (const mention of [...startingWithin(found.quotedMentions, from, to), ...startingWithin(found.mentions, from, to)]) {
    if (mention.actor === actor.id) continue;
    const rank = targetRank(mention.start, piece, frame, verbEnd);
    if (rank >= 0) candidates.push({ position: mention.start, country: found.actors[mention.actor].country, rank, topic: topicRank(reading.article.text, mention.start) });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.topic - b.topic || a.position - b.position);
  // Those speaking together ("Denmark, Finland and Iceland said") are not each other's target.
  const speakers = event ? [event.actor, ...(event.jointly ?? [])] : [];
  const speaking = new Set([own, ...speakers.map((id) => (id === null ? null : found.actors[id].country))]);
  const named = candidates.find((c) => c.country && !speaking.has(c.country));
  if (named) return named.country;
  return reading.dyad.find((country) => !speaking.has(country)) ?? null;
}

const TOPIC_BEFORE = /\b(?:on|about|over|regarding|concerning)\s+(?:the\s+)?$/i;

/** A country named as a topic ("on Bolivia", "about Chile", 1) comes after one the words address (0). */
function topicRank(text: string, position: number): number {
  return TOPIC_BEFORE.test(text.slice(Math.max(0, position - 20), position)) ? 1 : 0;
}

/**
 * How strongly a country named at `position` is the target: named in the quote (0) first; then the
 * verb's object ("accused Oliveira of", "labeled Peru", 1); then the rest of the frame (2); -1 outside both.
 */
function targetRank(position: number, piece: Span, frame: Span[], verbEnd: number): number {
  if (inSpan(position, piece)) return 0;
  if (!frame.some((span) => inSpan(position, span))) return -1;
  return position >= verbEnd && position - verbEnd < 40 ? 1 : 2;
}

function inSpan(position: number, span: Span): boolean {
  return position >= span.start && position < span.end;
}

/**
 * The items starting in [from, to), in their order. Country mentions (sorted by the gazetteer)
 * and actor mentions (sorted by findActors, pronouns merged in by position) are in text order.
 */
function startingWithin<T extends { start: number }>(items: T[], from: number, to: number): T[] {
  const result: T[] = [];
  for (let i = firstStartingAtOrAfter(items, from); i < items.length && items[i].start < to; i++) result.push(items[i]);
  return result;
}
