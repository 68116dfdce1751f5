import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

export default function AppLoading() {
  return (
    <main aria-busy className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-8 sm:px-8">
      <LoadingStatus />
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-80 max-w-full" />
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-28 rounded-xl" />
        ))}
      </div>
    </main>
  );
}
