import "server-only";
import { cookies } from "next/headers";

// Remembers, in this browser only, which address the code page is for; it never appears in a URL.
// It is left to expire: clearing it in the code action would re-render the page before the browser navigates.
const COOKIE = "signin-email";
const PATH = "/signin";

export async function rememberPendingEmail(email: string): Promise<void> {
  (await cookies()).set(COOKIE, email, { httpOnly: true, sameSite: "lax", maxAge: 15 * 60, path: PATH });
}

export async function pendingEmail(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}
