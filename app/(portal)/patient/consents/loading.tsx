import { Skeleton, SkeletonText } from "@/components/ui";

export default function Loading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-9 w-72" label={false} />
      <SkeletonText lines={8} label="Loading your consents…" />
    </div>
  );
}
