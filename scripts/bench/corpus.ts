// Deterministic synthetic news corpus for the benchmark suite. Pure: no I/O.
//
// Article `index` of a corpus depends only on (seed, index): a splitmix32 stream seeded from both
// draws the pair of countries, outlet, publication day, officials and statements, so workers can
// generate any slice. Each country's officials (its head of government, foreign minister, …) are
// drawn from (seed, country) alone and so stay the same people across the corpus, as in real news.
// The vocabulary — names, countries, titles, outlets, templates — is data in corpus-data.json.
//
// Each article reports what the pipeline should find (`intended`): who said what, on which day,
// to whom, in which tone. The tone is the template's, not a score.

import data from "./corpus-data.json";

export const CORPUS_SEED = 20250107;

export type Tone = "hostile" | "neutral" | "conciliatory";
export const TONES: readonly Tone[] = ["hostile", "neutral", "conciliatory"];

/** One statement as the generator wrote it. */
export interface IntendedStatement {
  /** Full name as first introduced, or the institution as named ("Kenya's foreign ministry"). */
  speaker: string;
  speakerCountry: string;
  target: string;
  /** Day it was said, YYYY-MM-DD. */
  date: string;
  tone: Tone;
  /** The speaker's words: a quoted sentence, a partial quote or a reported clause. */
  text: string;
  kind: "quote" | "partial" | "reported";
}

export interface GeneratedArticle {
  path: string;
  text: string;
  /** Publication day, YYYY-MM-DD. */
  published: string;
  intended: IntendedStatement[];
  /** People quoted in the article who are not officials (analysts, residents): never statements. */
  nonOfficials: string[];
}

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix32, seeded from (seed, index, stream).

function hash32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

