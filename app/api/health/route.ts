import { NextResponse } from "next/server";
import { checkDependencies } from "@/lib/health/check";

export const dynamic = "force-dynamic";

/** 200 when every dependency is up; 503 naming what is down. Public: it says nothing about any person. */
export async function GET() {
  const dependencies = await checkDependencies();
  const down = dependencies.filter((d) => !d.up).map((d) => d.name);
  return NextResponse.json(
    { status: down.length ? "degraded" : "ok", down, dependencies, time: new Date().toISOString() },
    { status: down.length ? 503 : 200, headers: { "cache-control": "no-store" } },
  );
}
