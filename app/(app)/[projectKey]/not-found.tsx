import { NotFoundState } from "@/components/shell/not-found-state";

// An unknown card or sprint: rendered under the project's header, inside its <main>.
export default function ProjectItemNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-8">
      <h2 className="sr-only">Not found</h2>
      <NotFoundState what="card or sprint" />
    </div>
  );
}
