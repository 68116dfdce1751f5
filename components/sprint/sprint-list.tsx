// Every sprint of a project, grouped by state, with the figures that matter for each state.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { SprintDto } from "@/lib/server/queries/sprints";
import { CapacityBar } from "./capacity-bar";
import { pts, sprintPeriod, STATE_LABELS } from "./sprint-format";

const TONES = { active: "success", planned: "info", closed: "neutral" } as const;

function Figures({ sprint }: { sprint: SprintDto }) {
  if (sprint.state === "planned") return <CapacityBar points={sprint.points} capacity={sprint.capacity} />;
  if (sprint.state === "active") {
    return (
      <span className="text-xs text-muted tabular-nums">
        {sprint.donePoints} of {pts(sprint.points)} done · committed {pts(sprint.committedPoints ?? 0)}
      </span>
    );
  }
  const committed = sprint.committedPoints ?? 0;
  const share = committed ? Math.round(((sprint.completedPoints ?? 0) / committed) * 100) : 0;
  return (
    <span className="text-xs text-muted tabular-nums">
      Completed {pts(sprint.completedPoints ?? 0)} of {pts(committed)} committed ({share}%) · {sprint.completedCards ?? 0} cards
    </span>
  );
}

export function SprintList({ projectKey, sprints }: { projectKey: string; sprints: SprintDto[] }) {
  const groups = (["active", "planned", "closed"] as const).map((state) => ({ state, items: sprints.filter((sprint) => sprint.state === state) })).filter((group) => group.items.length);
  return (
    <div className="flex flex-col gap-6">
      {groups.map(({ state, items }) => (
        <section key={state} aria-labelledby={`sprints-${state}`}>
          <h2 id={`sprints-${state}`} className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{STATE_LABELS[state]}</h2>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface shadow-raised">
            {items.map((sprint) => (
              <li key={sprint.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`/${projectKey}/sprints/${sprint.id}`} className="text-sm font-medium hover:underline">{sprint.name}</Link>
                <Badge tone={TONES[sprint.state]} dot={sprint.state === "active"}>{STATE_LABELS[sprint.state]}</Badge>
                <span className="text-xs text-muted">{sprintPeriod(sprint) ?? "No dates yet"}</span>
                <span className="text-xs text-muted">{sprint.cardCount} {sprint.cardCount === 1 ? "card" : "cards"}</span>
                <Figures sprint={sprint} />
                {sprint.goal ? <p className="basis-full truncate text-xs text-muted">Goal: {sprint.goal}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
