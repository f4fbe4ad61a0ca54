import speech from "../../data/speech.json";
import type { Span } from "../features";
import { collapse } from "../input";
import type { Sentence, Token } from "../nlp";
import { dateFor } from "./dating";
import { firstEndingAfter } from "./positions";
import type { Reading } from "./reading";
import { reportOf, type ExtractedStatement } from "./report";
import { phrasalVerbEnd, saysNothing, SKIPPABLE_BEFORE_VERB, SPEECH_VERBS, type SpeechEvent } from "./speech-events";

const REPORTING_VERBS = new Set(speech.reportingVerbs);
/** A verb that reports speech without quotation marks: "said that", "pointed out that". */
const isReporting = (tokens: Token[], index: number) => REPORTING_VERBS.has(tokens[index].lemma) || phrasalVerbEnd(tokens, index) !== null;
const ACT_VERBS = new Set(speech.actVerbs);
const LABEL_VERBS = new Set(speech.labelVerbs);
const INFINITIVE_VERBS = new Set(speech.infinitiveVerbs);
const CLAUSE_BREAKS = new Set(speech.clauseBreaks);
const AUDIENCE = new Set(["reporters", "journalists", "media", "crowd", "audience", "supporters", "lawmakers", "parliament", "him", "her", "them", "us", "me", "the", "a", "his", "their", "cnn", "television", "radio"]);
const MEDIA = new Set(["statement", "interview", "briefing", "conference", "news", "press", "post", "video", "speech", "broadcast", "television", "radio", "newspaper", "agency"]);
const MIN_REPORTED_WORDS = 4;
/** Words a reported clause's subject may take before its verb ("an unnamed senior diplomat has"). */
const SUBJECT_WORDS = 8;
/** Words opening a clause that sets the scene of the saying, not what was said. */
const SCENE_CLAUSES = new Set(["as", "while", "when", "after", "before", "amid", "during", "following", "ahead", "despite"]);

/**
 * Reported speech without quotation marks: "Oliveira said she had spoken with…", "Mehta vowed to
 * retaliate". `quoting`: the speech events that introduce a quote, whose quote is the statement.
 */
export function reportedStatements(reading: Reading, quoting: Set<SpeechEvent | null>): ExtractedStatement[] {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  const results: ExtractedStatement[] = [];
  const nextSpeaking = nextInSentence(reading.events.all, (e) => e.actor !== null);
  // A participle of saying after a comma, or a verb of saying joined by "and", owns the quotation
  // after it, even past another verb of saying inside the clause before it ("accused Y of shifting
  // blame, asserting “…”", "said that … and called it “…”").
  const nextClauseOpener = nextInSentence(reading.events.all, (e) => e.actor !== null && opensOwnClause(tokens, e.verb));
  for (const event of reading.events.all) {
    if (event.actor === null || saysNothing(tokens, event)) continue;
    const verb = tokens[event.verb];
    if (verb.pos !== "VERB" || verb.normal === "according") continue; // "according to": accordingToStatements
    const sentence = article.analyzed.sentences[event.sentence];
    // The quote is the statement; a clause reported before it and joined by "and that" is one too.
    const nextSaying = nextSpeaking.get(event);
    // After a participle opening the sentence, the next verb of saying is the main clause's: it owns
    // what follows it. Elsewhere it is more often inside the reported clause, unless it is a
    // participle after a comma ("…, pointing out that “…”") for a quotation, or closes the sentence
    // ("…, Zakharova said.") for the clause's end.
    const opensWithParticiple = event.verb === sentence.firstToken;
    const ownerIf = (owns: (verb: number) => boolean) => (nextSaying && (opensWithParticiple || owns(nextSaying.verb)) ? nextSaying : undefined);
    const quoteOwner = opensWithParticiple ? nextSaying : nextClauseOpener.get(event);
    // A quotation in the paragraphs after it ("X said …" then "“…”") leaves its own clause a report.
    const quoted =
      (quoting.has(event) && article.quoteOverlaps(sentence.start, verb.start)) || article.quoteOverlaps(verb.start, quoteOwner ? tokens[quoteOwner.verb].start : sentence.end);
    // Words reported before "X said" stand apart from a quotation after it ("…, X said, accusing it of “…”").
    const leading = leadingReport(reading, event, sentence);
    const unquotedLeading = leading && !article.quoteOverlaps(leading.start, leading.end) ? leading : null;
    let piece: Span | null = quoted ? (clauseBeforeQuote(reading, event, sentence) ?? unquotedLeading) : leading;
    if (quoted && !piece) continue;
    const interrupted = piece ? null : interruptedReport(reading, event, sentence);
    if (interrupted) {
      results.push(...reportedPieces(reading, event, sentence, interrupted.piece, interrupted.aside));
      continue;
    }
    if (!piece) {
      const start = complementStart(reading, event, sentence);
      if (start === null) continue;
      const end = endBeforeQuoteOwner(
        tokens,
        endBeforeNextClause(reading, clauseEnd(tokens, start, sentence), start, ownerIf((verb) => endsSentence(tokens, verb, sentence))),
        start,
        quoteOwner && article.quoteOverlaps(tokens[quoteOwner.verb].start, sentence.end) ? quoteOwner : undefined,
      );
      if (end - start + 1 < MIN_REPORTED_WORDS) continue;
      const includeVerb = ACT_VERBS.has(verb.lemma) && start === afterAdverbs(reading, event.verb + 1, sentence);
      piece = { start: includeVerb ? verb.start : tokens[start].start, end: tokens[end].end };
    }
    results.push(...reportedPieces(reading, event, sentence, piece));
    const fronted = frontedReport(reading, event, sentence);
    if (fronted) results.push(...reportedPieces(reading, event, sentence, fronted));
  }
  return results;
}

