import { NotFoundState } from "@/components/shell/not-found-state";

// An unknown or forbidden project: the workspace stays around it.
export default function AppNotFound() {
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-8">
      <h1 className="sr-only">Not found</h1>
      <NotFoundState what="project" />
    </main>
  );
}
