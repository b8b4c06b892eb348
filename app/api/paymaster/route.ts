import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { sponsorUserOperation } from "@/lib/sponsorship/sponsor-user-operation";

export const dynamic = "force-dynamic";

/** The sponsorship service as ERC-7677 JSON-RPC, for signed-in users' own Safes (see sponsorUserOperation). */
export async function POST(request: Request) {
  const body: unknown = await request.json().catch(() => undefined);
  const id = typeof body === "object" && body && "id" in body ? (body.id as string | number | null) : null;
  try {
    return NextResponse.json(await sponsorUserOperation(await currentActor(), body), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ jsonrpc: "2.0", id, error: { code: -32001, message: error.message } }, { status: httpStatusOf[error.code] });
  }
}
