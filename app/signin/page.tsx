import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui";
import { PublicFrame } from "@/components/portal/public-frame";
import { currentUser } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/authz/policy";
import { returnPathSchema } from "@/lib/auth/schemas";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "This account cannot sign in. If you were invited, the invitation may have expired: ask an administrator.",
  EmailSignin: "We could not send the email. Please try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = returnPathSchema.parse(params.callbackUrl);
  const user = await currentUser();
  if (user) redirect(callbackUrl !== "/" ? callbackUrl : HOME_OF[user.role]);
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in did not work. Please try again.") : undefined;
  return (
    <PublicFrame>
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-muted">New here? Enter your email to create a patient account.</p>
      <div className="space-y-4">
        {error && <Alert tone="danger">{error}</Alert>}
        {params.signedOut && <Alert tone="success">{params.signedOut === "all" ? "You are signed out on every device." : "You are signed out."}</Alert>}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </PublicFrame>
  );
}
