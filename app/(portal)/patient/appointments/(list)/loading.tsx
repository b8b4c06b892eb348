import { Skeleton, SkeletonText } from "@/components/ui";

export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-64" label={false} />
      <SkeletonText lines={6} label="Loading appointments…" />
    </div>
  );
}
