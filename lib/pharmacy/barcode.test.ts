import { describe, expect, it } from "vitest";
import { ean13CheckDigit, isValidEan13, looksLikeBarcode, toEan13 } from "./barcode";

describe("EAN-13", () => {
  it("computes the check digit of known codes", () => {
    expect(ean13CheckDigit("400638133393")).toBe(1);
    expect(ean13CheckDigit("978030640615")).toBe(7);
    expect(toEan13("590123412345")).toBe("5901234123457");
  });

  it("accepts valid codes and refuses a wrong check digit or length", () => {
    expect(isValidEan13("4006381333931")).toBe(true);
    expect(isValidEan13("4006381333932")).toBe(false);
    expect(isValidEan13("400638133393")).toBe(false);
    expect(isValidEan13("40063813339a1")).toBe(false);
  });

  it("recognises what a scanner types", () => {
    expect(looksLikeBarcode(" 4006381333931 ")).toBe(true);
    expect(looksLikeBarcode("ibuprofen")).toBe(false);
    expect(looksLikeBarcode("1234")).toBe(false);
  });
});
