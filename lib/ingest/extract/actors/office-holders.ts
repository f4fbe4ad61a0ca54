import type { Cast } from "./cast";
import type { ActorMention } from "./types";
import { bodyOf } from "./country-speakers";

/** Characters between an unnamed office's mention and the name that may follow it. */
const NAMED_WITHIN = 400;

/**
 * "Japan's foreign minister on Tuesday confirmed … . “…,” Ana Ruiz told reporters.": wire copy
 * introduces an official by office, then quotes them by name alone. A person the article gives no
 * title or country, named first shortly after an office it never names and speaking there, holds that office: the
 * person takes its title and country, and its mentions. `ordered`: the cast's mentions by position. Others already placed may be mentioned
 * between ("… echoed calls from Prime Minister Eva Lind"); another unplaced person may not.
 */
export function nameOfficeHoldersAfterOffices(cast: Cast, ordered: ActorMention[], speaks: (mention: ActorMention) => boolean): void {
  const { actors } = cast;
  const unplaced = (id: number) => actors[id].kind === "person" && actors[id].titles.length === 0 && actors[id].country === null;
  const seen = new Set<number>();
  const held = new Set<number>();
  ordered.forEach((mention, index) => {
    if (seen.has(mention.actor)) return;
    seen.add(mention.actor);
    if (!unplaced(mention.actor) || !speaks(mention)) return;
    for (let k = index - 1; k >= 0 && mention.start - ordered[k].end <= NAMED_WITHIN; k--) {
      const other = actors[ordered[k].actor];
      if (unplaced(other.id)) return;
      if (other.kind !== "office") continue;
      if (held.has(other.id)) return;
      held.add(other.id);
      const person = actors[mention.actor];
      person.titles.push(...other.titles);
      person.country = other.country;
      person.head ||= other.head;
      for (const m of cast.mentions) if (m.actor === other.id) m.actor = person.id;
      return;
    }
  });
}

/** Characters back to the country an unplaced body of government belongs to. */
const PLACED_WITHIN = 600;
/** Bodies of a government, as the institution list names them: an agency or outlet is not placed by context. */
const GOVERNMENT_BODY = /\b(?:ministry|ministries|office|embassy|council|government|presidency|cabinet|department)\b/i;

/**
 * "Algeria has announced … . A Foreign Affairs Ministry statement said …": a body of government the
 * article names without its country is the government's of the country last heard speaking before it.
 */
export function placeBodiesByContext(cast: Cast, ordered: ActorMention[], speaks: (mention: ActorMention) => boolean): void {
  const { actors } = cast;
  const placed = new Set<number>();
  ordered.forEach((mention, index) => {
    const body = actors[mention.actor];
    if (body.kind !== "institution" || body.country !== null || placed.has(body.id) || !GOVERNMENT_BODY.test(body.name)) return;
    placed.add(body.id);
    for (let k = index - 1; k >= 0 && mention.start - ordered[k].end <= PLACED_WITHIN; k--) {
      const country = actors[ordered[k].actor].country;
      if (country === null || !speaks(ordered[k])) continue;
      body.country = country;
      body.name = bodyOf(body.name, country) ?? body.name;
      return;
    }
  });
}
