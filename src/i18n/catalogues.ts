// The message catalogues shipped with the kit: one JSON file per language beside this module
// (en.json, es.json…), each a flat object message id → message. English is the reference:
// every catalogue has exactly its ids, and each message the same placeholders and spans.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** A message whose wording depends on a count: one form per plural category, `other` always. */
export type PluralForms = { [category in Intl.LDMLPluralRule]?: string } & { other: string };
export type Message = string | PluralForms;
export type Catalogue = Record<string, Message>;

export const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = ["zero", "one", "two", "few", "many", "other"];
export const REFERENCE_LANGUAGE = "en";

const folder = import.meta.dirname;

/** The languages the kit has a catalogue for, e.g. ["ar", "de", "en", …]. */
export function availableLanguages(): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

export function readCatalogue(language: string): Catalogue {
  return JSON.parse(readFileSync(path.join(folder, `${language}.json`), "utf8")) as Catalogue;
}

/**
 * The catalogue a BCP 47 tag is written in: its own (`pt-BR`) when the kit has one, else its
 * language's (`es-MX` → `es`); undefined when there is none or the tag is not BCP 47.
 */
export function catalogueLanguage(tag: string): string | undefined {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    return undefined;
  }
  const available = availableLanguages();
  return [canonical, new Intl.Locale(canonical).language].find((candidate) => available.includes(candidate));
}

/** "rtl" for languages written right to left (ar, he, fa, ur…), from the locale data Node ships. */
export function textDirection(tag: string): "ltr" | "rtl" {
  // Node 20 has the `textInfo` getter, later versions getTextInfo().
  const locale = new Intl.Locale(tag) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === "rtl" ? "rtl" : "ltr";
}

export function isPluralForms(message: Message): message is PluralForms {
  return typeof message === "object";
}

/** Every text of a message: the message itself, or each of its plural forms. */
export function textsOf(message: Message): string[] {
  return isPluralForms(message) ? Object.values(message) : [message];
}
