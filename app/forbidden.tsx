import Link from "next/link";
import { PublicFrame } from "@/components/portal/public-frame";
import { currentUser } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/authz/policy";

export default async function Forbidden() {
  const user = await currentUser();
  return (
    <PublicFrame>
      <p className="text-sm font-semibold text-danger">Error 403</p>
      <h1 className="mb-2 text-2xl font-semibold">This area is not for your role</h1>
      <p className="mb-6 text-muted">You are signed in, but this page belongs to another part of the clinic. Nothing was shown or changed.</p>
      <Link href={user ? HOME_OF[user.role] : "/signin"} className="font-medium text-brand-700 underline">
        {user ? "Go to your home page" : "Sign in"}
      </Link>
    </PublicFrame>
  );
}
