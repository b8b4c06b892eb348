"use server";

import { redirect } from "next/navigation";
import { clientIp } from "@/lib/request";
import { parseForm, toFormState, type FormState } from "@/lib/actions/form-state";
import { signIn, signOut } from "./auth";
import { rememberPendingEmail } from "./pending-email";
import { assertSignInAllowed } from "./rate-limit";
import { redeemSignInCode } from "./sign-in-code";
import { currentActor } from "./session";
import { endOtherSessions } from "./sessions";
import { requestSignInSchema, signInCodeSchema } from "./schemas";

/** Sends the email with the link and the code, then shows the page where the code is typed. */
export async function requestSignInEmail(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { email, callbackUrl } = parseForm(requestSignInSchema, formData);
    await assertSignInAllowed({ email, ip: await clientIp() });
    await signIn("nodemailer", { email, redirectTo: callbackUrl, redirect: false });
    await rememberPendingEmail(email);
  } catch (error) {
    return toFormState(error);
  }
  redirect("/signin/check");
}

/**
 * The code typed in the tab that asked for it opens the same sign-in as the emailed link. The browser itself must
 * open the link (a server-side redirect would be followed on the server, and the session cookie lost), so the
 * link is handed back for the page to navigate to.
 */
export async function signInWithCode(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { email, code } = parseForm(signInCodeSchema, formData);
    const link = await redeemSignInCode(email, code);
    return { ok: true, redirectTo: link };
  } catch (error) {
    return toFormState(error);
  }
}

export async function signOutHere(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await endOtherSessions(await currentActor());
  await signOut({ redirectTo: "/signin?signedOut=all" });
}
