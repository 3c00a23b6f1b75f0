// A message held against the English one it translates or replaces: the same kind (a text, or
// plural forms), the same placeholders and spans, and the plural forms the language has.
import { z } from "zod";
import { isPluralForms, PLURAL_CATEGORIES, readCatalogue, REFERENCE_LANGUAGE, textsOf, type Catalogue, type Message } from "./catalogues.ts";
import { namesIn } from "./syntax.ts";

/** Every message id, from the English catalogue. */
export function messageIds(): string[] {
  return Object.keys(readCatalogue(REFERENCE_LANGUAGE));
}

/** The plural categories whole counts from 0 to 1,000 fall in: the forms a catalogue must write. */
export function countCategories(language: string): Intl.LDMLPluralRule[] {
  const rules = new Intl.PluralRules(language);
  const used = new Set(Array.from({ length: 1001 }, (_, count) => rules.select(count)));
  return PLURAL_CATEGORIES.filter((category) => used.has(category));
}

const list = (names: Iterable<string>) => [...names].join(", ") || "none";

/**
 * What is wrong with `message` as the wording of the English `reference`, one problem per line.
 * `complete`: a catalogue of the kit, which uses every placeholder and writes every plural form
 * the language's counts need; a publisher's override may leave a placeholder out, and a single
 * text may replace plural forms.
 */
export function messageProblems(reference: Message, message: Message, language: string, complete: boolean): string[] {
  const problems: string[] = [];
  const expected = new Set(textsOf(reference).flatMap((text) => [...namesIn(text)]));
  if (isPluralForms(message)) {
    if (!isPluralForms(reference)) return [`is one text, not plural forms — write it as a string`];
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const foreign = Object.keys(message).filter((key) => !categories.includes(key as Intl.LDMLPluralRule));
    if (foreign.length) problems.push(`${list(foreign)} ${foreign.length === 1 ? "is not a plural form" : "are not plural forms"} of ${language} — use ${list(categories)}`);
    if (message.other === undefined) problems.push(`has no "other" form — add it: the form for any count the others do not cover`);
    const missing = complete ? countCategories(language).filter((category) => message[category] === undefined) : [];
    if (missing.length) problems.push(`has no ${list(missing)} form — ${language} counts need ${list(countCategories(language))}`);
  } else if (complete && isPluralForms(reference)) problems.push(`is one text — write plural forms (${list(countCategories(language))}) as the English message does`);
  const used = new Set(textsOf(message).flatMap((text) => [...namesIn(text)]));
  const unknown = [...used].filter((name) => !expected.has(name));
  if (unknown.length) problems.push(`${list(unknown)} ${unknown.length === 1 ? "is" : "are"} not in this message — use ${list(expected)}`);
  const left = complete ? [...expected].filter((name) => !used.has(name)) : [];
  if (left.length) problems.push(`leaves out ${list(left)}`);
  return problems;
}

const pluralForms = z
  .strictObject(Object.fromEntries(PLURAL_CATEGORIES.map((category) => [category, z.string().optional()])))
  .refine((forms) => forms.other !== undefined, 'needs an "other" form: the wording for any count the other forms do not cover');

/** `_data/messages.json`: message id → the publisher's wording, a text or plural forms. */
export const overridesSchema = z.record(
  z.string(),
  z.union([z.string(), pluralForms], { error: 'must be a text, or plural forms such as { "one": "{count} story", "other": "{count} stories" }' }),
);

/** A publisher's wording of one message, checked against the English one; unknown ids are the caller's to report. */
export function overrideProblems(id: string, message: Message, language: string, reference: Catalogue = readCatalogue(REFERENCE_LANGUAGE)): string[] {
  return messageProblems(reference[id]!, message, language, false);
}