class Rng {
  private state: number;
  constructor(...keys: number[]) {
    let s = 0x2545f491;
    for (const key of keys) s = hash32(s ^ hash32(key + 0x9e3779b9));
    this.state = s;
  }
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let t = this.state ^ (this.state >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }
  /** `n` distinct items in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    for (let i = 0; i < Math.min(n, copy.length); i++) {
      const j = i + this.int(copy.length - i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Templates: "{slot}" is filled from a table; "{Slot}" capitalizes the value (it starts a sentence).

type Part = string | { raw: string; key: string; capitalize: boolean };
type Slots = Record<string, string>;
const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  let at = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    const name = m[1];
    const lower = name[0].toLowerCase() + name.slice(1);
    parts.push({ raw: name, key: lower, capitalize: name !== lower });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  compiled.set(template, parts);
  return parts;
}

function fill(template: string, slots: Slots): string {
  let out = "";
  for (const part of compile(template)) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    // "{CAPITAL}" is a slot of its own; "{Ref}" is "{ref}" starting a sentence.
    const exact = part.capitalize ? slots[part.raw] : undefined;
    if (exact !== undefined) {
      out += exact;
      continue;
    }
    const value = slots[part.key];
    if (value === undefined) throw new Error(`corpus template slot {${part.raw}} has no value in "${template}"`);
    out += part.capitalize ? capitalize(value) : value;
  }
  return out;
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------------
// Calendar

const DAY_MS = 86_400_000;
/** Publication days: statements up to six days earlier still fall on or after 2025-01-01. */
const FIRST_PUBLICATION = Date.UTC(2025, 0, 7);
const LAST_PUBLICATION = Date.UTC(2026, 5, 30);
const PUBLICATION_DAYS = (LAST_PUBLICATION - FIRST_PUBLICATION) / DAY_MS + 1;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

interface Day {
  ms: number;
  iso: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function dayAt(ms: number): Day {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const iso = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
  return { ms, iso, year, month, day, weekday: d.getUTCDay() };
}

/**
 * Where a frame puts the day, which limits how it may be written: the pipeline loses "said late on
 * Monday that …", "…, X told reporters yesterday." and "X on April 18 accused …".
 */
type DaySlot = "front" | "end" | "beforeVerb" | "beforeThat" | "afterReport";

function daySlotOf(frame: string): DaySlot {
  if (frame.includes("{Day}")) return "front";
  if (/\{day\} that /.test(frame)) return "beforeThat";
  if (/\{ref\} \{day\} |\{Ref\} \{day\} /.test(frame)) return "beforeVerb";
  if (frame.startsWith("{Report}")) return "afterReport";
  return "end";
}

/** How the article names a day `offset` days before publication: "on Monday", "late on Monday", "on March 3". */
function dayPhrase(rng: Rng, published: Day, offset: number, slot: DaySlot): string {
  const said = dayAt(published.ms - offset * DAY_MS);
  const weekday = WEEKDAYS[said.weekday];
  const r = rng.next();
  // Not "Yesterday, X said": a capitalized "Yesterday" is taken for a name.
  if (r < 0.08 && offset === 1 && slot !== "afterReport" && slot !== "front") return "yesterday";
  // Not "X on April 18 accused …" ("18 accused" reads as a noun phrase) nor "told reporters on May 6" (May as a verb).
  if (r < 0.16 && slot !== "beforeVerb" && !(said.month === 5 && slot === "afterReport")) return `on ${MONTHS[said.month - 1]} ${said.day}`;
  if (r < 0.24 && slot !== "beforeThat") return `late on ${weekday}`;
  if (r < 0.3 && slot !== "afterReport") return `on ${weekday} evening`;
  return `on ${weekday}`;
}

// ---------------------------------------------------------------------------------------------
// Countries and their officials

type RoleId = keyof typeof data.roles;
const ROLE_IDS = Object.keys(data.roles) as RoleId[];

interface Country {
  index: number;
  name: string;
  /** "the Philippines" in running text. */
  the: boolean;
  demonym: string;
  capital: string;
  head: string;
  pool: NamePool;
  titles: Partial<Record<RoleId, string | null>>;
}

interface NamePool {
  familyFirst?: boolean;
  male: string[];
  female: string[];
  family: string[];
}

const POOLS = data.namePools as Record<string, NamePool>;
const COUNTRIES: Country[] = data.countries.map((c, index) => ({
  index,
  name: c.name,
  the: Boolean((c as { the?: boolean }).the),
  demonym: c.demonym,
  capital: c.capital,
  head: c.head,
  pool: POOLS[c.names],
  titles: ((c as { titles?: Partial<Record<RoleId, string | null>> }).titles ?? {}),
}));

interface Person {
  full: string;
  /** How later paragraphs name them: the family name. */
  surname: string;
  female: boolean;
  /** "Zhao Lifeng": the family name comes first. */
  familyFirst: boolean;
}

interface Official extends Person {
  country: Country;
  role: RoleId;
  /** As printed before the name: "President", "Foreign Minister", "foreign ministry spokesperson". */
  title: string;
  head: boolean;
}

function roleTitle(country: Country, role: RoleId, us: boolean): string | null {
  if (role in country.titles) return country.titles[role] ?? null;
  if (role === "head") return country.head;
  const entry = data.roles[role] as { title: string | null; us?: string };
  return us && entry.us ? entry.us : entry.title;
}

const castCache = new Map<number, Map<RoleId, Person>[]>();

/**
 * The people holding each office of each country: fixed for a seed, so they recur across articles.
 * Full names are unique in the corpus (a batch merges statements by name) and family names within
 * a government.
 */
function castOf(seed: number, country: Country): Map<RoleId, Person> {
  let casts = castCache.get(seed);
  if (!casts) {
    if (castCache.size > 16) castCache.clear();
    const taken = new Set<string>();
    casts = COUNTRIES.map((c) => {
      const rng = new Rng(seed, 0x0ff1ce, c.index);
      const families = rng.sample(c.pool.family, c.pool.family.length);
      const cast = new Map<RoleId, Person>();
      ROLE_IDS.forEach((role, i) => {
        const family = families[i % families.length];
        let person: Person | null = null;
        for (let attempt = 0; attempt < 20 && !person; attempt++) {
          const female = rng.chance(0.4);
          const given = rng.pick(female ? c.pool.female : c.pool.male);
          const full = c.pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
          if (!taken.has(full) || attempt === 19) person = { full, surname: family, female, familyFirst: Boolean(c.pool.familyFirst) };
        }
        taken.add(person!.full);
        cast.set(role, person!);
      });
      return cast;
    });
    castCache.set(seed, casts);
  }
  return casts[country.index];
}

// ---------------------------------------------------------------------------------------------
// Article plan

type Kind = "quote" | "partial" | "reported" | "act" | "infinitive";

interface Speaker {
  official: Official | null;
  /** An institution's name as printed ("Kenya's foreign ministry"), for institutions. */
  institution: string | null;
  country: Country;
  /** Mentioned already (later references use the surname). */
  introduced: boolean;
  /** Introduced as "President X" with the country left to the dateline. */
  bare?: boolean;
}

interface Block {
  speaker: Speaker;
  tone: Tone;
  kind: Kind;
  sentences: number;
  offset: number;
  /** A follow-up quotation by the same speaker without a day of its own. */
  continuation: boolean;
}

interface Frame {
  text: string;
  first?: boolean;
  tones?: string[];
  plainRef?: boolean;
  samePara?: boolean;
  weight?: number;
}

/** The pipeline looks for "said" within 60 characters after a closing quotation mark. */
const AFTER_QUOTE_MAX = 50;

type Arc = "escalation" | "thaw" | "swing" | "mixed";
const ARCS: Arc[] = ["escalation", "thaw", "swing", "mixed"];
const ARC_WEIGHTS = [3, 3, 2, 2];

function toneFor(rng: Rng, arc: Arc, fromFirst: boolean, offset: number): Tone {
  const [h, n, c] =
    arc === "escalation" ? (fromFirst ? [0.65, 0.25, 0.1] : [0.55, 0.3, 0.15])
    : arc === "thaw" ? (fromFirst ? [0.1, 0.25, 0.65] : [0.15, 0.3, 0.55])
    : arc === "swing" ? (offset >= 3 ? [0.7, 0.2, 0.1] : [0.1, 0.2, 0.7])
    : [0.36, 0.28, 0.36];
  return rng.weighted(TONES, [h, n, c]);
}

interface Outlet {
  name: string;
  spelling: string;
  quotes: string;
  frontMatter: number;
  dateline: string;
  datelineRead?: boolean;
  header?: string[][];
  footer?: string;
}
const OUTLETS = data.outlets.list as Outlet[];

interface Style {
  outlet: Outlet;
  us: boolean;
  open: string;
  close: string;
  apostrophe: string;
}

const US_SPELLING: Record<string, string> = {
  behaviour: "behavior",
  analysed: "analyzed",
  finalised: "finalized",
  criticised: "criticized",
  neighbour: "neighbor",
  neighbours: "neighbors",
  defence: "defense",
  Defence: "Defense",
  kilometres: "kilometers",
};
const US_RE = new RegExp(`\\b(${Object.keys(US_SPELLING).join("|")})\\b`, "g");

class ArticleWriter {
  private readonly rng: Rng;
  private readonly published: Day;
  private readonly style: Style;
  private readonly a: Country;
  private readonly b: Country;
  private readonly incident: (typeof data.incidents)[number];
  private readonly dateline: Country;
  private readonly intended: IntendedStatement[] = [];
  private readonly nonOfficials: string[] = [];
  /** Templates already used: an article does not repeat itself. */
  private readonly used = new Set<string>();

