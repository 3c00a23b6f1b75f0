// Warnings any parsed file of the publication can earn — a post's front matter, a page's, a
// data file: a field the kit does not know, a control character written as an escape.
import type { Reporter } from "./file-references.ts";
import type { LocatedData } from "./located.ts";
import { closestName } from "./problems.ts";
import { removedMessage, removeEscapedControlCharacters } from "./source-text.ts";

/** `alsoRead`: other names accepted for known fields, never suggested. */
export function warnUnknownFields(data: LocatedData, at: readonly string[], known: readonly string[], warn: Reporter, alsoRead: readonly string[] = []): void {
  for (const key of data.keysAt(at)) {
    if (known.includes(key.name) || alsoRead.includes(key.name)) continue;
    const field = [...at, key.name].join(".");
    const suggestion = closestName(key.name, known);
    warn(field, suggestion ? `unknown field — did you mean \`${suggestion}\`?` : `unknown field, ignored — known fields: ${known.join(", ")}`, key.line);
  }
}

/** Control characters written as escapes ("\u0001") are removed from the values too, each with a warning at its field. */
export function warnEscapedControlCharacters(located: LocatedData, warn: Reporter): void {
  for (const { at, codePoints } of removeEscapedControlCharacters(located.data)) warn(at.join("."), removedMessage(codePoints), at);
}
