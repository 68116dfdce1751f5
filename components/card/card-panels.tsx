// The panels below a card's description, on the card page and in the board's side panel alike:
// Definition of Ready, Definition of Done and Development. `onChange` (side panel) reloads the
// panel after a tick; without it the page refreshes and follows the project's change feed.
import { DodChecklist } from "@/components/dod/checklist";
import { ReadyChecklist } from "@/components/dod/ready-checklist";
import { DevelopmentPanel } from "@/components/pipeline/development-panel";
import type { CardChecklistDto } from "@/lib/server/queries/dod";
import type { CardPipeline } from "@/lib/server/queries/pipeline";

type Props = {
  projectKey: string;
  card: { key: string; estimate: number | null };
  checklist: CardChecklistDto;
  pipeline: CardPipeline;
  canTick: boolean;
  onChange?: () => void;
};

export function CardPanels({ projectKey, card, checklist, pipeline, canTick, onChange }: Props) {
  return (
    <>
      <ReadyChecklist cardKey={card.key} estimate={card.estimate} checklist={checklist} canTick={canTick} onChange={onChange} />
      <DodChecklist projectKey={projectKey} cardKey={card.key} checklist={checklist} canTick={canTick} onChange={onChange} />
      <div className="mt-8">
        <DevelopmentPanel pipeline={pipeline} cardKey={card.key} />
      </div>
    </>
  );
}
