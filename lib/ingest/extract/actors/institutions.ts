import type { InstitutionMention } from "../../gazetteer";
import type { Cast } from "./cast";
import { governmentOf } from "./country-speakers";
import { isInDateline } from "./dateline";
import { nameKey } from "./names";
import type { Actor } from "./types";

/** Institutions ("Peru's Foreign Ministry", "the Kremlin", "KCNA"), one actor for each name, outside the dateline. */
export function addInstitutions(text: string, institutions: InstitutionMention[], cast: Cast): void {
  const institutionByKey = new Map<string, Actor>();
  for (const mention of institutions) {
    if (isInDateline(text, mention.start)) continue;
    // "Lima said": a capital speaks for its government, named as a country speaking is.
    const name = (mention.kind === "capital" && mention.country ? governmentOf(mention.country) : null) ?? mention.name;
    const key = nameKey(name);
    let actor = institutionByKey.get(key);
    if (!actor) {
      actor = cast.add("institution", name, mention.country, [], false, mention.kind === "capital");
      institutionByKey.set(key, actor);
    }
    cast.mention(mention.start, mention.end, actor.id, "institution");
  }
}
