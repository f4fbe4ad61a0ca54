import type { DateMention } from "../dates";
import type { Token } from "../nlp";
import { occasionFor } from "./occasions";
import { firstEndingAfter } from "./positions";
import { modifiesANoun } from "./prose-dates";
import { insideAny } from "./quotes";
import type { Reading } from "./reading";
import type { ExtractedStatement } from "./report";
import type { SpeechEvent } from "./speech-events";

/**
 * Words in an attribution that place the words on another occasion than the article's. "In a
 * tweet" does, as a post does ("wrote on X"); naming a channel of statements ("said on Twitter",
 * "in an interview", "a statement posted on Facebook") does not: reports name the channel of the
 * news's own statements as often.
 */
const OTHER_OCCASION = new Set(["earlier", "previously", "formerly", "once", "already", "repeatedly", "tweet", "tweeted"]);
/** "Days after X suggested …", "weeks before": the words were said some time off the occasion. */
const TIME_UNITS = new Set(["day", "days", "week", "weeks", "month", "months", "year", "years", "hours"]);
const OFFSETS = new Set(["after", "before", "earlier", "ago"]);
/** "wrote on X", "posted on Truth Social": a post, like a tweet, is its own occasion. */
const PLATFORMS_AFTER_ON = new Set(["x", "truth"]);

/**
 * The attribution marks an occasion of its own: a past perfect ("had said"), words such as
 * "earlier" or "in a tweet", or a date phrase in its sentence or before it in its paragraph that
 * is not the occasion's.
 */
function marksAnotherOccasion(reading: Reading, event: SpeechEvent): boolean {
  const { tokens, sentences } = reading.article.analyzed;
  const sentence = sentences[event.sentence];
  for (let i = sentence.firstToken; i <= sentence.lastToken; i++) {
    const token: Token = tokens[i];
    if (!OTHER_OCCASION.has(token.normal) && !PLATFORMS_AFTER_ON.has(token.normal) && !OFFSETS.has(token.normal) && token.normal !== "had") continue;
    if (insideAny(token.start, reading.article.quotes)) continue;
    // "once again" repeats what is said now; "once" alone places it in the past.
    if (token.normal === "once" && tokens[i + 1]?.normal === "again") continue;
    if (OTHER_OCCASION.has(token.normal)) return true;
    if (PLATFORMS_AFTER_ON.has(token.normal) && tokens[i - 1]?.normal === "on") return true;
    if (OFFSETS.has(token.normal) && TIME_UNITS.has(tokens[i - 1]?.normal ?? "") && i < event.verb) return true;
    if (token.normal === "had" && i < event.verb && event.verb - i <= 2) return true;
  }
  // A date phrase in the sentence, or earlier in its paragraph, that is not the occasion's: the
  // narration has moved to another time ("Earlier this week, X described … Y condemned …"). In an
  // earlier sentence it must set that sentence's time or a saying's: a background event's day
  // ("The first meeting took place on June 6.") does not move the narration.
  const occasion = reading.occasion;
  const paragraphStart = reading.article.paragraphs[event.paragraph].start;
  return reading.dates.mentions.some(
    (d) =>
      d.start >= paragraphStart && d.end <= sentence.end && d.start !== occasion?.start && !modifiesANoun(tokens, d) && (d.start >= sentence.start || setsTheTime(reading, d)),
  );
}

/** Tokens a date phrase may follow and still open its sentence ("Earlier on Monday, …"). */
const FRONTED_WITHIN = 3;

/** The date phrase opens its sentence, or a verb of saying holds it. */
function setsTheTime(reading: Reading, date: DateMention): boolean {
  const index = reading.article.sentenceOf(date.start);
  const sentence = reading.article.analyzed.sentences[index];
  if (sentence && firstEndingAfter(reading.article.analyzed.tokens, date.start) - sentence.firstToken <= FRONTED_WITHIN) return true;
  return reading.events.inSentence(index).some((e) => e.dates.includes(date));
}

