import "server-only";
import { headers } from "next/headers";
import { createHash } from "node:crypto";
import { log, type Logger } from "@/lib/log";

/** A logger carrying the id that proxy.ts gave this request. */
export async function requestLog(): Promise<Logger> {
  const h = await headers();
  return log.child({ requestId: h.get("x-request-id") ?? undefined });
}

/** The caller's network address as the server saw it (Next sets x-forwarded-for from the socket). */
export function clientIpFrom(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
