// Authors and categories as sources name them — an id, a display name, a WordPress login —
// matched to the publication's existing ids first, created only when nothing matches.
import { ID_PATTERN } from "../content/schema.ts";
import { nameFromId, toId } from "./ids.ts";

export class NamedRegistry<Draft extends { name: string }> {
  /**
   * Entries this import writes, by id, in the order first met: new ones, and existing ids the
   * source describes in full (the merge keeps an existing entry that differs, unless forced).
   */
  readonly created = new Map<string, Draft>();
  private readonly idsByName = new Map<string, string>();

  constructor(
    private readonly existing: Map<string, string>,
    private readonly makeDraft: (name: string) => Draft,
  ) {
    for (const [id, name] of existing) this.idsByName.set(name.toLowerCase(), id);
  }

  /** The id for a value that is an id or a display name; undefined when no id can be made of it. */
  resolve(value: string): string | undefined {
    const text = value.trim().replace(/\s+/g, " ");
    if (!text) return undefined;
    if (this.existing.has(text) || this.created.has(text)) return text;
    const byName = this.idsByName.get(text.toLowerCase());
    if (byName) return byName;
    const id = toId(text);
    if (!id) return undefined;
    if (this.existing.has(id) || this.created.has(id)) return id;
    return this.add(id, this.makeDraft(ID_PATTERN.test(text) ? nameFromId(text) : text));
  }

  /** Registers an entry the source describes fully; an existing entry of the same name keeps its id. */
  define(id: string, draft: Draft): string {
    const byName = this.idsByName.get(draft.name.toLowerCase());
    if (byName) return byName;
    return this.created.has(id) ? id : this.add(id, draft);
  }

  private add(id: string, draft: Draft): string {
    this.created.set(id, draft);
    this.idsByName.set(draft.name.toLowerCase(), id);
    return id;
  }
}
