// The hand-written part of the CAMEO verb dictionary (npm run data:cameo-verbs): for each CAMEO
// event code, verbs and short phrases written from the codebook's definition of the code, and
// the WordNet expansions that were read and cut. Everything else is derived.
//
// Pattern syntax, one string per pattern:
//   "attack"                 a verb lemma; its commonest WordNet sense is expanded to synonyms and troponyms
//   "strike!"                a verb lemma, not expanded (its commonest sense is not the code's meaning)
//   "attack#2"               expand this sense instead of the commonest
//   "open fire"              a verb lemma and the words right after it (particle or fixed object)
//   "impose > sanction|embargo"  a verb (and optional words) whose object or prepositional head is one of these nouns

/** Names of the CAMEO root categories, from the codebook. */
export const FAMILY_NAMES: Record<string, string> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence",
};

export const SEED: Record<string, string[]> = {
  // 01 Make public statement (neutral statements are left out: they would fire everywhere and weigh nothing)
  "012": ["lament", "bemoan", "deplore!", "despair", "regret > development|situation|decision"],
  "013": ["look forward to!", "hope > progress|breakthrough|improvement|success|solution", "expect > progress|breakthrough|improvement|success|solution"],
  "015": ["claim > responsibility|credit", "take > responsibility|credit", "admit > responsibility|mistake|error"],
  "016": ["deny > responsibility|involvement|role|allegation|charge|accusation|report|claim", "disclaim", "disavow", "refute", "rebut"],
  "018": ["sympathize", "sympathise", "commiserate", "mourn", "grieve", "offer > condolence|sympathy", "express > condolence|sympathy|solidarity", "extend > condolence|sympathy"],
  "019": ["agree!", "concur", "share > view|concern|position|goal", "see eye to eye!"],
  // 02 Appeal
  "020": ["implore", "beseech", "entreat", "plead", "beg", "call on!", "call upon!"],
  "021": ["appeal > cooperation|help|support", "seek > cooperation|support|partnership"],
  "022": ["seek > recognition|backing|endorsement", "call for > dialogue|solidarity"],
  "023": ["appeal for > aid|assistance|relief", "ask for > aid|assistance|help|relief", "request > aid|assistance|help|relief|support"],
  "026": ["invite > talk|negotiation|dialogue|meeting|summit", "call for > talk|negotiation|dialogue|meeting|summit"],
  "027": ["call for > settlement|solution|compromise|de-escalation|restraint", "urge > restraint|calm|compromise"],
  "028": ["call for > mediation|arbitration", "request > mediation|arbitration"],
  // 03 Express intent to cooperate
  "030": ["pledge > cooperation|partnership|friendship|support", "commit > cooperation|partnership", "vow > cooperation|support", "promise > cooperation|support"],
  "031": ["pledge > investment|trade", "promise > investment|trade"],
  "032": ["pledge > solidarity|backing", "stand by!", "stand with!"],
  "033": ["pledge > aid|assistance|relief|fund|funding|loan|grant", "promise > aid|assistance|relief|fund|funding|loan|grant"],
  "036": ["propose > talk|negotiation|meeting|summit|dialogue", "offer > talk|negotiation|dialogue|meeting", "agree > talk|negotiation|dialogue|meeting|summit", "invite!", "welcome > talk|dialogue|negotiation|proposal|initiative|offer"],
  "037": ["offer > compromise|truce|ceasefire|peace", "propose > ceasefire|truce|peace|settlement|compromise|solution"],
  "038": ["accept > mediation|arbitration|mediator"],
  "039": ["offer > mediation", "offer to mediate!"],
  // 04 Consult
  "040": ["consult", "confer", "discuss!", "deliberate", "hold > talk|consultation|discussion"],
  "041": ["phone!", "telephone", "ring up!"],
  "042": ["visit!", "travel to!", "fly to!"],
  "043": ["host!", "receive > delegation|president|minister|leader|envoy|visitor", "welcome > delegation|president|minister|leader|envoy|visitor|counterpart"],
  "044": ["meet!", "meet with!", "sit down with!", "hold > meeting|summit"],
  "045": ["mediate", "intercede", "arbitrate", "broker!"],
  "046": ["negotiate", "bargain", "hold > negotiation"],
  // 05 Engage in diplomatic cooperation
  "050": ["support!", "cooperate", "collaborate", "team up!", "work together!", "join > force|hand"],
  "051": ["welcome!", "applaud", "praise", "commend", "laud", "acclaim", "extol", "hail", "salute!", "honor!", "honour!", "endorse", "compliment", "thank", "congratulate", "admire!", "appreciate!", "pay > tribute", "express > gratitude|appreciation|admiration", "welcome > decision|move|step|agreement|progress|effort|commitment|release|outcome"],
  "052": ["defend > right|decision|ally|partner|neighbor|neighbour", "champion", "vouch"],
  "053": ["rally > support", "rally behind!", "mobilize > support", "lobby for!"],
  "054": ["recognize > state|government|independence|sovereignty|territory", "recognise > state|government|independence|sovereignty|territory", "normalize > relation|tie", "normalise > relation|tie", "restore > relation|tie"],
  "055": ["apologize", "apologise", "atone", "express > regret|remorse", "offer > apology"],
  "056": ["forgive", "pardon", "absolve", "reconcile"],
  "057": ["sign > agreement|accord|treaty|deal|pact|memorandum|protocol|declaration|contract", "conclude > agreement|treaty|deal|pact", "ratify", "seal > deal|agreement|accord"],
  // 06 Engage in material cooperation
  "061": ["trade with!", "invest", "boost > trade|investment|cooperation|tie", "expand > trade|investment|cooperation|tie", "strengthen > tie|relation|cooperation|partnership|bond", "deepen > tie|relation|cooperation|partnership|bond"],
  "062": ["train > troops|force|soldier", "conduct > joint exercise|joint drill", "hold > joint exercise|joint drill"],
  "063": ["extradite", "hand over > suspect|fugitive"],
  "064": ["share > intelligence|information|data"],
  // 07 Provide aid
  "070": ["aid!", "assist!", "help!", "provide > aid|assistance|help|support", "give > aid|assistance|help|support", "send > aid|assistance|help"],
  "071": ["provide > loan|credit|fund|funding|grant|investment|money", "give > loan|credit|fund|funding|grant|money", "donate", "fund!", "finance!", "subsidize", "subsidise", "bail out!"],
  "072": ["supply > weapon|arm|ammunition|missile|tank|jet|munition", "send > weapon|arm|ammunition|missile|tank|jet|troops|munition", "provide > weapon|arm|ammunition|missile|tank|munition", "arm!", "equip!"],
  "073": ["send > relief|food|medicine|vaccine|supply", "deliver > aid|relief|food|medicine|vaccine", "provide > relief|food|medicine|shelter|vaccine", "shelter > refugee|civilian", "rescue!", "evacuate > civilian|resident|people"],
  "074": ["deploy > peacekeeper|peacekeeping", "protect > civilian|population|refugee"],
  "075": ["grant > asylum|refuge", "give > asylum|refuge", "offer > asylum|refuge"],
  // 08 Yield
  "080": ["yield!", "concede", "relent", "back down!", "give in!", "give way!", "make > concession", "compromise!", "accommodate!"],
  "081": ["lift > restriction|ban|curfew", "ease > restriction|ban|curfew"],
  "082": ["allow > protest|demonstration|opposition"],
  "083": ["accept > demand|condition|term", "meet > demand|condition", "accede", "comply"],
  "084": ["release > prisoner|hostage|detainee|captive|sailor|soldier|journalist", "free > prisoner|hostage|detainee|captive|sailor|soldier|journalist", "return > prisoner|hostage|territory|body|remains", "repatriate", "exchange > prisoner"],
  "085": ["lift > sanction|embargo|boycott|blockade|tariff", "ease > sanction|embargo|boycott|tariff", "suspend > sanction|tariff", "waive > sanction|tariff"],
  "086": ["allow > inspector|observer|monitor|peacekeeper|aid|access", "admit > inspector|observer|monitor"],
  "087": ["de-escalate", "deescalate", "defuse", "scale down!", "stand down!", "halt > offensive|attack|strike|operation|fighting|hostility", "stop > offensive|attack|strike|fighting|hostility|bombing|shelling"],
  "0871": ["declare > ceasefire|truce|armistice", "observe > ceasefire|truce", "respect > ceasefire|truce", "agree > ceasefire|truce|armistice"],
  "0873": ["demobilize", "demobilise", "disarm", "disband"],
  "0874": ["retreat", "withdraw > troops|force|soldier", "pull out!", "pull back!", "surrender", "capitulate"],
  // 09 Investigate
  "090": ["investigate", "probe!", "inquire", "enquire", "look into!", "examine > allegation|claim|report|incident", "launch > investigation|inquiry|probe", "open > investigation|inquiry|probe"],
  "091": ["investigate > corruption|crime|fraud|bribery"],
  "093": ["investigate > attack|strike|incident|explosion|crash"],
  // 10 Demand
  "100": ["demand"],
  "101": ["demand > cooperation|payment|compensation|reparation"],
  "102": ["demand > apology|explanation|clarification|recognition"],
  "104": ["demand > reform|election|resignation"],
  "105": ["demand > concession|release|surrender|withdrawal"],
  "106": ["demand > withdrawal|pullout|retreat"],
  "107": ["demand > ceasefire|truce|halt|end"],
  "108": ["demand > talk|negotiation|meeting"],
  // 11 Disapprove
  "110": ["disapprove", "object!", "frown!", "oppose!"],
  "111": ["criticize", "criticise", "condemn", "denounce", "decry", "censure", "castigate", "rebuke", "reprimand", "chastise", "deplore", "berate", "lambaste", "blast!", "slam!", "excoriate", "vilify", "ridicule", "mock", "scorn", "insult", "humiliate"],
  "112": ["accuse", "blame", "charge > crime|murder|espionage|terrorism|treason", "allege!", "implicate", "incriminate", "smear"],
  "1121": ["accuse > crime|corruption|fraud|terrorism|theft|murder"],
  "1122": ["accuse > abuse|torture|repression|persecution"],
  "1123": ["accuse > aggression|invasion|provocation|attack"],
  "1124": ["accuse > genocide|atrocity|massacre|war crime"],
  "1125": ["accuse > espionage|spying|interference|meddling", "spy!"],
  "113": ["rally against!", "rally > opposition", "turn against!"],
  "114": ["complain", "lodge > protest|complaint", "file > protest|complaint", "summon > ambassador|envoy|diplomat|charge"],
  "115": ["sue", "prosecute", "indict", "take to court!", "file > lawsuit|suit|case|complaint"],
  "116": ["convict", "sentence!", "condemn > death|prison"],
  // 12 Reject
  "120": ["reject", "refuse", "decline!", "dismiss", "rebuff", "repudiate", "spurn", "turn down!", "brush off!", "brush aside!"],
  "121": ["reject > cooperation|trade|deal|investment"],
  "122": ["reject > aid|assistance|help|offer", "refuse > aid|assistance|help"],
  "124": ["refuse to back down!", "refuse to yield!", "refuse to give up!", "stand firm!", "hold firm!", "hold > ground"],
  "125": ["reject > talk|negotiation|meeting|dialogue|invitation", "refuse > talk|negotiation|meeting|dialogue"],
  "126": ["reject > mediation|arbitration|mediator"],
  "127": ["reject > plan|proposal|agreement|deal|accord|treaty|settlement|initiative|resolution|ultimatum|peace", "withdraw from > agreement|deal|accord|treaty|pact", "pull out of > agreement|deal|accord|treaty|pact", "abrogate", "renege", "annul > agreement|deal|treaty"],
  "128": ["defy", "flout", "violate > law|norm|rule|sovereignty|resolution|agreement|treaty|right", "breach > agreement|treaty|law|sovereignty|ceasefire", "disregard > law|norm|rule|sovereignty|resolution", "ignore > law|norm|rule|resolution|warning"],
  "129": ["veto", "block > resolution|bill|proposal|membership"],
  // 13 Threaten
  "130": ["threaten", "menace", "intimidate", "warn!", "caution!", "bully"],
  "131": ["threaten > sanction|embargo|boycott|tariff|consequence|retaliation|countermeasure|measure"],
  
  "138": ["threaten > war|force|attack|strike|invasion|retaliation|annihilation|destruction|nuclear|military", "retaliate", "avenge", "strike back!", "hit back!", "vow > revenge|retaliation|vengeance"],
  "139": ["give > ultimatum", "issue > ultimatum", "set > deadline"],
  // 14 Protest
  "140": ["protest!", "remonstrate"],
  "141": ["demonstrate against!", "picket", "stage > protest|demonstration|rally|march|sit-in"],
  "142": ["go on hunger strike!"],
  "143": ["boycott", "go on strike!", "walk out!", "stage > walkout|strike"],
  "144": ["obstruct", "blockade!", "block > road|access|passage|border"],
  "145": ["riot", "rampage", "loot"],
  // 15 Exhibit force posture
  "150": ["show > force|strength", "flex > muscle", "brandish", "saber-rattle", "sabre-rattle"],
  "152": ["raise > alert|readiness", "put > alert|standby", "place > alert|standby"],
  "154": ["mobilize", "mobilise", "deploy > troops|force|soldier|warship|missile|jet|tank|battalion|brigade|division|unit|army|navy", "mass > troops|force", "send > troops|warship|soldier|jet|tank", "station > troops|force|missile|soldier", "reinforce > border|troops|position|presence", "build up > troops|force|presence", "conscript", "call up > reservist|reserve"],
  // 16 Reduce relations
  "160": ["downgrade > relation|tie", "freeze > relation|tie|contact|cooperation|talk", "suspend > relation|tie|contact|cooperation|talk"],
  "161": ["sever > relation|tie|contact", "cut > relation|tie|contact", "break off > relation|tie|contact|talk", "break > relation|tie", "recall > ambassador|envoy|diplomat"],
  "162": ["cut > aid|assistance|funding|fund", "suspend > aid|assistance|funding", "halt > aid|assistance|funding", "withhold > aid|assistance|funding"],
  "163": ["sanction!", "impose > sanction|embargo|boycott|tariff|ban|restriction|duty|penalty", "slap > sanction|embargo|tariff|ban", "levy > sanction|tariff|duty", "embargo", "blacklist", "ban > import|export|trade|flight"],
  "164": ["halt > negotiation|talk|dialogue", "break off > negotiation|dialogue", "walk away from > talk|negotiation", "suspend > negotiation|dialogue"],
  "166": ["expel > diplomat|ambassador|envoy|inspector|observer|peacekeeper|staff", "withdraw > ambassador|envoy|inspector|observer|peacekeeper|aid", "close > embassy|consulate"],
  // 17 Coerce
  "170": ["coerce", "pressure!", "pressurize", "pressurise", "blackmail", "strong-arm", "subjugate", "oppress"],
  "171": ["seize > property|asset|ship|vessel|tanker|cargo|land|aircraft",  "confiscate", "expropriate", "nationalize", "nationalise", "impound", "commandeer"],
  "1712": ["destroy > property|home|house|building|village|infrastructure", "demolish", "raze", "vandalize", "vandalise", "sabotage", "torch"],
  "172": ["impose > curfew|martial law|state of emergency|restriction", "censor", "outlaw!"],
  "173": ["arrest", "detain", "imprison", "jail", "incarcerate", "apprehend", "round up!", "lock up!", "take > custody"],
  "174": ["deport", "expel!", "banish", "exile"],
  "175": ["crack down!", "suppress", "repress", "quell", "persecute", "tear-gas", "teargas"],
  // 18 Assault
  "180": ["assault", "beat up!", "brutalize", "brutalise", "terrorize", "terrorise"],
  "181": ["abduct", "kidnap", "hijack", "take > hostage", "hold > hostage"],
  "182": ["stab", "maim", "wound!", "injure!"],
  "1822": ["torture"],
  "1823": ["kill", "murder", "slay", "execute > prisoner|hostage|civilian|protester|dissident|captive", "behead", "lynch", "strangle"],
  "183": ["blow up!", "bomb!", "detonate"],
  "185": ["attempt > assassination"],
  "186": ["assassinate"],
  // 19 Fight
  "190": ["attack", "invade", "fight!", "wage > war|campaign|battle|offensive", "launch > attack|offensive|war|invasion|strike|operation|assault|raid", "go to > war", "declare > war", "engage > enemy", "raid", "ambush", "storm!", "overrun", "crush", "smash", "destroy", "obliterate", "wipe out!", "eliminate > enemy|terrorist|threat|target|militant|fighter", "neutralize > threat|target|enemy|terrorist", "neutralise > threat|target|enemy|terrorist", "retake!", "liberate!", "counterattack", "counter-attack", "counteroffensive", "strike > target|position|base|city|village|facility|site|country|territory", "hit > target|position|base|city|village|facility|site"],
  "191": ["blockade", "besiege", "encircle", "lay > siege"],
  "192": ["occupy", "annex", "conquer", "capture > territory|city|town|village|region|land", "seize > territory|city|town|village|region|land|island"],
  "193": ["shoot", "open fire", "gun down!", "snipe"],
  "194": ["shell", "bombard", "pound!", "fire > rocket|missile|shell|artillery|mortar", "launch > rocket|missile"],
  "195": ["airstrike", "air-strike", "carpet-bomb", "strafe", "drop > bomb", "carry out > airstrike|air strike|bombing|strike"],
  "196": ["violate > ceasefire|truce|armistice", "break > ceasefire|truce|armistice"],
  // 20 Unconventional mass violence
  "200": ["exterminate", "eradicate > people|population|nation|enemy", "wipe > map"],
  "201": ["expel > population|people|civilian|resident|inhabitant", "drive out > population|people|civilian|resident"],
  "202": ["annihilate", "massacre", "slaughter", "butcher", "decimate"],
  "203": ["cleanse > population|minority|territory|area|region|village|people"],
  "204": ["gas!", "nuke", "use > chemical weapon|nuclear weapon|weapon of mass destruction"],
};

