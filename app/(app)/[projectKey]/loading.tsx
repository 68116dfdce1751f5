import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

// Under the project's header while a tab loads: backlog, sprints, a card or settings.
export default function ProjectPageLoading() {
  return (
    <div aria-busy className="mx-auto flex w-full max-w-5xl flex-col gap-3 px-4 py-6 sm:px-6">
      <LoadingStatus />
      <Skeleton className="h-6 w-40" />
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
