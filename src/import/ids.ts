// Ids and names for what an import creates: author and category ids follow the content
// model (lowercase a-z0-9-), display names are recovered from ids when nothing better exists.
import slugify from "@sindresorhus/slugify";
import { ID_PATTERN } from "../content/schema.ts";

/** A content-model id from any text (a WordPress login, a display name, a nicename). */
export function toId(text: string): string {
  const id = slugify(text);
  return ID_PATTERN.test(id) ? id : "";
}

/** "maya-okafor" → "Maya Okafor": a name for an author or category known only by its id. */
export function nameFromId(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

/** `base`, or `base-2`, `base-3`… : the first that `isTaken` refuses. */
export function firstFree(base: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
}
