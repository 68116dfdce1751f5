"use client";
// Labels for a card: chosen from the team's labels (suggested as you type) or created on the fly
// by typing a new name and pressing Enter. Each shows in its colour and can be removed.
import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LabelBadge } from "@/components/ui/label-badge";
import type { FieldControlProps } from "@/components/ui/field";

type Props = FieldControlProps & { available: string[]; value: string[]; onChange: (labels: string[]) => void };

export function LabelPicker({ available, value, onChange, ...control }: Props) {
  const listId = useId();
  const [text, setText] = useState("");
  const name = text.trim();
  const known = available.find((label) => label.toLowerCase() === name.toLowerCase());
  const add = () => {
    const label = known ?? name;
    if (label && !value.includes(label)) onChange([...value, label]);
    setText("");
  };

  return (
    <div className="flex flex-col gap-2">
      {value.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen labels">
          {value.map((label) => (
            <li key={label} className="inline-flex items-center gap-0.5">
              <LabelBadge name={label} />
              <button
                type="button"
                aria-label={`Remove label ${label}`}
                className="inline-flex size-5 items-center justify-center rounded text-muted hover:bg-surface-2 hover:text-foreground"
                onClick={() => onChange(value.filter((other) => other !== label))}
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <Input
          {...control}
          list={listId}
          value={text}
          autoComplete="off"
          placeholder="Add a label"
          maxLength={50}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button type="button" size="md" variant="outline" disabled={!name} onClick={add}>
          <Plus aria-hidden /> {name && !known ? "Create" : "Add"}
        </Button>
      </div>
      <datalist id={listId}>
        {available.filter((label) => !value.includes(label)).map((label) => <option key={label} value={label} />)}
      </datalist>
    </div>
  );
}
