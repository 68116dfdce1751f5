"use client";
// Backlog filters live in the URL: changing one navigates (replace, no scroll) and the server
// answers with the filtered backlog. Paging ("show more") is a URL change too.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

export const FILTER_KEYS = ["q", "type", "epic", "label", "assignee"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number] | "limit";

export function useBacklogUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const setParams = useCallback(
    (changes: Partial<Record<FilterKey, string | null>>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );
  return { params: searchParams, setParams, isPending };
}