  constructor(
    private readonly seed: number,
    private readonly index: number,
  ) {
    const rng = (this.rng = new Rng(seed, index));
    [this.a, this.b] = pickPair(rng, seed);
    const outlet = rng.pick(OUTLETS);
    const curly = outlet.quotes === "curly" ? rng.chance(0.85) : rng.chance(0.15);
    this.style = { outlet, us: outlet.spelling === "us", open: curly ? "“" : '"', close: curly ? "”" : '"', apostrophe: curly ? "’" : "'" };
    this.published = dayAt(FIRST_PUBLICATION + rng.int(PUBLICATION_DAYS) * DAY_MS);
    this.incident = rng.pick(data.incidents);
    this.dateline = rng.chance(0.7) ? this.a : this.b;
  }

  write(): GeneratedArticle {
    const rng = this.rng;
    const speakers = this.chooseSpeakers();
    const blocks = this.planBlocks(speakers);
    const paragraphs: string[] = [];
    // Statements, with background, analysts, residents and headings between them.
    const fillers = this.fillers();
    blocks.forEach((block, i) => {
      const written = this.writeBlock(block, i === 0, blocks[i - 1]);
      if (block.continuation && written.samePara && paragraphs.length) paragraphs[paragraphs.length - 1] += ` ${written.paragraphs[0]}`;
      else paragraphs.push(...written.paragraphs);
      const next = blocks[i + 1];
      if (next && !next.continuation && fillers.length && rng.chance(i === 0 ? 0.6 : 0.45)) paragraphs.push(this.take(fillers));
    });
    const target = 320 + rng.int(360);
    let words = wordCount(paragraphs);
    while (fillers.length && words < target) {
      const at = 2 + rng.int(Math.max(1, paragraphs.length - 1));
      const filler = this.take(fillers);
      words += wordCount([filler]);
      // Never between a statement and the quotation that continues it.
      if (at < paragraphs.length && startsWithQuote(paragraphs[at])) paragraphs.push(filler);
      else paragraphs.splice(Math.min(at, paragraphs.length), 0, filler);
    }
    const headline = this.headline(blocks[0]);
    const text = this.assemble(headline, paragraphs);
    return {
      path: `synthetic/${String(this.index).padStart(6, "0")}.txt`,
      text,
      published: this.published.iso,
      intended: this.intended,
      nonOfficials: this.nonOfficials,
    };
  }

