import { Skeleton, SkeletonText } from "@/components/ui";

export default function WalletLoading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-48" label="Loading your wallet…" />
      <Skeleton className="h-40 w-full" label={false} />
      <SkeletonText lines={4} label={false} />
    </div>
  );
}
