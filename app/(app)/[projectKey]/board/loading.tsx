import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

export default function BoardLoading() {
  return (
    <div aria-busy className="flex gap-3 overflow-hidden px-4 py-4 sm:px-6">
      <LoadingStatus label="Loading the board…" />
      {[3, 2, 2, 1].map((cards, column) => (
        <div key={column} className="flex w-72 shrink-0 flex-col gap-2 rounded-xl bg-surface p-2">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: cards }, (_, i) => (
            <Skeleton key={i} className="h-20 rounded-lg" />
          ))}
        </div>
      ))}
    </div>
  );
}
