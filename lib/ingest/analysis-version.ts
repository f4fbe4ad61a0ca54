// Which analysis made a stored article's statements: each article records it
// (Article.analysisVersion), so that a store built by an older analysis can be found and brought
// up to date without re-ingesting (`npm run reanalyze`, lib/store/reanalyze.ts).
//
// The version is the hand-kept revision of the analysis code and a hash of the linguistic data it
// reads: a change to lib/data/*.json marks every stored article as analysed by an older version
// on its own; a change to the code that alters what it finds in an article needs
// ANALYSIS_REVISION bumped.
import { createHash } from "node:crypto";
import cameoVerbs from "../data/cameo-verbs.json";
import countryAliases from "../data/country-aliases.json";
import epithets from "../data/epithets.json";
import institutions from "../data/institutions.json";
import modifiers from "../data/modifiers.json";
import newsAgencies from "../data/news-agencies.json";
import rules from "../data/rules.json";
import seatsOfPower from "../data/seats-of-power.json";
import speakerNouns from "../data/speaker-nouns.json";
import speech from "../data/speech.json";
import titles from "../data/titles.json";

/**
 * Bump when a change to lib/ingest, lib/core or an NLP dependency changes the statements, speakers,
 * targets, days or features found in an article (not for changes to scoring weights: a re-score
 * handles those).
 */
export const ANALYSIS_REVISION = 2;

/** The data files the analysis reads, by file name in lib/data. */
export const ANALYSIS_DATA: Readonly<Record<string, unknown>> = {
  "cameo-verbs.json": cameoVerbs,
  "country-aliases.json": countryAliases,
  "epithets.json": epithets,
  "institutions.json": institutions,
  "modifiers.json": modifiers,
  "news-agencies.json": newsAgencies,
  "rules.json": rules,
  "seats-of-power.json": seatsOfPower,
  "speaker-nouns.json": speakerNouns,
  "speech.json": speech,
  "titles.json": titles,
};

/** "<revision>.<12 hex digits of the data's hash>": equal exactly when revision and data are. */
export function analysisVersionOf(revision: number, data: Readonly<Record<string, unknown>>): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(data).sort()) hash.update(name).update("\u0000").update(JSON.stringify(data[name])).update("\u0000");
  return `${revision}.${hash.digest("hex").slice(0, 12)}`;
}

/** The current analysis's version, recorded on every article it analyses. */
export const ANALYSIS_VERSION = analysisVersionOf(ANALYSIS_REVISION, ANALYSIS_DATA);
