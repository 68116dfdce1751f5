"use client";
// Backlog filters live in the URL: changing one navigates (replace, no scroll) and the server
// answers with the filtered backlog. Paging ("show more") is a URL change too. The filters, the
// epic panel and the view share one pending query (see useUrlQuery), so quick changes in a row
// build on each other.
import { useCallback } from "react";
import { useUrlQuery } from "@/lib/hooks/use-url-query";

export const FILTER_KEYS = ["q", "type", "epic", "label", "assignee"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number] | "limit" | "show" | "focus";

export function useBacklogUrl() {
  const { params, navigate, isPending } = useUrlQuery();
  // Any change moves on from a card shown on request (`focus`, e.g. one just created).
  const setParams = useCallback((changes: Partial<Record<FilterKey, string | null>>) => navigate({ focus: null, ...changes }), [navigate]);
  return { params, setParams, isPending };
}
