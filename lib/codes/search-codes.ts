import list from "./icd10cm-common.json";

/** A diagnosis code from the list the project ships (see icd10cm-common.json: what it is and where it comes from). */
export interface DiagnosisCode {
  code: string;
  display: string;
}

export const CODE_SYSTEM = list.system;
const CODES: DiagnosisCode[] = list.codes;
const BY_CODE = new Map(CODES.map((c) => [c.code.toUpperCase(), c]));

export function findCode(code: string): DiagnosisCode | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/**
 * Codes whose code starts with the query (e.g. "J45") or whose title contains every word of it ("knee pain"),
 * code matches first.
 */
export function searchCodes(query: string, limit = 20): DiagnosisCode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const byCode = CODES.filter((c) => c.code.toLowerCase().startsWith(q));
  const byTitle = CODES.filter((c) => !byCode.includes(c) && words.every((w) => c.display.toLowerCase().includes(w)));
  return [...byCode, ...byTitle].slice(0, limit);
}
