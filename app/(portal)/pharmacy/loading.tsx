import { Skeleton, SkeletonText } from "@/components/ui";

export default function PharmacyLoading() {
  return (
    <div className="flex flex-col gap-6">
      <Skeleton className="h-10 w-64" label={false} />
      <Skeleton className="h-14 w-full" label={false} />
      <SkeletonText lines={6} label="Loading the pharmacy…" />
    </div>
  );
}
