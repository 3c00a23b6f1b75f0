// The message catalogues and how a message is worded: every catalogue has exactly the English
// catalogue's ids, each message the same placeholders and spans and the plural forms its
// language's counts need; plurals, numbers and lists follow the site's language.
import { describe, expect, it } from "vitest";
import { availableLanguages, catalogueLanguage, countCategories, messageProblems, Messages, readCatalogue, REFERENCE_LANGUAGE, textDirection } from "../../src/i18n/index.ts";

const english = readCatalogue(REFERENCE_LANGUAGE);

describe("message catalogues", () => {
  it("ships English, Spanish, French, German, Portuguese and Arabic", () => {
    expect(availableLanguages()).toEqual(["ar", "de", "en", "es", "fr", "pt"]);
  });

  for (const language of availableLanguages()) {
    it(`${language}: has every message of the English catalogue and no other`, () => {
      const ids = Object.keys(readCatalogue(language));
      expect(Object.keys(english).filter((id) => !ids.includes(id)), "missing messages").toEqual([]);
      expect(ids.filter((id) => !(id in english)), "messages English does not have").toEqual([]);
    });

    it(`${language}: words each message with the English placeholders, spans and the plural forms ${language} counts need`, () => {
      const catalogue = readCatalogue(language);
      const problems = Object.entries(catalogue).flatMap(([id, message]) => (id in english ? messageProblems(english[id]!, message, language, true).map((problem) => `${id}: ${problem}`) : []));
      expect(problems).toEqual([]);
    });
  }

  it("fails a message that drops or renames a placeholder, or lacks a plural form", () => {
    expect(messageProblems("Page {current} of {total}", "Página {actual} de {total}", "es", true)).toEqual(["{actual} is not in this message — use {current}, {total}", "leaves out {current}"]);
    expect(messageProblems({ one: "{count} story", other: "{count} stories" }, { one: "{count} مقال", other: "{count} مقال" }, "ar", true)).toEqual(["has no zero, two, few, many form — ar counts need zero, one, two, few, many, other"]);
    expect(messageProblems("Browse the <archive>archives</archive>", "Consulte el archivo", "es", true)).toEqual(["leaves out <archive>"]);
  });
});

describe("the language a site is written in", () => {
  it("picks the catalogue of the tag, else of its language", () => {
    expect(catalogueLanguage("es-MX")).toBe("es");
    expect(catalogueLanguage("pt-BR")).toBe("pt");
    expect(catalogueLanguage("EN-us")).toBe("en");
    expect(catalogueLanguage("nl")).toBeUndefined();
    expect(catalogueLanguage("not a tag")).toBeUndefined();
  });

  it("writes Arabic, Hebrew, Persian and Urdu right to left", () => {
    expect(["ar", "ar-EG", "he", "fa", "ur", "en", "es-MX"].map(textDirection)).toEqual(["rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr"]);
  });

  it("refuses a language it has no catalogue for, naming those it has", () => {
    expect(() => new Messages("nl")).toThrow('no interface messages for the language "nl" — use one of: ar, de, en, es, fr, pt');
  });

  it("needs every plural form a count up to 1,000 can take", () => {
    expect(countCategories("en")).toEqual(["one", "other"]);
    expect(countCategories("ar")).toEqual(["zero", "one", "two", "few", "many", "other"]);
  });
});

describe("wording a message", () => {
  const spanish = new Messages("es-MX");
  const arabic = new Messages("ar");
  const german = new Messages("de");

  it("fills in placeholders and picks the plural form of the count", () => {
    expect(spanish.text("pager.status", { current: 2, total: 3 })).toBe("Página 2 de 3");
    expect(spanish.text("listing.storyCount", { count: 1 })).toBe("1 noticia");
    expect(spanish.text("listing.storyCount", { count: 4 })).toBe("4 noticias");
    expect([0, 1, 2, 3, 11, 100].map((count) => arabic.text("listing.storyCount", { count }))).toEqual(["لا مقالات", "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"]);
  });

  it("writes numbers as the language does", () => {
    expect(german.text("listing.storyCount", { count: 1234 })).toBe("1.234 Artikel");
    expect(new Messages("en").text("listing.storyCount", { count: 1234 })).toBe("1,234 stories");
  });

  it("cuts a message with spans or placeholders left for markup into parts", () => {
    expect(spanish.parts("article.updated")).toEqual([{ text: "Actualizado el " }, { slot: "date" }]);
    expect(spanish.parts("article.keepReading", { name: "Ana Ruiz" })).toEqual([{ text: "Seguir leyendo" }, { tag: "hidden", text: " a Ana Ruiz" }]);
    expect(spanish.parts("notFound.help").filter((part) => "tag" in part)).toEqual([
      { tag: "archive", text: "archivo" },
      { tag: "home", text: "portada" },
    ]);
    expect(spanish.text("notFound.help")).toContain("consulte el archivo o empiece por la portada.");
  });

  it("joins names as the language does", () => {
    const joined = (messages: Messages, names: string[]) => messages.list(names).map((part) => ("index" in part ? names[part.index] : part.text)).join("");
    expect(joined(spanish, ["Ana", "Luis", "Inés"])).toBe("Ana, Luis e Inés");
    expect(joined(german, ["Anna", "Jonas"])).toBe("Anna und Jonas");
  });

  it("takes the publisher's wording over the catalogue's", () => {
    const messages = new Messages("en", { "listing.latest": "Top stories", "listing.storyCount": "{count} pieces" });
    expect(messages.text("listing.latest")).toBe("Top stories");
    expect(messages.text("listing.storyCount", { count: 1 })).toBe("1 pieces");
  });

  it("refuses to word a message without its values", () => {
    expect(() => spanish.text("pager.status", { current: 1 })).toThrow("message pager.status needs a value for {total}");
    expect(() => spanish.text("listing.storyCount")).toThrow("message listing.storyCount needs a number for {count}");
  });
});
