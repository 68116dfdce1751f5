"use client";
// Backlog filters live in the URL: changing one navigates (replace, no scroll) and the server
// answers with the filtered backlog. Paging ("show more") is a URL change too. The filters, the
// epic panel and the view share one pending query (see useUrlQuery), so quick changes in a row
// build on each other.
import { useUrlQuery } from "@/lib/hooks/use-url-query";

export const FILTER_KEYS = ["q", "type", "epic", "label", "assignee"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number] | "limit" | "show" | "focus";

export function useBacklogUrl() {
  const { params, navigate, isPending } = useUrlQuery();
  return { params, setParams: navigate as (changes: Partial<Record<FilterKey, string | null>>) => void, isPending };
}
