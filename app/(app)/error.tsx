"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// A crash inside the workspace: the sidebar stays, the page offers a retry; details stay in the server log.
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-8">
      <h1 className="sr-only">Something went wrong</h1>
      <EmptyState
        icon={<TriangleAlert />}
        title="This page could not be shown"
        description="Something went wrong on our side. Try again; if it keeps happening, tell your admin what you were doing."
        action={<Button variant="primary" onClick={reset}>Try again</Button>}
      />
    </main>
  );
}
