// The hand-written part of the epithet list (npm run data:epithets): what the lexicons cannot
// hold (phrases, and the commonest insults neither lexicon rates), the WordNet branches whose
// nouns are no insult, the words read and cut, and what an epithet must be applied to.

/**
 * Epithets neither lexicon rates at the threshold: phrases (a noun modified by an epithet
 * adjective, or a compound), and single nouns that are insults in news but missing from both
 * lexicons or rated below the threshold ("fool", "hooligan").
 */
export const SEED_EPITHETS: string[] = [
  "paper tiger", "puppet regime", "puppet government", "puppet state", "rogue state", "rogue regime", "pariah state",
  "failed state", "terrorist state", "terror state", "narco state", "mafia state", "banana republic", "evil empire",
  "axis of evil", "war criminal", "war criminals", "war monger", "lame duck", "laughing stock", "gang of criminals",
  "thug", "puppet", "stooge", "lackey", "henchman", "gangster", "bandit", "pirate", "tyrant", "despot", "warlord",
  "clown", "vermin", "parasite", "nazi", "hypocrite", "traitor", "fool", "hooligan", "barbarian", "extremist",
  "butcher", "scum", "charlatan",
];

/**
 * WordNet noun branches (by 3.1 offset) whose members a strongly negative rating describes as
 * suffering or as a party to a case, not as bad: victims, prisoners, mourners, defendants.
 */
export const CUT_BRANCHES: Record<string, string> = {
  "09653829": "unfortunate, unfortunate person: victims, prisoners, mourners, the sick",
  "09781524": "defendant: the accused",
};

/**
 * Words the lexicons rate strongly negative that, applied to a person or state in news, name
 * a feeling, a state or a plain fact rather than insult: "Sweden is angry", "they are dead",
 * "the killers", and senses whose news use is descriptive ("the enemy" of a war).
 */
export const EXCLUDED: string[] = [
  // feelings and states of the subject
  "aching", "agonised", "agonising", "agonized", "agonizing", "angered", "angry", "apathetic", "boring", "broken",
  "catastrophic", "chaotic", "crying", "dead", "deadly", "despondent", "disconsolate", "downhearted", "dread",
  "dreaded", "dreadful", "excruciating", "fatal", "fearful", "frightening", "furious", "gloomful", "glum", "grievous",
  "grim", "guilty", "hazardous", "heartbroken", "heavyhearted", "helpless", "hopeless", "humiliated", "hysterical",
  "imprisoned", "infected", "infuriated", "jailed", "jealous", "joyless", "livid", "lost", "masochistic", "miserable",
  "panicked", "poor", "powerless", "sad", "scary", "shamed", "shamefaced", "sick", "sorrowful", "starved",
  "suffering", "suicidal", "terrified", "threatening", "torturing", "torturous", "tragic", "tragical", "traumatic",
  "troubled", "troublous", "unfortunate", "unhealthy", "woebegone", "woeful", "worried", "worrying", "worse",
  "worsened", "worst", "wasted", "negative", "dire", "direful", "dismal", "disturbing", "troubling", "troublesome",
  "unpleasant", "horrifying", "horrific", "gruesome", "sickening", "upsetting",
  "wrong", "unacceptable", "damaging", "ruinous", "disastrous", "outrageous",
  "toxic", "warning", "crappy", "shitty", "rancid", "foetid", "reeking", "stinking", "bloody",
  "icky", "gross", "loose", "tyrannic", "hurtful", "frightful", "distressful", "irritating", "vexing", "punishing",
  "inexorable", "insipid", "lugubrious", "goddam", "goddamn", "damned", "blamed", "doomed", "defeated", "frustrated",
  "disappointed", "nuts", 
  // persons named by what they did or suffer, descriptive in news
  "killer", "bankrupt", "spammer", "casualty", "suicide", "enemy", "attacker", "perpetrator", "violator", "slave",
  "depressive", "grouch", "killjoy", "melancholiac", "sorrower", "heartbreaker", "weeper", "griever", "annoyer",
  "upsetter", "worrier", "worrywart", "mope", "ruiner", "destroyer", "murderee",
  "bereaved", "censor", "polluter", "puke", "totalitarianism", "loos",
];

/**
 * What an epithet may be applied to in an attributive phrase ("this puppet regime", "a cruel
 * leader"): nouns naming a person, a government, a state or a people.
 */
export const HEADS: string[] = [
  "regime", "regimes", "government", "governments", "state", "states", "country", "countries", "nation", "nations",
  "leader", "leaders", "leadership", "administration", "authorities", "junta", "president", "prime minister", "minister",
  "ministers", "man", "men", "woman", "women", "person", "people", "peoples", "guy", "guys", "clique", "rulers", "ruler",
  "elite", "elites", "politicians", "politician", "dictatorship", "army", "forces", "troops",
];

/** Nouns of a group whose "of" phrase carries the epithet ("a gang of thugs", "a bunch of liars"). */
export const COLLECTIVES: string[] = ["gang", "bunch", "band", "pack", "clique", "horde", "group", "herd", "den", "cabal", "nest"];