/** An utterance to date: who says it, its verb of saying, the report a continuing quote carries on from. */
export interface Utterance {
  actor: number;
  event: SpeechEvent | null;
  inherited: ExtractedStatement | null;
  opensWithQuote: boolean;
}

/**
 * The date phrase this article ties to an utterance; never the article's own date. Without a
 * phrase of its own, the utterance was said on the article's occasion unless its attribution
 * marks another.
 */
export function dateFor(reading: Reading, utterance: Utterance): DateMention | null {
  const own = ownDateFor(reading, utterance);
  if (own || utterance.inherited) return own;
  if (utterance.event && marksAnotherOccasion(reading, utterance.event)) return null;
  return occasionFor(reading, utterance.actor);
}

function ownDateFor(reading: Reading, { actor, event, inherited, opensWithQuote }: Utterance): DateMention | null {
  if (event && event.dates.length) return event.dates[0];
  if (inherited?.dateExpr) return inherited.dateFromOccasion ? reading.occasion : { start: -1, end: -1, text: inherited.dateText ?? "", expr: inherited.dateExpr };
  if (!event) return null;
  const { article, events } = reading;
  // A verb coordinated with a dated one shares its date ("described … on Sunday and suggested …").
  const sibling = events.inSentence(event.sentence).find((e) => e.verb < event.verb && e.actor === actor && e.dates.length);
  if (sibling) return sibling.dates[0];
  // A fronted time phrase ("Over the past weekend, …") or the speaker's dated words earlier in the
  // paragraph ("In comments on Sunday, X added … Asked whether …, X responded") set the time for the
  // rest of it, unless someone else speaks in between.
  const sentences = article.analyzed.sentences;
  for (let s = event.sentence - 1; s >= 0; s--) {
    if (article.paragraphOf(sentences[s].start) !== event.paragraph) break;
    const speaking = events.inSentence(s);
    if (speaking.some((e) => e.actor !== null && e.actor !== actor)) break;
    const dated = speaking.find((e) => e.actor === actor && e.dates.length);
    if (dated) return dated.dates[0];
    const fronted = reading.dates.startingNear(sentences[s].start, 12);
    if (fronted) return fronted;
  }
  // A paragraph continues the same speaker's dated speech in the paragraph just before it ("Over the
  // weekend, Moreau called …" … "Asked whether …, Moreau replied"); one that opens with the quote,
  // in the paragraphs just before it ("Moreau said Wednesday…" … "“…,” Moreau wrote.").
  const reach = opensWithQuote ? 3 : 1;
  for (let p = article.previousProse(event.paragraph), hops = 0; p >= 0 && hops < reach; p = article.previousProse(p), hops++) {
    const inParagraph = events.inParagraph(p).filter((e) => e.actor !== null);
    const dated = inParagraph.filter((e) => e.actor === actor && e.dates.length).at(-1);
    if (dated) return dated.dates[0];
    if (inParagraph.some((e) => e.actor !== actor)) return null;
    // "Ruiz on Monday summoned the ambassador …" then "Ruiz said …": the same scene.
    if (hops === 0) {
      const acting = actingDayIn(reading, p, actor);
      if (acting) return acting;
    }
  }
  return null;
}

/** Characters between a subject's name and the date phrase of its action ("Ana Ruiz on Monday summoned"). */
const SUBJECT_DATE_GAP = 2;

/** The day a paragraph gives the speaker's own action: a date phrase right after their name. */
function actingDayIn(reading: Reading, paragraph: number, actor: number): DateMention | null {
  const { sentences } = reading.article.analyzed;
  const { start, end } = reading.article.paragraphs[paragraph];
  for (let s = reading.article.sentenceOf(start); s >= 0 && s < sentences.length && sentences[s].start < end; s++) {
    for (const mention of reading.mentions.inSentence(s)) {
      if (mention.actor !== actor || mention.oblique) continue;
      const date = reading.dates.startingNear(mention.end + 1, SUBJECT_DATE_GAP);
      if (date && date.start < end) return date;
    }
  }
  return null;
}
