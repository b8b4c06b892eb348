import Link from "next/link";
import { PublicFrame } from "@/components/portal/public-frame";

export default function NotFound() {
  return (
    <PublicFrame>
      <p className="text-sm font-semibold text-muted">Error 404</p>
      <h1 className="mb-2 text-2xl font-semibold">Page not found</h1>
      <p className="mb-6 text-muted">The address may be mistyped, or the page has moved.</p>
      <Link href="/" className="font-medium text-brand-700 underline">Go to the start page</Link>
    </PublicFrame>
  );
}