  // --- who speaks

  private chooseSpeakers(): Speaker[] {
    const rng = this.rng;
    const total = 2 + rng.int(3);
    const fromA = total === 2 ? 1 : total === 4 ? 2 : 1 + rng.int(2);
    // Family names must tell the article's people apart.
    const taken = new Set<string>();
    const officials = [...this.officialsOf(this.a, fromA, rng.chance(0.55), taken), ...this.officialsOf(this.b, total - fromA, rng.chance(0.35), taken)];
    const speakers: Speaker[] = officials.map((official) => ({ official, institution: null, country: official.country, introduced: false }));
    if (rng.chance(0.25)) {
      const country = rng.chance(0.5) ? this.a : this.b;
      const form = rng.pick(data.institutions.forms);
      speakers.push({ official: null, institution: this.fillSimple(form, country, country), country, introduced: false });
    }
    return speakers;
  }

  private officialsOf(country: Country, n: number, headFirst: boolean, taken: Set<string>): Official[] {
    const rng = this.rng;
    const cast = castOf(this.seed, country);
    const available = ROLE_IDS.filter((role) => roleTitle(country, role, this.style.us) !== null && !taken.has(cast.get(role)!.surname));
    const chosen: RoleId[] = headFirst && available.includes("head") ? ["head"] : [];
    while (chosen.length < n) {
      const rest = available.filter((role) => !chosen.includes(role));
      if (!rest.length) break;
      chosen.push(rng.weighted(rest, rest.map((role) => data.roles[role].weight)));
    }
    for (const role of chosen) taken.add(cast.get(role)!.surname);
    return chosen.map((role) => ({ ...cast.get(role)!, country, role, title: roleTitle(country, role, this.style.us)!, head: role === "head" }));
  }

  // --- what they say

  private planBlocks(speakers: Speaker[]): Block[] {
    const rng = this.rng;
    const arc = rng.weighted(ARCS, ARC_WEIGHTS);
    const goal = 4 + rng.int(5);
    const blocks: Block[] = [];
    let units = 0;
    let previous: Speaker | null = null;
    const spoken = new Map<Speaker, Set<number>>();
    while (units < goal) {
      const first = blocks.length === 0;
      // Everyone named speaks: the lede's speaker first, then each of the others once, then anyone.
      const silent = speakers.filter((s) => !spoken.has(s));
      const speaker: Speaker = first
        ? speakers[0]
        : silent.length
          ? rng.pick(silent)
          : rng.chance(0.7) && previous !== null && speakers.length > 1
          ? rng.pick(speakers.filter((s) => s !== previous))
          : rng.pick(speakers);
      // One statement a day per speaker: the pipeline merges a speaker's same-day words that share a phrase.
      const days = spoken.get(speaker) ?? new Set<number>();
      spoken.set(speaker, days);
      let offset = first ? rng.int(2) : rng.int(7);
      for (let k = 0; k < 7 && days.has(offset); k++) offset = (offset + 1) % 7;
      days.add(offset);
      const tone = toneFor(rng, arc, speaker.country === this.a, offset);
      const kinds: Kind[] = tone === "neutral" ? ["quote", "quote", "partial", "reported"] : ["quote", "quote", "quote", "partial", "reported", "reported", "act", "infinitive"];
      const kind = rng.pick(kinds);
      const sentences = kind === "quote" && goal - units >= 2 && rng.chance(0.3) ? 2 : 1;
      blocks.push({ speaker, tone, kind, sentences, offset, continuation: false });
      units += sentences;
      // The same speaker goes on, in another paragraph or the same one.
      if (units < goal && speaker.official && rng.chance(0.3)) {
        blocks.push({ speaker, tone: rng.chance(0.85) ? tone : "neutral", kind: "quote", sentences: 1, offset, continuation: true });
        units++;
      }
      previous = speaker;
    }
    return blocks;
  }

