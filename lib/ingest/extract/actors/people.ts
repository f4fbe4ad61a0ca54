import type { Cast } from "./cast";
import type { NameCandidate } from "./name-runs";
import { nameKey } from "./names";
import type { Actor } from "./types";

/** "al-Jubeir" is also "Jubeir", as later mentions call him: a name part after an Arabic article. */
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az)-(.+)$/;
const withoutArticle = (part: string) => {
  const bare = ARTICLE_PREFIX.exec(part)?.[1];
  return bare ? [part, bare] : [part];
};

/**
 * People: a name run is a person when it is introduced by a title, speaks, or is the full form of
 * one that does. Adds them and their name mentions to the cast, and returns them.
 */
export function addPeople(candidates: NameCandidate[], cast: Cast): Actor[] {
  const personByKey = new Map<string, Actor>();
  const people: Actor[] = [];
  // What `people.find` would pick by a name's last part, and by any of its parts.
  const personByLastPart = new Map<string, Actor>();
  const personByPart = new Map<string, Actor>();
  const singleSpeakers = new Set(candidates.filter((c) => !c.name.includes(" ") && (c.speaks || c.title)).map((c) => c.key));
  // Asked of every person for every lone surname.
  const partsByName = new Map<string, string[]>();
  const nameParts = (name: string) => {
    let parts = partsByName.get(name);
    if (!parts) partsByName.set(name, (parts = nameKey(name).split(/\s+/).flatMap(withoutArticle)));
    return parts;
  };
  const fullNamesFirst = [...candidates].sort((x, y) => Number(!x.name.includes(" ")) - Number(!y.name.includes(" ")) || x.run.start - y.run.start);
  for (const candidate of fullNamesFirst) {
    const key = candidate.key;
    const parts = nameParts(candidate.name);
    // "Al-Lund" is one name part, which is also known as "Lund".
    const lone = !candidate.name.includes(" ");
    const isPerson =
      candidate.title !== null ||
      candidate.speaks ||
      // The same name again, without what introduced it.
      personByKey.has(key) ||
      (parts.length > 1 && parts.length <= 4 && singleSpeakers.has(parts[parts.length - 1])) ||
      // A lone surname of someone already named ("quoted Wen as saying"): full names come first.
      (lone && (personByLastPart.has(key) || personByPart.has(key)));
    if (!isPerson) continue;
    let actor = personByKey.get(key);
    if (!actor && lone) {
      // A lone surname refers to the person whose full name ends with it (or, failing that, contains it).
      actor = personByLastPart.get(key) ?? personByPart.get(key);
    }
    if (!actor) {
      actor = cast.add("person", candidate.name, null, [], false, false);
      people.push(actor);
      const parts = nameParts(actor.name);
      if (!personByLastPart.has(parts[parts.length - 1])) personByLastPart.set(parts[parts.length - 1], actor);
      for (const part of parts) if (!personByPart.has(part)) personByPart.set(part, actor);
    }
    personByKey.set(key, actor);
    if (candidate.title && !actor.titles.includes(candidate.title)) actor.titles.push(candidate.title);
    actor.head ||= candidate.head;
    actor.country ??= candidate.country;
    cast.mention(candidate.run.start, candidate.run.end, actor.id, "name");
  }
  addEarlySurnames(candidates, personByLastPart, cast);
  return people;
}

/** Surnames seen before the full name was introduced (headlines, ledes) point to that person too. */
function addEarlySurnames(candidates: NameCandidate[], personByLastPart: Map<string, Actor>, cast: Cast): void {
  const mentionStarts = new Set(cast.mentions.map((m) => m.start));
  for (const candidate of candidates) {
    if (candidate.name.includes(" ")) continue;
    const key = candidate.key;
    if (mentionStarts.has(candidate.run.start)) continue;
    const person = personByLastPart.get(key);
    if (!person) continue;
    mentionStarts.add(candidate.run.start);
    cast.mention(candidate.run.start, candidate.run.end, person.id, "name");
  }
}
