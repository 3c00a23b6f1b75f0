// The site's language and the publisher's wording of the interface (_data/messages.json), as
// `npm run check` reports them.
import { describe, expect, it } from "vitest";
import { check, post, sampleData } from "./check.ts";

const siteIn = (language: string) => JSON.stringify({ ...sampleData("site.json"), language }, null, 2);

describe("the site's language", () => {
  it("is an error when the kit has no interface messages for it, naming those it has", async () => {
    const { report } = await check({ "a.md": post() }, { "_data/site.json": siteIn("nl") });
    expect(report).toEqual([
      '_data/site.json:4: language: the kit has no interface messages for "nl" — use one of: ar, de, en, es, fr, pt (or a regional tag of one, e.g. es-MX)',
      "1 error, 0 warnings",
    ]);
  });

  it("takes a regional tag of a language it has, and words the interface in it", async () => {
    const { report, publication } = await check({ "a.md": post() }, { "_data/site.json": siteIn("es-MX") });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.messages.text("pager.status", { current: 1, total: 2 })).toBe("Página 1 de 2");
  });
});

describe("_data/messages.json", () => {
  const messages = (entries: Record<string, unknown>) => ({ "_data/messages.json": JSON.stringify(entries, null, 2) });

  it("replaces the catalogue's wording of a message", async () => {
    const { report, publication } = await check({ "a.md": post() }, messages({ "listing.latest": "Top stories", "listing.storyCount": { one: "{count} report", other: "{count} reports" } }));
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.messages.text("listing.latest")).toBe("Top stories");
    expect(publication!.messages.text("listing.storyCount", { count: 2 })).toBe("2 reports");
  });

  it("warns about an unknown message id, naming the one probably meant", async () => {
    const { report, publication } = await check({ "a.md": post() }, messages({ "listing.lates": "Top stories", "front.page": "Front" }));
    expect(report).toEqual([
      "_data/messages.json:2: warning: listing.lates: unknown message id, ignored — did you mean `listing.latest`?",
      "_data/messages.json:3: warning: front.page: unknown message id, ignored — use an id of src/i18n/en.json",
      "0 errors, 2 warnings",
    ]);
    expect(publication!.messages.text("listing.latest")).toBe("Latest stories");
  });

  it("is an error when a message names a placeholder it does not have, or a plural form the language lacks", async () => {
    const { report } = await check(
      { "a.md": post() },
      messages({ "pager.status": "Page {page} of {total}", "listing.storyCount": { one: "{count} story", few: "{count} stories", other: "{count} stories" }, "nav.search": { other: "Find" } }),
    );
    expect(report).toEqual([
      "_data/messages.json:2: pager.status: {page} is not in this message — use {current}, {total}",
      "_data/messages.json:3: listing.storyCount: few is not a plural form of en — use one, other",
      "_data/messages.json:8: nav.search: is one text, not plural forms — write it as a string",
      "3 errors, 0 warnings",
    ]);
  });

  it("is an error when a message is neither a text nor plural forms", async () => {
    const { report } = await check({ "a.md": post() }, messages({ "listing.latest": 3 }));
    expect(report[0]).toBe('_data/messages.json:2: listing.latest: must be a text, or plural forms such as { "one": "{count} story", "other": "{count} stories" }');
  });
});
