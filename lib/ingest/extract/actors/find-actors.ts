import { findCountryMentions, findInstitutionMentions } from "../../gazetteer";
import type { AnalyzedText } from "../../nlp";
import { insideAny, type QuoteSpan } from "../quotes";
import { Cast } from "./cast";
import { addBodyReferences } from "./body-references";
import { addCountrySpeakers } from "./country-speakers";
import { giveDatelineCountry } from "./dateline";
import { addInstitutions } from "./institutions";
import { nameCandidates, speaksAfterName } from "./name-runs";
import { addNominals } from "./nominals";
import { nameOfficeHoldersAfterOffices, placeBodiesByContext } from "./office-holders";
import { addPeople } from "./people";
import { withPronouns } from "./pronouns";
import { SortedSpans } from "./spans";
import type { ActorMention, ArticleActors } from "./types";

/**
 * The people and institutions that can speak in an article, and where it mentions them: by name,
 * as an institution, by title ("the president") and by pronoun. `speechLemmas`: the verbs of saying.
 */
export function findActors(analyzed: AnalyzedText, quotes: QuoteSpan[], speechLemmas: Set<string>): ArticleActors {
  const { text, tokens } = analyzed;
  const countries = findCountryMentions(text);
  const institutions = findInstitutionMentions(text);
  const cast = new Cast(tokens);
  const countrySpans = new SortedSpans(countries);
  const people = addPeople(nameCandidates(analyzed, countrySpans, new SortedSpans(institutions), speechLemmas), cast);
  addInstitutions(text, institutions, cast);
  addCountrySpeakers(tokens, countries, speechLemmas, cast);
  addNominals(analyzed, countrySpans, people, cast);
  const speaks = (mention: ActorMention) => speaksAfterName(tokens, mention.lastToken, speechLemmas);
  // Both read the mentions by position; naming an office holder moves mentions to another actor, not elsewhere.
  const byPosition = [...cast.mentions].sort((a, b) => a.start - b.start);
  nameOfficeHoldersAfterOffices(cast, byPosition, speaks);
  placeBodiesByContext(cast, byPosition, speaks);
  addBodyReferences(tokens, quotes, cast, byPosition);
  const inTextOrder = cast.inTextOrder();
  const outside = inTextOrder.filter((m) => !insideAny(m.start, quotes));
  const quoted = inTextOrder.filter((m) => insideAny(m.start, quotes));
  const mentions = withPronouns(analyzed, outside, quotes, cast.actors, speechLemmas);
  giveDatelineCountry(text, countries, cast.actors);
  return { actors: cast.actors, mentions, quotedMentions: quoted, countries };
}
