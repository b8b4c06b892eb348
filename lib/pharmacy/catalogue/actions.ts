"use server";

import { currentActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { searchDrugs, type DrugHit } from "./search-drugs";

/** Search-as-you-type and scans from the counter and order screens. */
export async function lookupDrugs(query: string, otcOnly = false): Promise<{ hits: DrugHit[]; error?: string }> {
  try {
    return { hits: await searchDrugs(await currentActor(), { query: String(query ?? ""), limit: 8, otcOnly: Boolean(otcOnly) }) };
  } catch (error) {
    return { hits: [], error: isAppError(error) ? error.message : "The search failed. Please try again." };
  }
}