/**
 * Each event's next one in its sentence that `counts`, found in one pass from the end: `events`
 * come in text order, and a run-on sentence can hold thousands.
 */
function nextInSentence(events: SpeechEvent[], counts: (event: SpeechEvent) => boolean): Map<SpeechEvent, SpeechEvent> {
  const next = new Map<SpeechEvent, SpeechEvent>();
  let later: SpeechEvent | undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (later && later.sentence !== event.sentence) later = undefined;
    if (later) next.set(event, later);
    if (counts(event)) later = event;
  }
  return next;
}

/** The statements a span of reported words makes, one for each speaker saying it, dated by its verb of saying. */
function reportedPieces(reading: Reading, event: SpeechEvent, sentence: Sentence, piece: Span, aside: Span | null = null): ExtractedStatement[] {
  const { article } = reading;
  const frame = article.gapsBetweenQuotes({ start: sentence.start, end: piece.start });
  // A day named inside the reported words ("called for protests on Wednesday") is not when they were said.
  const own = { ...event, dates: event.dates.filter((d) => d.start < piece.start || d.start >= piece.end) };
  const context = collapse(article.text.slice(sentence.start, sentence.end));
  return [event.actor!, ...(event.jointly ?? [])].map((id) => {
    const date = dateFor(reading, { actor: id, event: own, inherited: null, opensWithQuote: false });
    return reportOf(reading, reading.actors.actors[id], piece, frame, event, date, context, aside);
  });
}

/**
 * "He said that he will hold them responsible and that there is "more room for sanctions"": the
 * reported clause before a coordinating "and (that)", when a quotation follows it.
 */
function clauseBeforeQuote(reading: Reading, event: SpeechEvent, sentence: Sentence): Span | null {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  const start = complementStart(reading, event, sentence);
  if (start === null || article.quoteOverlaps(tokens[start].start, tokens[start].end)) return null;
  for (let i = start + 1; i <= sentence.lastToken; i++) {
    if (article.quoteOverlaps(tokens[i].start, tokens[i].end)) return null;
    const joins = tokens[i].normal === "and" && (tokens[i + 1]?.normal === "that" || tokens[i - 1].text === ",");
    if (!joins || !article.quoteOverlaps(tokens[i].end, sentence.end)) continue;
    let end = i - 1;
    while (end > start && tokens[end].pos === "PUNCT") end--;
    return end - start + 1 >= MIN_REPORTED_WORDS ? { start: tokens[start].start, end: tokens[end].end } : null;
  }
  return null;
}

/** Words of the reporter's own a clause needs around a partial quotation to be more than the quotation. */
const MIN_WORDS_AROUND_QUOTE = 4;
/** The same for a label's verb and object: "called the move". */
const MIN_WORDS_AROUND_LABEL = 3;

/**
 * "said it was “absolutely unacceptable” that Chile could have used …": a reported clause
 * holding a partial quotation is a statement as a whole; the quotation alone loses what it is about.
 */