  private writeBlock(block: Block, lede: boolean, parent: Block | undefined): { paragraphs: string[]; samePara: boolean } {
    const rng = this.rng;
    const { speaker, tone } = block;
    const said = dayAt(this.published.ms - block.offset * DAY_MS);
    const own = speaker.country;
    const other = own === this.a ? this.b : this.a;
    let frame: Frame;
    if (block.continuation) {
      const options = data.frames.quoteNext.filter((f) => !(f.text === "{quote}" && parent?.kind !== "quote"));
      frame = rng.weighted(options, options.map((f) => f.weight));
    } else {
      const familyFirst = speaker.official?.familyFirst ?? false;
      const official = speaker.introduced ? null : speaker.official;
      const shortIntroduction = !official || this.introductions(official, lede, false).some((form) => form.length <= AFTER_QUOTE_MAX);
      const plainIntroduction = !official || this.introductions(official, lede, true).length > 0;
      const pool = (data.frames[block.kind] as Frame[]).filter(
        (f) =>
          (!f.tones || f.tones.includes(tone)) &&
          (speaker.introduced || f.first !== false) &&
          // An institution has no pronoun; a family-first name ("Hwang") is only found as a subject.
          (!speaker.institution || !/RefPoss|\{pron\}/.test(f.text)) &&
          // "On Monday, the Turkish government said: “…”" is lost (a person in that frame is not).
          (!speaker.institution || !f.text.startsWith("{Day}") || block.kind !== "quote") &&
          (!familyFirst || !/RefPoss/.test(f.text)) &&
          // "“…,” X said" is attributed only when X's introduction is short.
          (!f.text.startsWith("{quote,}") || shortIntroduction) &&
          // "X would …, Y told reporters": not in a lede (the dateline would join the words), and Y must be introduced as "Demonym Title Y".
          (!f.plainRef || (!lede && plainIntroduction)),
      );
      frame = rng.pick(pool);
    }
    const slots = this.countrySlots(own, other);
    slots.incident = this.incident.incident;
    slots.pron = speaker.official ? (speaker.official.female ? "she" : "he") : "it";
    slots.poss = speaker.official ? (speaker.official.female ? "her" : "his") : "its";
    slots.day = dayPhrase(rng, this.published, block.offset, daySlotOf(frame.text));
    slots.quoteLead = rng.pick(data.verbs.quoteLead[tone]);
    slots.quoteAfter = rng.pick(data.verbs.quoteAfter[tone]);
    slots.reportVerb = rng.pick(data.verbs.reportVerb[tone]);
    const record = (text: string, kind: IntendedStatement["kind"]) =>
      this.intended.push({
        speaker: speaker.official ? speaker.official.full : this.spell(speaker.institution!.replace(/^the /, "")).replace(/’/g, "'"),
        speakerCountry: own.name,
        target: other.name,
        date: said.iso,
        tone,
        text: this.spell(text),
        kind,
      });

    const ref = this.reference(speaker, lede, frame, block.continuation);
    slots.ref = ref.subject;
    slots.refPoss = ref.possessive;

    switch (block.kind) {
      case "quote": {
        const sentences = rng.sample(this.unused(data.quotes[tone]), block.sentences).map((s) => this.use(s)).map((s) => this.fillSimple(s, own, other));
        slots.quote = this.quoted(sentences.join(" "));
        slots["quote,"] = this.quoted(withComma(sentences.join(" ")));
        for (const s of sentences) record(s, "quote");
        break;
      }
      case "partial": {
        const nouns = data.partials.noun[tone];
        const adjectives = data.partials.adjective[tone];
        const choices = frame.text.includes("{partialNoun}") ? nouns : frame.text.includes("{partialAdjective}") ? adjectives : [...nouns, ...adjectives];
        const words = this.use(rng.pick(this.unused(choices)));
        slots.partial = slots.partialNoun = slots.partialAdjective = this.quoted(words);
        record(words, "partial");
        break;
      }
      case "reported": {
        // "X would …, Y told reporters": a clause that opens the sentence cannot lean on the speaker's pronoun.
        const clauses = frame.plainRef ? data.reported[tone].filter((c) => !/\{pron\}|\{poss\}/.test(c)) : data.reported[tone];
        const clause = this.fillSimple(this.use(rng.pick(this.unused(clauses))), own, other, slots.pron, slots.poss);
        slots.report = clause;
        record(clause, "reported");
        break;
      }
      case "act": {
        const act = this.fillSimple(this.use(rng.pick(this.unused(data.acts[tone as "hostile" | "conciliatory"]))), own, other, slots.pron, slots.poss);
        slots.act = act;
        record(act, "reported");
        break;
      }
      case "infinitive": {
        const inf = this.fillSimple(this.use(rng.pick(this.unused(data.infinitives[tone as "hostile" | "conciliatory"]))), own, other, slots.pron, slots.poss);
        slots.inf = inf;
        record(inf, "reported");
        break;
      }
    }
    let text = fill(frame.text, slots);
    if (lede) text = this.datelinePrefix() + text;
    return { paragraphs: text.split("\n\n"), samePara: Boolean(frame.samePara) };
  }

