/** EAN-13, the barcode on retail packs: 12 digits and a check digit (weights 1,3,1,3… from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error("an EAN-13 body is 12 digits");
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** A full EAN-13 from its first 12 digits. */
export function toEan13(first12: string): string {
  return `${first12}${ean13CheckDigit(first12)}`;
}

/** What a scanner or a person typed looks like a pack barcode (EAN-8, UPC-A, EAN-13 or GTIN-14). */
export function looksLikeBarcode(text: string): boolean {
  return /^\d{8,14}$/.test(text.trim());
}
