import type { Token } from "../../nlp";
import { insideAny, type QuoteSpan } from "../quotes";
import type { Cast } from "./cast";
import type { ActorMention } from "./types";

/** Nouns that name a body of government on their own after "the", as a report refers back to one ("the government" is as often a country's in general). */
const BODY_NOUNS = new Set(["ministry", "embassy"]);
/** Characters back to the body a bare "the ministry" refers to. */
const REFERS_WITHIN = 2000;

/**
 * "Earlier, the Azeri foreign ministry said … . The ministry said it would evacuate its staff": a
 * bare "the ministry" (not "the ministry spokesman") is the body last named with that noun. The
 * reporter's words only: a speaker's "the ministry" is theirs. `ordered`: the cast's mentions by position.
 */
export function addBodyReferences(tokens: Token[], quotes: QuoteSpan[], cast: Cast, ordered: ActorMention[]): void {
  const { actors } = cast;
  let next = 0;
  let covered = -1;
  const lastBody = new Map<string, ActorMention>();
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index];
    // Mentions up to this token: each named body is remembered by its nouns, the latest kept; one
    // starting here is that body named in full ("the Ministry of Foreign Affairs of Ukraine").
    while (next < ordered.length && ordered[next].start <= token.start) {
      const mention = ordered[next++];
      covered = Math.max(covered, mention.end);
      const actor = actors[mention.actor];
      // A body a speaker names in their own words is not one the reporter refers back to.
      if (actor.kind !== "institution" || insideAny(mention.start, quotes)) continue;
      for (const word of actor.name.toLowerCase().split(/\s+/)) if (BODY_NOUNS.has(word)) lastBody.set(word, mention);
    }
    if (!BODY_NOUNS.has(token.normal) || tokens[index - 1].normal !== "the" || token.start < covered) continue;
    const after = tokens[index + 1];
    if (after && (after.pos === "NOUN" || after.pos === "PROPN")) continue;
    if (insideAny(token.start, quotes)) continue;
    const body = lastBody.get(token.normal);
    if (!body || token.start - body.end > REFERS_WITHIN) continue;
    cast.mention(tokens[index - 1].start, token.end, body.actor, "institution");
  }
}
