import type { Metadata } from "next";
import { NotFoundState } from "@/components/shell/not-found-state";

export const metadata: Metadata = { title: "Not found" };

// Addresses no route matches; the app's own 404s render inside the workspace (app/(app)/not-found.tsx).
export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 bg-background px-4 py-12">
      <div className="flex items-center gap-2.5">
        {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG logo needs no optimisation */}
        <img src="/logo.svg" alt="" width={32} height={32} />
        <span className="text-lg font-semibold tracking-tight text-foreground">Shipboard</span>
      </div>
      <h1 className="sr-only">Page not found</h1>
      <NotFoundState />
    </main>
  );
}
