import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a missing page says: the same words whether it does not exist or the user may not see it. */
export function NotFoundState({ what = "page" }: { what?: string }) {
  return (
    <EmptyState
      icon={<SearchX />}
      title={`This ${what} could not be found`}
      description="It does not exist, or it belongs to a team you are not a member of. Check the address, or ask a teammate for an invitation."
      action={<Link href="/projects" className={buttonVariants({ variant: "primary" })}>Go to your projects</Link>}
    />
  );
}
