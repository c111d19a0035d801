/** Dates with precision: parseDate, formatDate, formatPeriod. */
import { describe, expect, it } from "vitest";
import { OrgraphError } from "../../../../src/core/errors";
import {
  formatDate,
  formatPeriod,
  parseDate,
  XSD_DATE,
  XSD_G_YEAR,
  XSD_G_YEAR_MONTH,
} from "../../../../src/core/statements";

describe("parseDate", () => {
  it("reads xsd:date, gYearMonth, gYear and dateTime with the days they cover", () => {
    expect(parseDate({ value: "2008-09-10", datatype: XSD_DATE })).toEqual({
      value: "2008-09-10",
      datatype: XSD_DATE,
      precision: "day",
      start: "2008-09-10",
      end: "2008-09-10",
    });
    expect(parseDate({ value: "2007-08", datatype: XSD_G_YEAR_MONTH })).toMatchObject({
      precision: "month",
      start: "2007-08-01",
      end: "2007-08-31",
    });
    expect(parseDate({ value: "2008-02", datatype: XSD_G_YEAR_MONTH }).end).toBe("2008-02-29");
    expect(parseDate({ value: "2008", datatype: XSD_G_YEAR })).toMatchObject({
      precision: "year",
      start: "2008-01-01",
      end: "2008-12-31",
    });
    expect(parseDate("2008-09-10T14:30:00Z")).toMatchObject({
      precision: "day",
      start: "2008-09-10",
      end: "2008-09-10",
    });
    expect(parseDate("2009-01").precision).toBe("month");
    expect(parseDate("1951").precision).toBe("year");
  });

  it("throws a typed error on what is not a date", () => {
    expect(() => parseDate("2008-13")).toThrow(OrgraphError);
    expect(() => parseDate("2007-02-29")).toThrow(/Not a date/);
    expect(() => parseDate({ value: "2008", datatype: XSD_DATE })).toThrow(/datatype/);
    try {
      parseDate("soon");
    } catch (e) {
      expect((e as OrgraphError).code).toBe("invalid");
    }
  });
});

describe("formatDate", () => {
  it("shows the precision as such, in French and English", () => {
    expect(formatDate("2007-08", "fr")).toBe("août 2007");
    expect(formatDate("2007-08", "en")).toBe("August 2007");
    expect(formatDate("2008", "fr")).toBe("2008");
    expect(formatDate("2008-09-10", "fr")).toBe("10 septembre 2008");
    expect(formatDate("2008-09-10", "en")).toBe("10 September 2008");
    expect(formatDate("2008-09-01", "fr")).toBe("1er septembre 2008");
  });

  it("formats periods end by end", () => {
    expect(
      formatPeriod(
        {
          start: { value: "2007-05-31", datatype: XSD_DATE },
          end: { value: "2009-01", datatype: XSD_G_YEAR_MONTH },
        },
        "fr",
      ),
    ).toBe("31 mai 2007 – janvier 2009");
    expect(formatPeriod({ start: { value: "2007" } }, "en")).toBe("2007 –");
    expect(formatPeriod({}, "en")).toBe("");
  });
});