  /** First mentions: "Kenyan President X", "X, Kenya's president,", "Kenya's defence minister, X,", "President X". */
  private introductions(o: Official, lede: boolean, plain: boolean): string[] {
    const country = o.country;
    const demonym = country.demonym;
    const possessive = this.possessive(country);
    const titleLower = o.title.toLowerCase();
    // "U.S. Secretary of State X" is read as the name "State X": such titles follow the name.
    const forms = / of /.test(o.title) ? [] : [`${demonym} ${capitalTitle(o.title)} ${o.full}`];
    if (plain) return forms;
    forms.push(`${o.full}, ${possessive} ${titleLower},`, `${o.full}, the ${demonym} ${titleLower},`);
    // Not "Peru's foreign ministry spokesperson, X,": the ministry would be taken for the speaker.
    if (!/ministry|department/i.test(o.title)) forms.push(`${possessive} ${titleLower}, ${o.full},`);
    // "President X" without a country: the dateline's capital says which (where the pipeline reads a dateline).
    // (Not for family-first names: later "Hwang on Monday …" needs "the South Korean president" to find them.)
    if (this.dateline === country && !lede && this.style.outlet.datelineRead && !/ of /.test(o.title) && !o.familyFirst) forms.push(`${capitalTitle(o.title)} ${o.full}`);
    return forms;
  }

