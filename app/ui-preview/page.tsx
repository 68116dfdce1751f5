import { Bug, Inbox, Plus, Rocket, Search, Settings } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Interactive } from "./interactive";

const tones: BadgeTone[] = [
  "neutral", "accent", "danger", "warning", "success", "info",
  "story", "bug", "task", "spike", "epic",
  "pipeline-queued", "pipeline-running", "pipeline-success", "pipeline-failure", "pipeline-cancelled", "pipeline-skipped",
];

const md = `## Acceptance criteria
- Shows **pipeline status** on the card
- Links to the [run](https://example.com) and \`main\` branch

> Blocked until the webhook lands.

\`\`\`ts
moveCard({ cardId, toColumnId })
\`\`\``;

function Gallery({ theme, open }: { theme: "light" | "dark"; open?: string }) {
  return (
    <div className={`${theme} flex flex-col gap-6 bg-background p-6 text-foreground`}>
      <PageHeader
        eyebrow="SHIP · Sprint 14"
        title={`Board (${theme})`}
        description="Cards move left to right; a red pipeline blocks Done."
        actions={
          <>
            <ThemeToggle />
            <Button variant="outline"><Search aria-hidden />Filter</Button>
            <Button variant="primary"><Plus aria-hidden />New card</Button>
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary">Primary</Button>
        <Button>Secondary</Button>
        <Button variant="outline">Outline</Button>
        <Button variant="ghost">Ghost</Button>
        <Button variant="danger">Delete</Button>
        <Button variant="primary" loading>Saving</Button>
        <Button disabled>Disabled</Button>
        <Button size="sm">Small</Button>
        <Button size="sm" variant="primary">Small primary</Button>
        <Button size="icon" variant="ghost" aria-label="Settings"><Settings aria-hidden /></Button>
        <Spinner />
        <span className="flex items-center gap-1 text-muted">Press <Kbd>C</Kbd> or <Kbd>⌘</Kbd><Kbd>K</Kbd></span>
      </div>
      <div className="flex flex-wrap gap-1.5">
        {tones.map((tone) => (
          <Badge key={tone} tone={tone} dot={tone.startsWith("pipeline")} pulse={tone === "pipeline-running"}>{tone}</Badge>
        ))}
      </div>
      <div className="grid grid-cols-3 gap-4">
        <Card>
          <CardHeader>
            <CardTitle>New card</CardTitle>
            <CardDescription>Fields wire labels, hints and errors.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <Field label="Title" required error="Title is required" name="title">
              {(p) => <Input {...p} placeholder="Short summary" />}
            </Field>
            <Field label="Type" name="type">
              {(p) => (
                <Select {...p} defaultValue="story">
                  <option value="story">Story</option><option value="bug">Bug</option>
                </Select>
              )}
            </Field>
            <Field label="Description" hint="Markdown is supported." name="description">
              {(p) => <Textarea {...p} rows={2} placeholder="What and why" />}
            </Field>
          </CardContent>
          <CardFooter>
            <Button>Cancel</Button>
            <Button variant="primary" type="submit">Create</Button>
          </CardFooter>
        </Card>
        <div className="flex flex-col gap-3 rounded-xl bg-surface-2 p-2">
          <div className="flex items-center justify-between px-1.5 pt-1 text-xs font-medium text-muted">
            <span>In progress <span className="ml-1">3 / 4</span></span>
            <Button size="icon" variant="ghost" aria-label="Add card"><Plus aria-hidden /></Button>
          </div>
          {[["SHIP-42", "Show pipeline status on cards", "story", "pipeline-running", "Ada Lovelace"],
            ["SHIP-43", "Webhook retries create duplicate events", "bug", "pipeline-failure", "grace@navy.mil"],
            ["SHIP-44", "Spike: dnd-kit keyboard sensor", "spike", "pipeline-success", "Linus Torvalds"]].map(([key, title, type, status, who]) => (
            <article key={key} className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3 shadow-raised">
              <div className="flex items-center gap-2 text-xs text-muted">
                <span className="font-mono">{key}</span>
                <Badge tone={type as BadgeTone} className="ml-auto">{type === "bug" ? <Bug aria-hidden /> : null}{type}</Badge>
              </div>
              <p className="text-sm font-medium">{title}</p>
              <div className="flex items-center justify-between">
                <Badge tone={status as BadgeTone} dot pulse={status === "pipeline-running"}>{status?.replace("pipeline-", "")}</Badge>
                <Avatar name={who ?? ""} size="sm" />
              </div>
            </article>
          ))}
          <EmptyState size="sm" icon={<Inbox />} title="No cards" description="Drag a card here or press C." />
        </div>
        <div className="flex flex-col gap-4">
          <div className="flex items-center gap-2">
            <Avatar name="Ada Lovelace" size="xs" /><Avatar name="Grace Hopper" size="sm" />
            <Avatar name="Linus Torvalds" /><Avatar name="margaret.hamilton@nasa.gov" size="lg" />
            <Avatar name="Ken" /><Avatar name="Barbara Liskov" /><Avatar name="" />
          </div>
          <Card className="p-4"><Markdown>{md}</Markdown></Card>
          <Interactive open={open} />
        </div>
      </div>
      <EmptyState
        icon={<Rocket />}
        title="No sprint is running"
        description="Plan a sprint from the backlog, then start it to see its cards here."
        action={<><Button variant="primary">Plan a sprint</Button><Button variant="ghost">Learn more</Button></>}
      />
    </div>
  );
}

export default async function UiPreviewPage({ searchParams }: { searchParams: Promise<{ open?: string; only?: string }> }) {
  const { open, only } = await searchParams;
  return (
    <main>
      {only !== "dark" ? <Gallery theme="light" open={open} /> : null}
      {only !== "light" ? <Gallery theme="dark" /> : null}
    </main>
  );
}
