import { describe, expect, it } from "vitest";
import list from "./icd10cm-common.json";
import { findCode, searchCodes } from "./search-codes";

describe("the shipped ICD-10-CM subset", () => {
  it("has well-formed, unique codes and states its source", () => {
    expect(list.codes.length).toBeGreaterThan(100);
    for (const c of list.codes) expect(c.code).toMatch(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
    expect(new Set(list.codes.map((c) => c.code)).size).toBe(list.codes.length);
    expect(list.source).toMatch(/CDC/);
  });

  it("finds by code prefix first, then by every word of the title", () => {
    expect(searchCodes("J45").map((c) => c.code)).toEqual(["J45.20", "J45.901", "J45.909"]);
    expect(searchCodes("knee pain").map((c) => c.code)).toEqual(["M25.561", "M25.562"]);
    expect(searchCodes("hypertension")[0]).toEqual({ code: "I10", display: "Essential (primary) hypertension" });
    expect(searchCodes("  ")).toEqual([]);
    expect(findCode("i10")?.code).toBe("I10");
    expect(findCode("X99.9")).toBeUndefined();
  });
});
