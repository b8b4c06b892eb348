import type { Metadata } from "next";
import Link from "next/link";
import { PublicFrame } from "@/components/portal/public-frame";
import { pendingEmail } from "@/lib/auth/pending-email";
import { CodeForm } from "./code-form";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  const email = await pendingEmail();
  return (
    <PublicFrame>
      <h1 className="mb-1 text-2xl font-semibold">Check your email</h1>
      {email ? (
        <>
          <p className="mb-6 text-muted">
            We sent a sign-in link and a code to <strong className="text-ink">{email}</strong>. Open the link on this device, or type
            the code here. Both work once, for 10 minutes.
          </p>
          <CodeForm email={email} />
        </>
      ) : (
        <p className="mb-6 text-muted">Open the sign-in link in the email we sent you.</p>
      )}
      <p className="mt-6 text-sm text-muted">
        No email? Check spam, or <Link href="/signin" className="font-medium text-brand-700 underline">ask for a new one</Link>.
      </p>
    </PublicFrame>
  );
}
