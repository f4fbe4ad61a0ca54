import type { DateMention } from "../dates";
import { firstEndingAfter } from "./positions";
import { lastOpeningParagraph, OCCASION_KINDS } from "./prose-dates";
import type { Reading } from "./reading";

/** How many tokens into its sentence a subject may start and still open it ("The Peruvian minister …"). */
export const SUBJECT_WITHIN = 3;

/**
 * The occasion of one side's words. An opening often gives each side its own day ("Peru expelled
 * Chile's envoy Sunday … Chile's minister said Monday"): the occasion is the day tied to the other
 * side, so a speaker of the side the opening dates elsewhere was heard on that day instead.
 */
export function occasionFor(reading: Reading, actor: number): DateMention | null {
  const { occasion } = reading;
  const country = reading.actors.actors[actor]?.country;
  if (!occasion || !country) return occasion;
  // Asked twice for each report (its day, and whether that day is the occasion): once per side.
  let bySide = occasionsBySide.get(reading);
  if (!bySide) occasionsBySide.set(reading, (bySide = new Map()));
  let found = bySide.get(country);
  if (found === undefined) bySide.set(country, (found = sideOccasion(reading, occasion, country)));
  return found;
}

const occasionsBySide = new WeakMap<Reading, Map<string, DateMention | null>>();

function sideOccasion(reading: Reading, occasion: DateMention, country: string): DateMention | null {
  const occasionSide = sideOf(reading, occasion);
  if (occasionSide === null || occasionSide === country) return occasion;
  const openingEnd = reading.article.paragraphs[lastOpeningParagraph(reading.article.paragraphs)]?.end ?? 0;
  return reading.dates.mentions.find((d) => d.end <= openingEnd && d !== occasion && OCCASION_KINDS.has(d.expr.kind) && sideOf(reading, d) === country) ?? occasion;
}

/** Whose day a date phrase gives: the country of the speaker of the verb it dates, else of its sentence's subject. */
function sideOf(reading: Reading, date: DateMention): string | null {
  const sentence = reading.article.sentenceOf(date.start);
  const { tokens, sentences } = reading.article.analyzed;
  // A verb of saying before the phrase holds it ("said Monday"); one after it is another clause's
  // ("expelled the envoy Sunday over what officials called …").
  const event = reading.events.inSentence(sentence).find((e) => e.dates.some((d) => d.start === date.start) && tokens[e.verb].start < date.start);
  const speaking = event && event.actor !== null ? reading.actors.actors[event.actor].country : null;
  if (speaking) return speaking;
  // The subject opens the sentence: "Peru expelled …", "The Peruvian minister on Sunday …".
  const first = sentences[sentence]?.firstToken ?? 0;
  const opens = (start: number) => start >= sentences[sentence].start && start < date.start && firstEndingAfter(tokens, start) - first <= SUBJECT_WITHIN;
  const subject = reading.mentions.inSentence(sentence).find((m) => !m.oblique && opens(m.start));
  const country = reading.actors.countries.find((c) => c.via !== "demonym" && opens(c.start));
  if (subject && (!country || subject.start <= country.start)) return reading.actors.actors[subject.actor].country;
  return country?.country ?? null;
}
