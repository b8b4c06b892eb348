import { Skeleton, SkeletonText } from "@/components/ui";

export default function SponsorshipLoading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-64" label="Loading sponsorship…" />
      <SkeletonText lines={6} label={false} />
    </div>
  );
}
