// A label as a coloured badge. Its colour follows from its name, so "backend" looks the same on
// every card, board and dialog without storing a colour.
import { Badge, type BadgeProps, type BadgeTone } from "./badge";

const LABEL_TONES = ["accent", "info", "success", "warning", "story", "task", "spike", "epic"] as const satisfies readonly BadgeTone[];

/** The tone of a label: the same for the same name, whatever its case or surrounding spaces. */
export function labelTone(name: string): (typeof LABEL_TONES)[number] {
  let hash = 0;
  for (const char of name.trim().toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return LABEL_TONES[hash % LABEL_TONES.length]!;
}

export function LabelBadge({ name, ...props }: Omit<BadgeProps, "tone" | "children"> & { name: string }) {
  return (
    <Badge tone={labelTone(name)} {...props}>
      {name}
    </Badge>
  );
}
