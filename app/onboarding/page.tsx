import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { PublicFrame } from "@/components/portal/public-frame";
import { currentUser } from "@/lib/auth/session";
import { OnboardingForm } from "./onboarding-form";

export const metadata: Metadata = { title: "Welcome" };

export default async function OnboardingPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/onboarding");
  if (user.role !== "PATIENT") forbidden();
  if (user.onboarded) redirect("/patient");
  return (
    <PublicFrame wide>
      <h1 className="mb-1 text-2xl font-semibold">Welcome to CareChain Health</h1>
      <p className="mb-8 text-muted">
        A few details so your clinic can reach you and treat you safely. Only you, and the clinicians you allow, can see them.
      </p>
      <OnboardingForm />
    </PublicFrame>
  );
}