/**
 * WordNet synonyms and troponyms of the seeds read by eye and cut: rare or off-meaning in news
 * about governments (e.g. "sound off" among the senses near "criticize", "spank" under "beat").
 * Each is "lemma" (cut from every code) or "lemma@code".
 */
export const EXCLUDED: string[] = [
  "back", "ban", "behave", "bleat", "block", "boom", "bring oneself", "condone", "discount", "excuse", "experiment",
  "explore", "extenuate", "force", "go along", "grass", "infest", "keep in", "mitigate", "move back", "nail",
  "pull away", "query", "rally", "rationalize", "recede", "research", "sign", "tantalize", "think twice", "trap",
  "undermine", "withdraw", "call up", "draw back", "plump for", "bait", "lecture", "nag", "ignore", "disregard",
  "pray", "herald", "flatter", "exalt", "stone", "pelt", "lie in wait", "make fun", "poke fun", "trap", "collar",
  "knock off", "do in", "affront", "aby", "abye", "advertize", "bravo", "ensky", "egg", "off", "pip", "plain", "guy",
  "call", "hale", "jug", "conduct", "posture", "correct", "weaken", "circumvent", "garnish", "garnishee", "negative",
  "action", "bid", "commit suicide", "retire", "clap", "vaporize", "martyr", "intermediate", "collogue", "keen",
  "cell phone", "buy into", "get together", "play along", "chew up", "brush down", "have words", "twit", "razz",
  "burke", "scrag", "sic", "cage", "cage in", "squeeze for", "surround", "moot", "canonise", "unsay", "plunk for",
  "blandish", "shrive", "sorrow", "palliate", "dragoon", "bulldog", "savage", "scupper", "bottleneck", "countermine",
];
