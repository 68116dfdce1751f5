"use client";
// The board's state that lives in the URL. Filters change what the server returns, so they
// navigate (replace, no scroll); the swimlane mode and the open card only change the view, so they
// rewrite the URL in place (Next keeps useSearchParams in sync) and a reload restores them.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useTransition } from "react";
import { parseBoardSearch, type BoardSearchChanges as Changes } from "@/components/board/search-params";

function hrefWith(pathname: string, query: string, changes: Changes): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  const search = next.toString();
  return search ? `${pathname}?${search}` : pathname;
}

export function useBoardUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isFiltering, startTransition] = useTransition();
  const search = useMemo(() => parseBoardSearch(searchParams), [searchParams]);

  const setFilters = useCallback(
    (changes: Changes) => startTransition(() => router.replace(hrefWith(pathname, searchParams.toString(), changes), { scroll: false })),
    [pathname, router, searchParams],
  );
  // Reads the live location, so the callback never changes and memoized cards can hold it.
  const setView = useCallback((changes: Pick<Changes, "lane" | "card">) => {
    window.history.replaceState(null, "", hrefWith(window.location.pathname, window.location.search, changes));
  }, []);

  return { search, setFilters, setView, isFiltering };
}
