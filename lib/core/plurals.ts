// English plurals read back to the singular a word list holds.

/** The word and the singulars it may be the plural of, likeliest first: "foes" → "foe", "bullies" → "bully". */
export function singulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}
