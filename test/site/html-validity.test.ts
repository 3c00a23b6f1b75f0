// Every built page is valid HTML (html-validate, standard preset).
import { describe, expect, inject, it } from "vitest";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { htmlPages } from "../helpers/site.ts";

const site = inject("sampleSite");
const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

describe("HTML validity", () => {
  const pages = htmlPages(site);

  it("builds pages to check", () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it("has no html-validate errors on any page", async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(site, page));
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
