import type { DateMention } from "../dates";
import type { ArticleActors } from "./actors";
import type { ArticleText } from "./article-text";
import type { MentionIndex } from "./mention-index";
import type { ProseDates } from "./prose-dates";
import type { SpeechEvents } from "./speech-events";

/** One article as every step of extraction reads it, worked out once. */
export interface Reading {
  article: ArticleText;
  actors: ArticleActors;
  mentions: MentionIndex;
  dates: ProseDates;
  events: SpeechEvents;
  /** The date phrase of the article's occasion (occasionOf), null when its opening gives none. */
  occasion: DateMention | null;
  /** The two countries the article is about. */
  dyad: string[];
}
