// Hostile article files for the linear-time benchmark (scripts/bench/hostile.ts) and its test:
// shapes no outlet prints but anyone can upload. Deterministic and pure: a shape and a size always
// give the same bytes. Officials are invented; words come from the synthetic corpus.

import { generateArticle, generateCorpus } from "./corpus";
import data from "./corpus-data.json";

export const HOSTILE_SHAPES = [
  "run-on paragraph",
  "one line",
  "only quotes",
  "one phrase repeated",
  "nested quotes",
  "many short paragraphs",
  "many speakers",
] as const;
export type HostileShape = (typeof HOSTILE_SHAPES)[number];

const bodies: string[] = [];

/** The prose of synthetic article `i`, without front matter or headline, on one line. */
function corpusBody(i: number): string {
  bodies[i] ??= generateArticle(i).text.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n").slice(1).join(" ").replace(/\s+/g, " ").trim();
  return bodies[i];
}

/** Articles whose words the run-on paragraph repeats. */
const RUN_ON_ARTICLES = 40;

const OPENER = "Colombian Foreign Minister Ana Ruiz said on Monday";

/** Text of at most `bytes` UTF-8 bytes: `unit(i)` for i = 0, 1, …, cut at a space so that no character is split. */
function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  let text = parts.join("");
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.lastIndexOf(" ", text.length - 2) + 1);
  return text.trimEnd();
}

/** Words wrapped at `width` columns, as a hard-wrapped file prints a paragraph. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** Articles whose quotations the "only quotes" shape draws from: a few hundred different ones. */
const QUOTE_ARTICLES = 400;

let quotes: string[] | null = null;

/** The different quotations of the synthetic corpus. */
function corpusQuotes(): string[] {
  quotes ??= [...new Set(generateCorpus(QUOTE_ARTICLES).flatMap((article) => [...article.text.matchAll(/“[^“”\n]+”/g)].map((m) => m[0])))];
  return quotes;
}

/** A deterministic hash of a non-negative integer, spread over 32 bits. */
function scrambled(i: number): number {
  let h = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Openings of a nested quotation, each mark a different style. */
const NESTED_OPENINGS = ["“the envoy said ", "«the aide wrote ", "‘the minister told us ", "„the spokesman added ", '"the official said '];
const NESTED_CLOSINGS = ["” ", "» ", "’ ", "“ ", '" '];

/** Syllables of the invented family names of the "many speakers" shape. */
const SYLLABLES = ["ka", "ro", "len", "vi", "dor", "sa", "mir", "tu", "bel", "no", "gar", "li"];

/** A different invented family name for each i: its syllables are i's digits in base SYLLABLES.length. */
function inventedFamilyName(i: number): string {
  let name = "";
  let rest = i;
  do {
    name += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return name[0].toUpperCase() + name.slice(1) + "son";
}

/** Paragraph `i` of the "many speakers" shape: a different official of a different country reporting something. */
function officialReporting(i: number): string {
  const country = data.countries[i % data.countries.length];
  const pool = data.namePools[country.names as keyof typeof data.namePools];
  const given = pool.female[scrambled(i) % pool.female.length];
  const said = data.reported.neutral[scrambled(i + 1) % data.reported.neutral.length];
  return `${country.demonym} Foreign Minister ${given} ${inventedFamilyName(i)} said on Monday that ${said}.\n\n`;
}

/** Officials of one "many speakers" file: a batch's files, each its `variant`, name different people. */
const SPEAKERS_PER_VARIANT = 1_000_000;

/**
 * A file of `bytes` bytes (at most) in the given shape, with a headline line first. Files of
 * another `variant` of "many speakers" name other officials.
 */
export function hostileInput(shape: HostileShape, bytes: number, variant = 0): Buffer {
  const headline = "Border dispute deepens\n";
  const size = bytes - Buffer.byteLength(headline);
  let body: string;
  switch (shape) {
    case "run-on paragraph":
      // No sentence ends, wrapped lines: one paragraph the size of the file, the same few articles'
      // words over and over, as a pasted text repeated.
      body = wrap(fill(size, (i) => `${corpusBody(i % RUN_ON_ARTICLES).replace(/[.!?;:]/g, "")} `), 72);
      break;
    case "one line":
      // A new article's prose each time: as many different statements as the size allows.
      body = fill(size, (i) => `${corpusBody(i)} `);
      break;
    case "only quotes": {
      const quotes = corpusQuotes();
      // Quotes drawn in a scrambled order, so that no line repeats another (a repeated line is a caption).
      body = `${OPENER}:\n` + fill(size - OPENER.length - 2, (i) => `${quotes[scrambled(i) % quotes.length]}${i % 3 === 2 ? "\n" : " "}`);
      break;
    }
    case "one phrase repeated":
      body = fill(size, () => `${OPENER} that “Venezuela will pay a heavy price for this provocation.” `);
      break;
    case "nested quotes": {
      const depth = Math.floor(size / 2 / 22);
      const closings = NESTED_CLOSINGS.join("").repeat(Math.ceil(depth / NESTED_CLOSINGS.length));
      body = fill(size - Buffer.byteLength(closings), (i) => (i === 0 ? `${OPENER} ` : NESTED_OPENINGS[i % NESTED_OPENINGS.length])) + " " + closings.trimEnd();
      break;
    }
    case "many short paragraphs":
      // Real-looking prose, each sentence a paragraph of its own.
      body = fill(size, (i) => `${corpusBody(i).replace(/([.!?]["”]?) (?=[A-Z“"])/g, "$1\n\n")}\n\n`);
      break;
    case "many speakers":
      body = fill(size, (i) => officialReporting(variant * SPEAKERS_PER_VARIANT + i));
      break;
  }
  const text = headline + body + "\n";
  const buffer = Buffer.from(text);
  if (buffer.length > bytes) throw new Error(`${shape}: ${buffer.length} bytes generated for ${bytes}`);
  return buffer;
}
