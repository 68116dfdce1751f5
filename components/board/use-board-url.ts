"use client";
// The board's state that lives in the URL. Filters change what the server returns, so they
// navigate (replace, no scroll); the swimlane mode and the open card only change the view, so they
// rewrite the URL in place and a reload restores them. Quick changes in a row build on each other
// (see useUrlQuery), so none is lost while the server answers the previous one.
import { useMemo } from "react";
import { parseBoardSearch, type BoardSearchChanges as Changes } from "@/components/board/search-params";
import { useUrlQuery } from "@/lib/hooks/use-url-query";

export function useBoardUrl() {
  const { params, navigate, replaceView, isPending } = useUrlQuery();
  const search = useMemo(() => parseBoardSearch(params), [params]);
  return {
    search,
    setFilters: navigate as (changes: Changes) => void,
    // Stable across renders, so memoized cards can hold it.
    setView: replaceView as (changes: Pick<Changes, "lane" | "card">) => void,
    isFiltering: isPending,
  };
}
