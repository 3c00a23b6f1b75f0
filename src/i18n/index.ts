// The interface in the publication's language: message catalogues (src/i18n/<language>.json),
// the publisher's overrides (_data/messages.json), plurals, numbers and lists.
export { availableLanguages, catalogueLanguage, readCatalogue, textDirection, REFERENCE_LANGUAGE, type Catalogue, type Message, type PluralForms } from "./catalogues.ts";
export { countCategories, messageIds, messageProblems, overrideProblems, overridesSchema } from "./check.ts";
export { Messages, type ListPart, type MessageId, type MessagePart, type Params } from "./messages.ts";
import type { Messages, Params } from "./messages.ts";

/**
 * What templates word the interface with: `t("nav.search")`, `t("pager.status", { current, total })`;
 * `i18n.parts(id)` where a message holds markup (links, a <time>), `i18n.list(names)` for bylines,
 * `i18n.number(n)`, and `i18n.dir` for <html dir>. Nunjucks escapes what they return.
 */
export function templateGlobals(messages: Messages) {
  return {
    t: (id: Parameters<Messages["text"]>[0], params?: Params) => messages.text(id, params),
    i18n: {
      dir: messages.direction,
      parts: (id: Parameters<Messages["parts"]>[0], params?: Params) => messages.parts(id, params),
      list: (items: readonly (string | { name: string })[]) => messages.list(items.map((item) => (typeof item === "string" ? item : item.name))),
      number: (value: number) => messages.number(value),
    },
  };
}

/**
 * "1 article", "3 articles" in English, for what the kit's commands print (build log, audit
 * report): those speak to the people running the kit, in English, not to readers.
 */
export function englishCount(count: number, one: string, other: string): string {
  return `${new Intl.NumberFormat("en-US").format(count)} ${new Intl.PluralRules("en-US").select(count) === "one" ? one : other}`;
}
