import { NextResponse, type NextRequest } from "next/server";
import { log } from "@/lib/log";

/**
 * Gives every request an id that logs carry and the response returns, and writes one JSON access line per request
 * (method and path only: query strings can hold search terms). No authorization here: that is the data layer's.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  // Lets a layout send an anonymous visitor to sign-in and back to where they were going.
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  log.info("request", { requestId, method: request.method, path: request.nextUrl.pathname });
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