  /** The speaker as the subject of a sentence: full name with title on first mention, then family name or office. */
  private reference(speaker: Speaker, lede: boolean, frame: Frame, continuation: boolean): { subject: string; possessive: string } {
    const rng = this.rng;
    const plain = Boolean(frame.plainRef);
    const maxLength = frame.text.startsWith("{quote,}") ? AFTER_QUOTE_MAX : Infinity;
    const ap = this.style.apostrophe;
    if (!speaker.official) {
      speaker.introduced = true;
      const name = speaker.institution!.replace(/'/g, ap);
      return { subject: name, possessive: `${name}${ap}s` };
    }
    const o = speaker.official;
    const country = o.country;
    if (!speaker.introduced) {
      speaker.introduced = true;
      const forms = this.introductions(o, lede, plain).filter((form) => form.length <= maxLength);
      const subject = forms.length ? rng.weighted(forms, forms.map((form) => (form.endsWith(",") ? 1 : 3))) : `${country.demonym} ${capitalTitle(o.title)} ${o.full}`;
      speaker.bare = !subject.startsWith(country.demonym) && !subject.includes(",");
      return { subject, possessive: `${country.demonym} ${capitalTitle(o.title)} ${o.full}${ap}s` };
    }
    const surname = o.surname;
    // A family name written first ("Hwang" of "Hwang Min-jun") is known alone only right before a verb of saying.
    const nominal = o.familyFirst && daySlotOf(frame.text) === "beforeVerb";
    // "the Japanese prime minister" finds "Prime Minister X" only when the text gave X a country.
    if (nominal || (!continuation && !plain && !speaker.bare && rng.chance(0.15))) {
      const office = o.head ? (rng.chance(0.5) ? "leader" : o.title.toLowerCase()) : o.title.toLowerCase();
      return { subject: `the ${country.demonym} ${office}`, possessive: `${surname}${ap}s` };
    }
    return { subject: surname, possessive: `${surname}${ap}s` };
  }

  // --- words around the statements

  private fillers(): string[] {
    const rng = this.rng;
    const slots = this.countrySlots(this.a, this.b);
    slots.incident = this.incident.incident;
    slots.topic = this.incident.topic;
    const out: string[] = [];
    const sentences = rng.sample(data.filler.background, 24).map((template) => {
      slots.year = String(1990 + rng.int(33));
      slots.n = String(2 + rng.int(40));
      return fill(template, slots);
    });
    // Background paragraphs of one or two sentences.
    while (sentences.length) out.push(sentences.length > 1 && rng.chance(0.4) ? `${sentences.shift()} ${sentences.shift()}` : sentences.shift()!);
    // An analyst (never a statement).
    const analyst = this.person(data.analysts.first, data.analysts.family);
    const affiliation = fill(rng.pick(data.analysts.affiliations), slots);
    const aq = rng.pick(data.filler.analystQuotes);
    out.splice(rng.int(out.length), 0, fill(rng.pick(data.filler.analyst), {
      ...slots,
      "analystQuote,": this.quoted(withComma(aq)),
      analyst: analyst.full,
      analystSurname: analyst.surname,
      affiliation,
    }));
    this.nonOfficials.push(analyst.full);
    if (rng.chance(0.35)) {
      const resident = rng.pick(data.analysts.first);
      const rq = rng.pick(data.filler.residentQuotes);
      out.splice(rng.int(out.length), 0, fill(rng.pick(data.filler.resident), {
        "residentQuote,": this.quoted(`${rq},`),
        resident,
        residentAbout: rng.pick(data.analysts.residents),
      }));
      this.nonOfficials.push(resident);
    }
    if (rng.chance(0.25)) out.splice(1 + rng.int(out.length - 1), 0, rng.pick(data.filler.headings));
    return out;
  }

  /** The templates not used yet (all of them when every one has been). */
  private unused(templates: string[]): string[] {
    const fresh = templates.filter((t) => !this.used.has(t));
    return fresh.length ? fresh : templates;
  }

  private use(template: string): string {
    this.used.add(template);
    return template;
  }

  private take(fillers: string[]): string {
    return fillers.shift()!;
  }

  private person(first: string[], family: string[]): Person {
    const rng = this.rng;
    const given = rng.pick(first);
    const surname = rng.pick(family);
    return { full: `${given} ${surname}`, surname, female: false, familyFirst: false };
  }

  private headline(lead: Block): string {
    const slots = this.countrySlots(this.a, this.b);
    slots.short = this.incident.short;
    slots.topic = this.incident.topic;
    return fill(this.rng.pick(data.headlines[lead.tone]), slots);
  }

  private datelinePrefix(): string {
    return fill(this.style.outlet.dateline, this.dateSlots());
  }

  /** Slots for datelines, headers and footers. */
  private dateSlots(): Slots {
    const d = this.published;
    return { capital: this.dateline.capital, CAPITAL: this.dateline.capital.toUpperCase(), month: MONTHS[d.month - 1], day: String(d.day), year: String(d.year) };
  }

  private assemble(headline: string, paragraphs: string[]): string {
    const rng = this.rng;
    const d = this.published;
    const outlet = this.style.outlet;
    const lines: string[] = [];
    let titled = false;
    if (rng.chance(outlet.frontMatter)) {
      lines.push("---");
      if (rng.chance(0.5)) {
        lines.push(`title: ${JSON.stringify(headline)}`);
        titled = true;
      }
      lines.push(`date: ${d.iso}`, `source: ${outlet.name}`);
      if (rng.chance(0.3)) lines.push(`url: https://news.example/${d.iso.replace(/-/g, "/")}/synthetic-${this.index}`);
      lines.push("---");
    }
    if (!titled || rng.chance(0.3)) lines.push(headline, "");
    const slots = this.dateSlots();
    slots.reporter = this.person(data.analysts.first, data.analysts.family).full;
    slots.editor = this.person(data.analysts.first, data.analysts.family).full;
    if (outlet.header) for (const line of rng.pick(outlet.header)) lines.push(fill(line, slots), "");
    // Some plain-text feeds hard-wrap their lines (the headline stays whole, as such feeds print it).
    const width = headline.length <= 100 && rng.chance(0.1) ? 64 + rng.int(16) : 0;
    lines.push((width ? paragraphs.map((p) => wrap(p, width)) : paragraphs).join("\n\n"));
    if (outlet.footer) lines.push("", fill(outlet.footer, slots));
    // Spelling and apostrophes of the outlet, once over the whole text.
    return this.spell(`${lines.join("\n")}\n`);
  }

  // --- small helpers

  private countryName(country: Country): string {
    return country.the ? `the ${country.name}` : country.name;
  }

  /** "Kenya's", "the Philippines'". */
  private possessive(country: Country): string {
    const ap = this.style.apostrophe;
    return country.name.endsWith("s") ? `${this.countryName(country)}${ap}` : `${this.countryName(country)}${ap}s`;
  }

  private countrySlots(own: Country, other: Country): Slots {
    const possessive = (c: Country) => this.possessive(c);
    return {
      country: this.countryName(own),
      countryPoss: possessive(own),
      demonym: own.demonym,
      capital: own.capital,
      target: this.countryName(other),
      targetPoss: possessive(other),
      targetDemonym: other.demonym,
      targetCapital: other.capital,
    };
  }

  private fillSimple(template: string, own: Country, other: Country, pron = "it", poss = "its"): string {
    const slots = this.countrySlots(own, other);
    slots.pron = pron;
    slots.poss = poss;
    return fill(template, slots);
  }

  private quoted(words: string): string {
    return `${this.style.open}${words}${this.style.close}`;
  }

  private spell(text: string): string {
    const t = this.style.apostrophe === "’" && text.includes("'") ? text.replace(/(^|[\s(])'/g, "$1‘").replace(/'/g, "’") : text;
    return this.style.us ? t.replace(US_RE, (w) => US_SPELLING[w]) : t;
  }
}

function pickPair(rng: Rng, seed: number): [Country, Country] {
  // Most articles are about one of a few dozen recurring rivalries (so that series have history).
  const draw = rng.chance(0.6) ? new Rng(seed, 0xd1ad, rng.int(40)) : rng;
  const a = draw.int(COUNTRIES.length);
  let b = draw.int(COUNTRIES.length - 1);
  if (b >= a) b++;
  return draw === rng || rng.chance(0.5) ? [COUNTRIES[a], COUNTRIES[b]] : [COUNTRIES[b], COUNTRIES[a]];
}

function capitalTitle(title: string): string {
  // "foreign ministry spokesperson" stays lower-case before a name, as in print.
  return /spokesperson/.test(title) ? title : title.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).replace(/\bOf\b/g, "of");
}

/** "We will strike back." → "We will strike back," (before "X said"). */
function withComma(sentence: string): string {
  return /[.]$/.test(sentence) ? `${sentence.slice(0, -1)},` : sentence;
}

/**
 * Hard-wraps a paragraph at `width` columns. A line never ends with a sentence's last mark: the
 * pipeline would take such a line for the end of a paragraph.
 */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(" ")) {
    if (line && line.length + 1 + word.length > width && !/[.!?:"”’)\]]$/.test(line)) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

function startsWithQuote(paragraph: string): boolean {
  return /^["“]/.test(paragraph);
}

function wordCount(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    for (let i = p.indexOf(" "); i >= 0; i = p.indexOf(" ", i + 1)) n++;
    n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------

/** Article `index` of the corpus for `seed`: the same (seed, index) always gives the same bytes. */
export function generateArticle(index: number, seed: number = CORPUS_SEED): GeneratedArticle {
  if (!Number.isInteger(index) || index < 0) throw new Error(`article index must be a non-negative integer (got ${index})`);
  return new ArticleWriter(seed | 0, index).write();
}

/** Articles 0 … count − 1. */
export function generateCorpus(count: number, seed: number = CORPUS_SEED): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) out.push(generateArticle(i, seed));
  return out;
}
