export { findActors } from "./find-actors";
export type { Actor, ActorMention, ArticleActors } from "./types";
