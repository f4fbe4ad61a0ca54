import type { CountryMention } from "../../gazetteer";

/** A person or institution that can speak. */
export interface Actor {
  id: number;
  /** "office": a titled official the article never names ("Peru's deputy foreign minister"). */
  kind: "person" | "institution" | "office";
  /** Full name as first introduced ("Marta Oliveira"), or the institution's name. */
  name: string;
  country: string | null;
  titles: string[];
  /** Holds a head-of-state or government title (president, prime minister, leader…). */
  head: boolean;
  /** A capital standing for its government ("Beijing said"): a speaker only right before a verb of saying. */
  metonym: boolean;
}

export interface ActorMention {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  actor: number;
  via: "name" | "nominal" | "institution" | "pronoun";
  /** Preceded by a preposition: an object, not a subject. */
  oblique: boolean;
}

export interface ArticleActors {
  actors: Actor[];
  /** Mentions outside quotations, in text order (pronouns included, already resolved). */
  mentions: ActorMention[];
  /** Names mentioned inside quotations (for targets). */
  quotedMentions: ActorMention[];
  countries: CountryMention[];
}
