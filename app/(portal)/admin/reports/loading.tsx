import { Skeleton, SkeletonText } from "@/components/ui";

export default function ClinicReportLoading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-10 w-64" label="Loading the clinic report…" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-20" label={false} />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Skeleton className="h-64" label={false} />
        <Skeleton className="h-64" label={false} />
      </div>
      <SkeletonText lines={6} label={false} />
    </div>
  );
}