export function clauseAroundQuote(reading: Reading, event: SpeechEvent, quote: Span): Span | null {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  const sentence = article.analyzed.sentences[event.sentence];
  const verbLemma = tokens[event.verb].lemma;
  // A label's object follows its verb ("termed the attack “illegal”"), whether or not the verb reports speech.
  let start = complementStart(reading, event, sentence) ?? (LABEL_VERBS.has(verbLemma) ? afterAdverbs(reading, event.verb + 1, sentence) : null);
  // "expressed “surprise” about the criticism": a speech act whose object is the quotation.
  if (start === null && ACT_VERBS.has(verbLemma) && tokens[afterAdverbs(reading, event.verb + 1, sentence)]?.start >= quote.start - 1) start = event.verb;
  if (start === null || (start !== event.verb && tokens[start].start >= quote.start - 1)) return null;
  // "called the move “regrettable”": the label alone does not say what it is of; the verb and its
  // object do.
  // "accused them of treating the kingdom like “a banana republic”": a speech act's verb too.
  const verbFirst = start === afterAdverbs(reading, event.verb + 1, sentence);
  const labels = verbFirst && LABEL_VERBS.has(verbLemma);
  if (labels || (verbFirst && ACT_VERBS.has(verbLemma))) start = event.verb;
  let end = clauseEnd(tokens, start, sentence);
  // The clause may end on the quotation's last word, its full stop inside the marks.
  if (tokens[end].end < quote.end && /[\p{L}\p{N}]/u.test(article.text.slice(tokens[end].end, quote.end))) return null;
  // After the quotation the clause runs to its first comma at most (the one inside closing marks
  // too), or to "and" before the speaker's next verb or clause ("… and compared the coast guard to
  // pirates", "… and that …").
  for (let i = start; i <= end; i++) {
    if (tokens[i].start < quote.end - 1) continue;
    if (tokens[i].text !== "," && !(tokens[i].normal === "and" && (tokens[i + 1]?.pos === "VERB" || tokens[i + 1]?.normal === "that"))) continue;
    end = i - 1;
    break;
  }
  // "said that X and that “…”": the quotation's own clause.
  for (let i = start; i < end && tokens[i].end <= quote.start - 1; i++) if (tokens[i].normal === "and" && tokens[i + 1]?.normal === "that") start = i + 2;
  while (end > start && tokens[end].pos === "PUNCT" && tokens[end].start >= quote.end) end--;
  const clause = { start: tokens[start].start, end: Math.max(tokens[end].end, quote.end + 1) };
  // The closing mark of a later quotation the clause ends on ("… and warning of “serious consequences”").
  if (/^[”"’]/.test(article.text[clause.end] ?? "") && article.quotes.some((q) => q.end === clause.end && q.start > clause.start)) clause.end++;
  // One quotation, or only words picked out of one utterance ("the “unprecedented” development will
  // have a “serious” impact"): a clause holding longer ones would join utterances an outlet keeps apart.
  const held = article.quotes.filter((q) => q.start < clause.end && q.end > clause.start);
  if (held.length > 1 && held.some((q) => wordCount(article.text.slice(q.start, q.end)) > PICKED_WORDS)) return null;
  return wordsOutside(tokens, clause, quote) >= (labels ? MIN_WORDS_AROUND_LABEL : MIN_WORDS_AROUND_QUOTE) ? clause : null;
}

/** ", adding", ", pointing out that": a participle of saying opening a clause after a comma. */
function isParticipleAfterComma(tokens: Token[], verb: number): boolean {
  return tokens[verb].normal.endsWith("ing") && tokens[verb - 1]?.text === ",";
}

/** ", adding", "and called": a verb of saying that opens a clause of its own. */
function opensOwnClause(tokens: Token[], verb: number): boolean {
  return isParticipleAfterComma(tokens, verb) || tokens[verb - 1]?.normal === "and";
}

/** Words at most in each of several quotations picked out of one reported clause. */
const PICKED_WORDS = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * "Otherwise, Peru will consider the incident “an unlawful use of force,” she said.": a report
 * before "X said" holding one partial quotation is a statement as a whole.
 */
export function leadingClauseAroundQuote(reading: Reading, event: SpeechEvent, quote: Span): Span | null {
  const { article } = reading;
  const lead = leadingReport(reading, event, article.analyzed.sentences[event.sentence], true);
  if (!lead || lead.start >= quote.start - 1 || lead.end < quote.end - 1) return null;
  if (article.quotes.some((q) => q !== quote && q.start < lead.end && q.end > lead.start)) return null;
  return wordsOutside(article.analyzed.tokens, lead, quote) >= MIN_WORDS_AROUND_QUOTE ? { start: lead.start, end: Math.max(lead.end, quote.end + 1) } : null;
}

/** The reporter's words in `span`, its tokens other than punctuation outside the quotation and its marks. */
function wordsOutside(tokens: Token[], span: Span, quote: Span): number {
  let words = 0;
  for (let i = firstEndingAfter(tokens, span.start); i < tokens.length && tokens[i].start < span.end; i++) {
    if (tokens[i].pos !== "PUNCT" && (tokens[i].end <= quote.start - 1 || tokens[i].start >= quote.end + 1)) words++;
  }
  return words;
}

/** "Moscow is ready to resume dialogue, Kremlin spokesman Yuri Belov told reporters on Monday." */
function leadingReport(reading: Reading, event: SpeechEvent, sentence: Sentence, quotesInside = false): Span | null {
  const tokens = reading.article.analyzed.tokens;
  if (!isReporting(tokens, event.verb)) return null;
  let j = event.verb - 1;
  while (j > sentence.firstToken && SKIPPABLE_BEFORE_VERB.has(tokens[j].pos)) j--;
  const subject = reading.mentions.endingAt(j) ?? nameBeforeAppositive(reading, j, sentence, event.actor);
  // "…, said the premier.": the speaker after the verb.
  const inverted = subject ? undefined : reading.mentions.startingJustAfter(event.verb);
  if (!subject && (!inverted || inverted.actor !== event.actor)) return null;
  // Back over the speaker's introduction ("Kremlin spokesman", "the") to the comma that ends the report.
  let before = subject ? subject.firstToken - 1 : event.verb - 1;
  while (subject && before > sentence.firstToken && subject.firstToken - before <= 6 && tokens[before].text !== "," && !["VERB", "PUNCT"].includes(tokens[before].pos)) before--;
  // A quotation ending the report closes after its comma: "… “an unlawful use of force,” she said".
  if (quotesInside && /^["”’]$/.test(tokens[before]?.text ?? "") && tokens[before - 1]?.text === ",") before--;
  if (before <= sentence.firstToken || tokens[before].text !== ",") return null;
  const verbPhraseEnd = inverted ? inverted.lastToken : event.verb;
  // Nothing after the verb but its audience, a day, a place or a medium, up to a clause that only
  // sets the scene ("…, X said Monday as the clash spread").
  // "…, Ruiz said, adding that …": what the participle reports is a statement of its own.
  const adjunct = firstAdjunct(tokens, verbPhraseEnd + 1, sentence.lastToken);
  const rest = withoutAudience(tokens.slice(verbPhraseEnd + 1, adjunct > 0 ? adjunct : sentence.lastToken + 1).filter((t) => t.pos !== "PUNCT"));
  // A phrase of place or circumstance after the verb is no object ("he said against the background of …").
  // A participle in a compound ("a harshly-worded statement") is no verb of the phrase.
  const verbOfPhrase = (t: Token) => t.pos === "VERB" && !t.normal.endsWith("ing") && tokens[t.index - 1]?.text !== "-";
  const circumstance = rest[0]?.pos === "ADP" && rest[0].normal !== "that" && !rest.some((t) => t.normal === "that" || verbOfPhrase(t));
  if (!circumstance && (rest.length > 6 || rest.some((t) => t.pos === "VERB" || t.normal === "that" || isObjectNoun(t)))) return null;
  let end = before - 1;
  while (end > sentence.firstToken && tokens[end].pos === "PUNCT") end--;
  if (end - sentence.firstToken + 1 < MIN_REPORTED_WORDS) return null;
  // The report itself must be a clause ("Moscow is ready…"), not a participle or a prepositional
  // phrase; a short phrase fronting it ("For its part, …") is not part of it.
  let first = afterDateline(reading, sentence);
  if (["ADP", "SCONJ"].includes(tokens[first].pos)) {
    const comma = tokens.slice(first, first + FRONTED_PHRASE_WORDS).findIndex((t) => t.text === ",");
    if (comma > 0 && !tokens.slice(first, first + comma).some((t) => t.pos === "VERB")) first += comma + 1;
  }
  const lead = tokens.slice(first, end + 1);
  if (lead.length < MIN_REPORTED_WORDS || ["VERB", "ADP", "SCONJ"].includes(lead[0].pos) || !lead.some((t) => t.pos === "AUX" || (t.pos === "VERB" && !t.normal.endsWith("ing")))) return null;
  return { start: tokens[first].start, end: tokens[end].end };
}

/** Tokens a dateline may take before its dash ("KUWAIT, Jan 5 (KUNA) –"). */
const DATELINE_TOKENS = 12;

/** The sentence's first token after a dateline's dash, where the words before it hold no lower-case word; else its first token. */
function afterDateline(reading: Reading, sentence: Sentence): number {
  const tokens = reading.article.analyzed.tokens;
  for (let k = sentence.firstToken; k <= sentence.lastToken && k - sentence.firstToken < DATELINE_TOKENS; k++) {
    if (/^\p{Ll}/u.test(tokens[k].text)) break;
    if (k > sentence.firstToken && /^[–—-]$/.test(tokens[k].text) && /\s/.test(reading.article.text[tokens[k].start - 1] ?? "")) return k + 1;
  }
  return sentence.firstToken;
}

/** Tokens an appositive between a speaker's name and the verb may hold ("Ana Ruiz, spokeswoman for Peru's Foreign Ministry, said"). */
const APPOSITIVE_TOKENS = 25;

/** The speaker's name before an appositive ending at the comma `comma`, if the appositive holds no verb. */
function nameBeforeAppositive(reading: Reading, comma: number, sentence: Sentence, actor: number | null) {
  const tokens = reading.article.analyzed.tokens;
  if (tokens[comma]?.text !== ",") return undefined;
  for (let k = comma - 1; k > sentence.firstToken && comma - k <= APPOSITIVE_TOKENS; k--) {
    if (tokens[k].pos === "VERB") return undefined;
    if (tokens[k].text !== ",") continue;
    const named = reading.mentions.endingAt(k - 1);
    return named && named.actor === actor ? named : undefined;
  }
  return undefined;
}

/** The first token in [from, to] opening a clause that sets the scene, or a comma before a participle of saying; -1 when none. */
function firstAdjunct(tokens: Token[], from: number, to: number): number {
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if ((SCENE_CLAUSES.has(t.normal) && ["SCONJ", "ADP"].includes(t.pos)) || (t.text === "," && isParticipleOf(SPEECH_VERBS, tokens[k + 1]))) return k;
  }
  return -1;
}

/** Words a reported clause may run before its verb after an attribution set inside it. */
const CONTINUATION_VERB_WORDS = 8;

/**
 * "The move, she said, was a mistake", "This decision, said the minister, will not …": an
 * attribution set between commas inside the reported clause. The clause is the statement without it.
 */
function interruptedReport(reading: Reading, event: SpeechEvent, sentence: Sentence): { piece: Span; aside: Span } | null {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  if (!isReporting(tokens, event.verb) || article.quoteOverlaps(sentence.start, sentence.end)) return null;
  let open: number;
  let close = event.verb + 1;
  if (tokens[event.verb - 1]?.text === ",") {
    // Inverted: ", said the minister,".
    const speaker = reading.mentions.startingJustAfter(event.verb);
    if (!speaker || speaker.actor !== event.actor) return null;
    open = event.verb - 1;
    close = speaker.lastToken + 1;
  } else {
    let j = event.verb - 1;
    while (j > sentence.firstToken && SKIPPABLE_BEFORE_VERB.has(tokens[j].pos)) j--;
    const speaker = reading.mentions.endingAt(j);
    if (!speaker || speaker.actor !== event.actor) return null;
    open = speaker.firstToken - 1;
    // Over the speaker's title ("the Swedish president") back to the comma.
    while (open > sentence.firstToken && speaker.firstToken - open <= 4 && tokens[open].text !== "," && !["VERB", "AUX", "PUNCT"].includes(tokens[open].pos)) open--;
    while (close <= sentence.lastToken && (tokens[close].pos === "ADV" || reading.dates.covers(close))) close++;
  }
  if (open <= sentence.firstToken || tokens[open].text !== "," || tokens[close]?.text !== ",") return null;
  // Before the aside a clause's opening with no verb of its own; after it, that clause's verb.
  const lead = tokens.slice(sentence.firstToken, open);
  if (lead.some((t) => t.pos === "VERB" || t.pos === "AUX") || ["SCONJ", "CCONJ"].includes(lead[0].pos)) return null;
  const rest = tokens.slice(close + 1, Math.min(sentence.lastToken + 1, close + 1 + CONTINUATION_VERB_WORDS));
  const verbAt = rest.findIndex((t) => t.pos === "AUX" || t.pos === "VERB" || t.text === ",");
  if (verbAt < 0 || rest[verbAt].text === "," || rest[verbAt].normal.endsWith("ing")) return null;
  let end = sentence.lastToken;
  while (end > close && tokens[end].pos === "PUNCT") end--;
  if (lead.length + end - close < MIN_REPORTED_WORDS) return null;
  return { piece: { start: sentence.start, end: tokens[end].end }, aside: { start: tokens[open].start, end: tokens[close].end } };
}

/** "told British media at a briefing …": what follows the audience the words were told to. */
function withoutAudience(rest: Token[]): Token[] {
  const audience = rest.findIndex((t, k) => k < 4 && AUDIENCE.has(t.normal) && !DETERMINERS.has(t.normal));
  return audience >= 0 && rest.slice(0, audience).every((t) => ["ADJ", "PROPN", "DET"].includes(t.pos)) ? rest.slice(audience + 1) : rest;
}

/** Words of a phrase fronting a reported clause, its comma included: "For its part,", "In a statement,". */
const FRONTED_PHRASE_WORDS = 6;

/** A participle ("accusing", "noting") of one of `verbs`. */
const isParticipleOf = (verbs: Set<string>, token: Token | undefined) => token !== undefined && token.pos === "VERB" && token.normal.endsWith("ing") && verbs.has(token.lemma);

/**
 * "Noting that Peru has tried to keep differences from becoming disputes, Ruiz said …": a
 * sentence that opens with a reporting participle and "that" reports the words of the one who
 * speaks in its main clause, up to the comma before them.
 */
function frontedReport(reading: Reading, event: SpeechEvent, sentence: Sentence): Span | null {
  const tokens = reading.article.analyzed.tokens;
  const first = tokens[sentence.firstToken];
  if (!isParticipleOf(REPORTING_VERBS, first) || tokens[sentence.firstToken + 1]?.normal !== "that") return null;
  const subject = reading.mentions.inSentence(event.sentence).find((m) => m.actor === event.actor && m.lastToken < event.verb);
  if (!subject) return null;
  let end = subject.firstToken - 1;
  while (end > sentence.firstToken && tokens[end].text !== ",") end--;
  end--;
  const start = sentence.firstToken + 2;
  if (end - start + 1 < MIN_REPORTED_WORDS || reading.article.quoteOverlaps(tokens[start].start, tokens[end].end)) return null;
  return { start: tokens[start].start, end: tokens[end].end };
}

/** The first token from `index` on that is neither an adverb nor part of a date phrase. */
function afterAdverbs(reading: Reading, index: number, sentence: Sentence): number {
  let i = index;
  while (i <= sentence.lastToken && (reading.article.analyzed.tokens[i].pos === "ADV" || reading.dates.covers(i))) i++;
  return i;
}

/** Where the reported words begin: after "that", at an infinitive, at a clause's subject, or (speech acts) at the object. */
function complementStart(reading: Reading, event: SpeechEvent, sentence: Sentence): number | null {
  const tokens = reading.article.analyzed.tokens;
  const verb = tokens[event.verb];
  let i = afterAdverbs(reading, (phrasalVerbEnd(tokens, event.verb) ?? event.verb) + 1, sentence);
  // "warned in Lima that …": a verb that is also a speech act reports the clause after the scene.
  const sceneSet = i <= sentence.lastToken && isReporting(tokens, event.verb) ? afterCircumstance(tokens, i, sentence) : i;
  if (sceneSet !== i) i = sceneSet;
  else if (ACT_VERBS.has(verb.lemma) && i <= sentence.lastToken && !["to", "that", ","].includes(tokens[i].normal)) {
    // "reminded them that …": the ones reminded, then the words.
    if (tokens[i].pos === "PRON" && tokens[i + 1]?.normal === "that") return i + 2 <= sentence.lastToken ? i + 2 : null;
    return tokens[i].pos === "PUNCT" ? null : i;
  } else if (ACT_VERBS.has(verb.lemma) && tokens[i]?.text === ",") {
    // "expressed, on Jan 1, his optimism": the object after an aside of time or place.
    const object = afterAside(tokens, i, sentence);
    if (object !== null && !["that", "to"].includes(tokens[object].normal) && tokens[object].pos !== "PUNCT") return object;
  }
  // "told reporters (on Monday) that…"
  let skipped = 0;
  while (i <= sentence.lastToken && skipped < 4 && (isAudience(tokens, i) || reading.dates.covers(i) || tokens[i].pos === "ADV")) {
    i++;
    skipped++;
  }
  if (i > sentence.lastToken) return null;
  if (isReporting(tokens, event.verb)) i = afterCircumstance(tokens, i, sentence);
  if (tokens[i].normal === "that") {
    // "said that, starting from Monday, it would …": the clause begins after the comma.
    const start = tokens[i + 1]?.text === "," ? i + 2 : i + 1;
    return start <= sentence.lastToken ? start : null;
  }
  if (tokens[i].normal === "to" && INFINITIVE_VERBS.has(verb.lemma) && tokens[i + 1]?.pos === "VERB") return i;
  if (!isReporting(tokens, event.verb)) return null;
  // A clause: a subject within a few words, then its verb.
  let reach = i + SUBJECT_WORDS;
  for (let k = i; k <= Math.min(sentence.lastToken, reach); k++) {
    const pos = tokens[k].pos;
    // "said the French ambassador, Catherine Colonna, would be summoned": an appositive in the subject.
    const appositiveEnd = k > i && tokens[k].text === "," ? closingComma(tokens, k, sentence) : null;
    if (appositiveEnd !== null) {
      reach += appositiveEnd - k + 1;
      k = appositiveEnd;
      continue;
    }
    // "told the country's national assembly that …": the ones told, then the words.
    if (verb.lemma === "tell" && tokens[k].normal === "that") return k < sentence.lastToken ? k + 1 : null;
    // A finite verb: not an infinitive ("influence to combat") nor a bare participle ("sanctions targeting").
    const finite = pos === "AUX" || (pos === "VERB" && tokens[k - 1]?.normal !== "to" && !tokens[k].normal.endsWith("ing"));
    // "to recall its ambassador and block …": a verb after "and" is the saying verb's second, not a subject's.
    if (finite && tokens[k - 1]?.normal === "and") return null;
    // "said displaced people would …": a participle before a noun describes the subject.
    if (finite && k === i && pos === "VERB" && ["NOUN", "ADJ"].includes(tokens[k + 1]?.pos ?? "")) continue;
    if (finite) return k > i && ["PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM", "VERB"].includes(tokens[i].pos) ? i : null;
    // An infinitive or a participle inside the subject ("attempts to campaign", "measures following the vote") goes on.
    if (pos === "PUNCT") return k > i && SUBJECT_HEADS.has(tokens[i].pos) && quotationContinuesClause(reading, k, sentence) ? i : null;
  }
  return null;
}

const SUBJECT_HEADS = new Set(["PRON", "PROPN", "NOUN", "DET"]);
/** Words an appositive set off by commas inside a subject may run to. */
const APPOSITIVE_WORDS = 5;

/** The comma closing an appositive of names opened by the comma at `open`, with a verb right after it; null otherwise. */
function closingComma(tokens: Token[], open: number, sentence: Sentence): number | null {
  for (let k = open + 1; k <= Math.min(sentence.lastToken, open + APPOSITIVE_WORDS + 1); k++) {
    if (tokens[k].text === ",") {
      const named = k > open + 1 && tokens.slice(open + 1, k).every((t) => t.pos === "PROPN" || t.pos === "PUNCT");
      return named && ["AUX", "VERB"].includes(tokens[k + 1]?.pos ?? "") ? k : null;
    }
  }
  return null;
}

/**
 * "said it “regrets” the development": a quotation opening at `mark`, where the subject's verb
 * goes, with the reporter's words going on after it — the clause around it is the report.
 */
function quotationContinuesClause(reading: Reading, mark: number, sentence: Sentence): boolean {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  const quoted = (k: number) => article.isQuoted({ start: tokens[k].start, end: tokens[k].end });
  if (mark + 1 > sentence.lastToken || quoted(mark) || !quoted(mark + 1)) return false;
  let after = mark + 1;
  while (after <= sentence.lastToken && quoted(after)) after++;
  while (after <= sentence.lastToken && tokens[after].pos === "PUNCT") after++;
  return after <= sentence.lastToken;
}

/** Words a phrase of place, time or occasion may take between a verb of saying and its "that". */
const CIRCUMSTANCE_WORDS = 14;

/**
 * "said in a press conference held in Lima that …", "added, in remarks broadcast on television,
 * that …": the "that" after a phrase setting the scene, or `index` when there is none.
 */
function afterCircumstance(tokens: Token[], index: number, sentence: Sentence): number {
  const commaBefore = tokens[index].text === ",";
  const first = commaBefore ? index + 1 : index;
  if (tokens[first]?.pos !== "ADP" || tokens[first].normal === "that" || tokens[first].normal === "of") return index;
  for (let k = first + 1; k <= Math.min(sentence.lastToken - 1, first + CIRCUMSTANCE_WORDS); k++) {
    const token = tokens[k];
    if (token.normal === "that") {
      // "in the speech that followed": a relative clause, not the words reported.
      const relative = ["VERB", "AUX"].includes(tokens[k + 1].pos);
      return !relative && tokens[k - 1].text === "," === commaBefore ? k : index;
    }
    const closesScene = commaBefore && token.text === "," && tokens[k + 1]?.normal === "that";
    if (token.pos === "AUX" || (token.pos === "PUNCT" && !closesScene && !joinsWord(tokens, k))) return index;
  }
  return index;
}

/** Longest aside between commas that a verb's object may follow. */
const ASIDE_WORDS = 8;

/** The token after an aside set off by the comma at `comma` and another, without a verb in it; null when none. */
function afterAside(tokens: Token[], comma: number, sentence: Sentence): number | null {
  for (let k = comma + 1; k <= Math.min(sentence.lastToken - 1, comma + ASIDE_WORDS + 1); k++) {
    if (tokens[k].text === ",") return k > comma + 1 ? k + 1 : null;
    if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX" || tokens[k].text === ".") return null;
  }
  return null;
}

/** A hyphen inside a name ("Al-Ekhbariyah"), touching the words on both sides. */
function joinsWord(tokens: Token[], k: number): boolean {
  return tokens[k].text === "-" && tokens[k - 1]?.end === tokens[k].start && tokens[k + 1]?.start === tokens[k].end;
}

const DETERMINERS = new Set(["the", "a", "his", "her", "their"]);

/**
 * "told reporters", "told the crowd that": who hears the words, not the words. A determiner is
 * the audience's only before an audience word or a noun and "that" ("said the waters …" is not).
 */
function isAudience(tokens: Token[], i: number): boolean {
  const word = tokens[i].normal;
  if (!AUDIENCE.has(word)) return false;
  if (!DETERMINERS.has(word)) return true;
  const next = tokens[i + 1];
  return next !== undefined && ((AUDIENCE.has(next.normal) && !DETERMINERS.has(next.normal)) || (next.pos === "NOUN" && tokens[i + 2]?.normal === "that"));
}

/** Words after a closing attribution's verb before its sentence ends ("…, the minister said on Monday."). */
const CLOSING_ATTRIBUTION_TAIL = 3;

/** The verb of saying closes its sentence: nothing it reports comes after it. */
function endsSentence(tokens: Token[], verb: number, sentence: Sentence): boolean {
  let words = 0;
  for (let k = verb + 1; k <= sentence.lastToken; k++) if (tokens[k].pos !== "PUNCT") words++;
  return words <= CLOSING_ATTRIBUTION_TAIL;
}

/**
 * A clause running into another speaker's clause ends at the comma before it: "Noting that …, Ruiz
 * said", "…, Zakharova said." — `next` is that speaker's verb, given only when it owns the rest of
 * the sentence. Not at an aside ("due, he said, to …") nor inside a list ("the US, the UK and Peru have said").
 */
function endBeforeNextClause(reading: Reading, end: number, start: number, next: SpeechEvent | undefined): number {
  const tokens = reading.article.analyzed.tokens;
  if (!next || next.verb > end || tokens[next.verb + 1]?.text === ",") return end;
  let k = next.verb - 1;
  while (k > start && SKIPPABLE_BEFORE_VERB.has(tokens[k].pos)) k--;
  const subject = reading.mentions.endingAt(k);
  if (!subject) return end;
  // The subject's title may stand outside its mention ("PM Ruiz").
  let comma = subject.firstToken - 1;
  while (comma > start && subject.firstToken - comma <= 2 && tokens[comma].pos === "PROPN") comma--;
  return comma > start && tokens[comma].text === "," ? comma - 1 : end;
}

/** "said that A and called it “…”": the clause ends before the "and" of the verb owning the quotation. */
function endBeforeQuoteOwner(tokens: Token[], end: number, start: number, owner: SpeechEvent | undefined): number {
  if (!owner || owner.verb > end || owner.verb <= start || tokens[owner.verb - 1].normal !== "and") return end;
  let k = owner.verb - 2;
  while (k > start && tokens[k].pos === "PUNCT") k--;
  return k;
}

/** The reported clause ends at the sentence's end, a semicolon or dash, or a comma before a new clause. */
function clauseEnd(tokens: Token[], start: number, sentence: Sentence): number {
  for (let i = start; i <= sentence.lastToken; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token.text === ";" || token.text === "—" || token.text === "–") return i - 1;
    // "that Berg, as one of the country's leaders, has breached …": an aside after the bare subject.
    const asideEnd = token.text === "," ? asideAfterSubject(tokens, start, i, sentence) : null;
    if (asideEnd !== null) {
      i = asideEnd;
      continue;
    }
    if (token.text === "," && next && (CLAUSE_BREAKS.has(next.normal) || (next.pos === "VERB" && next.normal.endsWith("ing")))) return i - 1;
  }
  let end = sentence.lastToken;
  while (end > start && tokens[end].pos === "PUNCT") end--;
  return end;
}

/** Words of a bare subject before an aside. */
const BARE_SUBJECT_WORDS = 3;

/** The comma closing an aside that opens at the comma `open` right after a bare subject begun at `start`, with the subject's verb after it; null otherwise. */
function asideAfterSubject(tokens: Token[], start: number, open: number, sentence: Sentence): number | null {
  if (open - start > BARE_SUBJECT_WORDS || open === start || !tokens.slice(start, open).every((t) => SUBJECT_HEADS.has(t.pos))) return null;
  for (let k = open + 1; k <= Math.min(sentence.lastToken, open + ASIDE_WORDS + 1); k++) {
    if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") return null;
    if (tokens[k].text !== ",") continue;
    let verb = k + 1;
    while (tokens[verb]?.pos === "ADV") verb++;
    return ["AUX", "VERB"].includes(tokens[verb]?.pos ?? "") ? k : null;
  }
  return null;
}

/** A noun that is the verb's object, not its audience ("told reporters") or medium ("in an interview"). */
function isObjectNoun(token: Token): boolean {
  return token.pos === "NOUN" && !AUDIENCE.has(token.normal) && !MEDIA.has(token.normal);
}
