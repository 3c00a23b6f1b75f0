// Words that change with a number. (Every interface string moves into per-language message
// catalogues with issue #16; this is the one place counts are worded until then.)

/** "1 story", "3 stories": the count and the form of the noun that goes with it. */
export function countOf(count: number, one: string, other: string): string {
  return `${count} ${new Intl.PluralRules("en-US").select(count) === "one" ? one : other}`;
}
