import type { DateExpr, DateMention } from "../dates";
import type { ReportEvidence, Span } from "../features";
import type { Actor } from "./actors";
import { occasionFor } from "./occasions";
import type { Reading } from "./reading";
import type { SpeechEvent } from "./speech-events";
import { sayingFrame } from "./saying-frame";
import { targetFor } from "./target";

/** One report of an utterance, as found in one article, before dates are resolved. */
export interface ExtractedStatement {
  text: string;
  speaker: string;
  speakerKind: Actor["kind"];
  speakerCountry: string | null;
  /** Titles the article gives the speaker, for naming an unnamed office-holder from the rest of the batch. */
  speakerTitles: string[];
  speakerHead: boolean;
  /** Has a title or country here; people without either (analysts, residents) are dropped unless the batch knows them. */
  speakerOfficial: boolean;
  target: string | null;
  /** The date expression this article ties to the utterance, unresolved (the article date may be inferred later). */
  dateExpr: DateExpr | null;
  dateText: string | null;
  /** The date is the article's occasion, not a phrase of this attribution: weaker evidence of the article's own day. */
  dateFromOccasion: boolean;
  /** That occasion is the day the opening gives the speaker's side for its own action (occasionFor), not the article's. */
  dateFromSideOccasion: boolean;
  context: string;
  /** The words are inside quotation marks in the article (false: reported speech). */
  direct: boolean;
  /** What its features are worked out from, once the batch knows it keeps the report. */
  evidence: ReportEvidence;
  /** Position in the article, for stable ordering. */
  offset: number;
}

/** Leaders, officials and institutions: a named person needs a title or a country (the batch may supply it). */
function isOfficial(actor: Actor): boolean {
  return actor.kind !== "person" || actor.titles.length > 0 || actor.country !== null;
}

/** One report: the speaker's words (`piece`, less an `aside` of the reporter's inside it) and their frame. */
export function reportOf(
  reading: Reading,
  actor: Actor,
  piece: Span,
  frame: Span[],
  event: SpeechEvent | null,
  date: DateMention | null,
  context: string,
  aside: Span | null = null,
): ExtractedStatement {
  const { text } = reading.article;
  const occasion = occasionFor(reading, actor.id);
  return {
    // "The move, she said, was a mistake": the words without the attribution set inside them.
    text: aside ? `${text.slice(piece.start, aside.start).trimEnd()} ${text.slice(aside.end, piece.end).trimStart()}` : text.slice(piece.start, piece.end),
    speaker: actor.name,
    speakerKind: actor.kind,
    speakerCountry: actor.country,
    speakerTitles: actor.titles,
    speakerHead: actor.head,
    speakerOfficial: isOfficial(actor),
    target: targetFor(reading, actor, piece, frame, event),
    dateExpr: date?.expr ?? null,
    dateText: date?.text ?? null,
    dateFromOccasion: date !== null && date === occasion,
    dateFromSideOccasion: date !== null && date === occasion && date !== reading.occasion,
    context,
    // A clause around a partial quotation quotes the speaker too.
    direct: reading.article.isQuoted(piece) || reading.article.quoteOverlaps(piece.start, piece.end),
    evidence: { analyzed: reading.article.analyzed, words: piece, frame: sayingFrame(reading.article.analyzed.tokens, frame, piece, event) },
    offset: piece.start,
  };
}
