import type { Token } from "../../nlp";
import type { Actor, ActorMention } from "./types";

/** After one of these a mention is an object, not a subject. */
export const PREPOSITIONS = new Set(["with", "to", "from", "by", "against", "on", "of", "about", "at", "for", "toward", "towards", "over", "into", "onto", "between", "among", "than", "after", "before", "behind", "like"]);

/** The actors of one article and their mentions, as the steps of findActors add them. */
export class Cast {
  readonly actors: Actor[] = [];
  /** In the order found: sorting them by position keeps that order among mentions of one span. */
  readonly mentions: ActorMention[] = [];

  constructor(private readonly tokens: Token[]) {}

  add(kind: Actor["kind"], name: string, country: string | null, titles: string[], head: boolean, metonym: boolean): Actor {
    const actor: Actor = { id: this.actors.length, kind, name, country, titles, head, metonym };
    this.actors.push(actor);
    return actor;
  }

  mention(start: number, end: number, actor: number, via: ActorMention["via"]): void {
    this.mentions.push({ start, end, firstToken: this.tokenAt(start), lastToken: this.tokenAt(end - 1), actor, via, oblique: false });
  }

  /** One mention for each place, the longest, in text order; each marked oblique after a preposition. */
  inTextOrder(): ActorMention[] {
    const tokens = this.tokens;
    this.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    const deduped: ActorMention[] = [];
    for (const mention of this.mentions) {
      const last = deduped[deduped.length - 1];
      if (last && mention.start < last.end) continue;
      deduped.push(mention);
    }
    for (const mention of deduped) {
      const before = tokens[mention.firstToken - 1];
      const beforeDeterminer = tokens[mention.firstToken - 2];
      mention.oblique =
        Boolean(before && PREPOSITIONS.has(before.normal)) ||
        Boolean(before && /^(the|a)$/.test(before.normal) && beforeDeterminer && PREPOSITIONS.has(beforeDeterminer.normal));
    }
    return deduped;
  }

  /** The first token that ends after `position`, else the last; token ends never decrease. */
  tokenAt(position: number): number {
    const tokens = this.tokens;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle].end > position) high = middle;
      else low = middle + 1;
    }
    return low < tokens.length ? low : tokens.length - 1;
  }
}
