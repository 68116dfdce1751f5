"use client";
// Page state kept in the query string (filters, swimlanes, the open card) that quick changes in a
// row never lose. `router.replace` changes the URL only once the server has answered, so until
// then `useSearchParams` and `window.location` still show the query from before, and a change
// built on them would bring back what the previous change removed (clear the label, type a search
// within the debounce: the label returned). Every change here builds on the query last asked for
// instead, shared by every component of the page, and the page renders that query at once.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, useTransition } from "react";

/** A value sets the param, null (or undefined, or "") removes it. */
export type QueryChanges = Record<string, string | null | undefined>;

/** `query` with `changes` applied, as a query string without "?". */
export function withChanges(query: string, changes: QueryChanges): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next.toString();
}

type Intent = { pathname: string; query: string } | null;

let intent: Intent = null;
const listeners = new Set<() => void>();
function setIntent(next: Intent) {
  intent = next;
  for (const listener of listeners) listener();
}
// Back and forward navigate elsewhere: what was asked before no longer applies.
const forget = () => setIntent(null);
function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("popstate", forget);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("popstate", forget);
  };
}
const snapshot = () => intent;
const serverSnapshot = () => null;

export function useUrlQuery() {
  const router = useRouter();
  const pathname = usePathname();
  const committed = useSearchParams().toString();
  const asked = useSyncExternalStore(subscribe, snapshot, serverSnapshot);
  const [isPending, startTransition] = useTransition();
  const mine = useRef<string | null>(null);

  // The router caught up with what was asked (or this component's navigation ended): the URL is
  // the truth again.
  useEffect(() => {
    if (intent && intent.pathname === pathname && intent.query === committed) setIntent(null);
  }, [committed, pathname]);
  useEffect(() => {
    if (isPending || mine.current === null) return;
    if (intent?.query === mine.current) setIntent(null);
    mine.current = null;
  }, [isPending]);

  const current = asked && asked.pathname === pathname ? asked.query : committed;
  const params = useMemo(() => new URLSearchParams(current), [current]);

  /** The query to build on: the one last asked for, else the live address bar. */
  const base = useCallback(() => (intent && intent.pathname === pathname ? intent.query : window.location.search.slice(1)), [pathname]);

  const go = useCallback(
    (query: string) => {
      mine.current = query;
      setIntent({ pathname, query });
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router],
  );

  /** Changes that the server must answer (filters, paging): a navigation. */
  const navigate = useCallback((changes: QueryChanges) => go(withChanges(base(), changes)), [base, go]);

  /**
   * Changes of the view only (swimlanes, the open card): the address bar is rewritten in place,
   * unless a navigation is on its way, which then carries them (it would overwrite them otherwise).
   */
  const replaceView = useCallback(
    (changes: QueryChanges) => {
      const query = withChanges(base(), changes);
      if (intent && intent.pathname === pathname) return go(query);
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [base, go, pathname],
  );

  return { params, navigate, replaceView, isPending };
}
