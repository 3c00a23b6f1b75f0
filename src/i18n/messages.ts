// The interface in the publication's language: every string a reader sees that is not content
// comes from here — the catalogue of the site's language, with the publisher's overrides.
// Counts pick their plural form with Intl.PluralRules; numbers are written with
// Intl.NumberFormat and lists of names with Intl.ListFormat, all in the site's language.
import { availableLanguages, catalogueLanguage, isPluralForms, readCatalogue, textDirection, type Catalogue, type Message } from "./catalogues.ts";
import { parseMessage, type Segment } from "./syntax.ts";
import type english from "./en.json";

export type MessageId = keyof typeof english;
export type Params = Record<string, string | number>;

/**
 * A message cut where a template adds markup: text (placeholders given filled in), a `slot` for
 * a placeholder not given (the template puts an element there), a `tag` span with its text.
 */
export type MessagePart = { text: string } | { slot: string } | { tag: string; text: string };

/** A list of things as the language joins them ("A, B and C"): the things by index, and the words between. */
export type ListPart = { index: number } | { text: string };

export class Messages {
  /** The site's language tag as written (`es-MX`): numbers, plurals and lists follow it. */
  readonly language: string;
  readonly direction: "ltr" | "rtl";
  private readonly catalogue: Catalogue;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly lists: Intl.ListFormat;

  /** `overrides`: the publisher's own wording of some messages (checked by checkOverrides). */
  constructor(language: string, overrides: Catalogue = {}) {
    const catalogue = catalogueLanguage(language);
    if (!catalogue) throw new Error(`no interface messages for the language "${language}" — use one of: ${availableLanguages().join(", ")}`);
    this.language = language;
    this.direction = textDirection(language);
    this.catalogue = { ...readCatalogue(catalogue), ...overrides };
    this.plurals = new Intl.PluralRules(language);
    this.numbers = new Intl.NumberFormat(language);
    this.lists = new Intl.ListFormat(language, { type: "conjunction" });
  }

  /** The message as plain text, every placeholder filled in and spans reduced to their text. */
  text(id: MessageId, params: Params = {}): string {
    return this.parts(id, params)
      .map((part) => {
        if ("slot" in part) throw new Error(`message ${id} needs a value for {${part.slot}}`);
        return part.text;
      })
      .join("");
  }

  parts(id: MessageId, params: Params = {}): MessagePart[] {
    const fill = (segments: Segment[]): MessagePart[] =>
      segments.map((segment) => {
        if ("text" in segment) return { text: segment.text };
        if ("placeholder" in segment) return params[segment.placeholder] === undefined ? { slot: segment.placeholder } : { text: this.value(params[segment.placeholder]!) };
        return { tag: segment.tag, text: fill(segment.inner).map((part) => ("text" in part ? part.text : `{${part.slot}}`)).join("") };
      });
    return merged(fill(parseMessage(this.wording(id, params))));
  }

  /** Text that starts a heading, its first letter as the language capitalises it ("marzo de 2025" → "Marzo de 2025"). */
  capitalised(text: string): string {
    const [first = ""] = text;
    return first.toLocaleUpperCase(this.language) + text.slice(first.length);
  }

  /** 1234 as the language writes it ("1,234", "1.234"). */
  number(value: number): string {
    return this.numbers.format(value);
  }

  /**
   * Names joined as the language joins them: "A and B", "A, B and C", "A, B e Inés" (the words
   * between depend on the names). Each name is given back by its index, for markup around it.
   */
  list(names: readonly string[]): ListPart[] {
    let next = 0;
    return this.lists.formatToParts(names).map((part) => (part.type === "element" ? { index: next++ } : { text: part.value }));
  }

  /** Messages for a script on the page, which words them itself (see src/search/search.js). */
  forScript(ids: readonly MessageId[]): { language: string; messages: Record<string, Message> } {
    return { language: this.language, messages: Object.fromEntries(ids.map((id) => [id, this.message(id)])) };
  }

  private message(id: MessageId): Message {
    const message = this.catalogue[id];
    if (message === undefined) throw new Error(`no message ${id} in the catalogue`);
    return message;
  }

  /** The message's text for these params: a count picks the plural form. */
  private wording(id: MessageId, params: Params): string {
    const message = this.message(id);
    if (!isPluralForms(message)) return message;
    const { count } = params;
    if (typeof count !== "number") throw new Error(`message ${id} needs a number for {count}`);
    return message[this.plurals.select(count)] ?? message.other;
  }

  private value(value: string | number): string {
    return typeof value === "number" ? this.number(value) : value;
  }
}

/** Neighbouring texts as one. */
function merged(parts: MessagePart[]): MessagePart[] {
  const result: MessagePart[] = [];
  for (const part of parts) {
    const previous = result.at(-1);
    if (previous && "text" in previous && !("tag" in previous) && "text" in part && !("tag" in part)) result[result.length - 1] = { text: previous.text + part.text };
    else result.push(part);
  }
  return result;
}
