import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "../../src/seo/index.ts";
import { displayDateTime, isContentDate, isoWithOffset, parseContentDate } from "../../src/dates/index.ts";

describe("JSON-LD serialiser", () => {
  it("keeps a </script> in any string from closing the script element", () => {
    const title = "</script><script>alert(1)</script> & \u2028";
    const serialised = serializeJsonLd({ headline: title });
    expect(serialised).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(serialised)).toEqual({ headline: title });
  });
});

describe("content dates", () => {
  it("accept a date or a date-time, nothing vaguer", () => {
    expect(isContentDate("2025-03-04")).toBe(true);
    expect(isContentDate("2025-03-04T09:30:00-05:00")).toBe(true);
    expect(isContentDate("2025-03-04T09:30:00Z")).toBe(true);
    expect(isContentDate("2025-03-04T09:30:00")).toBe(true); // read in the site's zone (#14)
    expect(isContentDate("03/04/2025")).toBe(false);
    expect(isContentDate("2025-02-30")).toBe(false);
  });

  it("read a bare date as midnight in the site's zone", () => {
    const date = parseContentDate("2025-06-12", "America/New_York");
    expect(isoWithOffset(date)).toBe("2025-06-12T00:00:00-04:00");
  });

  it("show a date-time in the site's zone, never on the wrong day", () => {
    const date = parseContentDate("2026-01-01T04:30:00Z", "America/New_York");
    expect(isoWithOffset(date)).toBe("2025-12-31T23:30:00-05:00");
    expect(displayDateTime(date, "en")).toBe("December 31, 2025 at 11:30 PM EST");
  });
});
