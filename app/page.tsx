import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui";
import { PublicFrame } from "@/components/portal/public-frame";
import { currentUser } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/authz/policy";

export default async function StartPage() {
  const user = await currentUser();
  if (user) redirect(HOME_OF[user.role]);
  return (
    <PublicFrame>
      <h1 className="mb-2 text-2xl font-semibold">Your health record, under your control</h1>
      <p className="mb-6 text-muted">
        Book appointments, see your visits and prescriptions, and decide which clinicians may see your record. Every look at
        your record is logged, and you can see who looked.
      </p>
      <ButtonLink href="/signin" size="lg" className="w-full">
        Sign in or register
      </ButtonLink>
    </PublicFrame>
  );
}
