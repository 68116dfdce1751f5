"use client";

import { Copy, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import {
  DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel,
  DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { ShortcutsDialog } from "@/components/ui/shortcuts-dialog";
import { Tooltip, TooltipContent, TooltipRoot, TooltipTrigger } from "@/components/ui/tooltip";
import { toast } from "sonner";

export function Interactive({ open }: { open?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Dialog defaultOpen={open === "dialog"}>
        <DialogTrigger asChild><Button>Open dialog</Button></DialogTrigger>
        <DialogContent title="Rename column" description="Column names show on the board and in reports.">
          <Field label="Name" name="name">{(p) => <Input {...p} defaultValue="In review" />}</Field>
          <DialogFooter>
            <DialogClose asChild><Button>Cancel</Button></DialogClose>
            <Button variant="primary">Save</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <DropdownMenu defaultOpen={open === "menu"} modal={false}>
        <DropdownMenuTrigger asChild><Button size="icon" variant="ghost" aria-label="Card actions"><MoreHorizontal aria-hidden /></Button></DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Card</DropdownMenuLabel>
          <DropdownMenuItem shortcut="E"><Pencil aria-hidden />Edit</DropdownMenuItem>
          <DropdownMenuItem shortcut="⌘D"><Copy aria-hidden />Duplicate</DropdownMenuItem>
          <DropdownMenuCheckboxItem checked>Watch</DropdownMenuCheckboxItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem destructive><Trash2 aria-hidden />Delete</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Popover defaultOpen={open === "popover"}>
        <PopoverTrigger asChild><Button variant="outline">Popover</Button></PopoverTrigger>
        <PopoverContent><p className="text-sm font-medium">WIP limit</p><p className="text-sm text-muted">At most 4 cards may be in progress.</p></PopoverContent>
      </Popover>
      <TooltipRoot defaultOpen={open === "tooltip"}>
        <TooltipTrigger asChild><Button variant="ghost">Tooltip</Button></TooltipTrigger>
        <TooltipContent>Hello</TooltipContent>
      </TooltipRoot>
      <Tooltip content="New card" shortcut="c"><Button variant="primary" size="sm">Hover me</Button></Tooltip>
      <Button size="sm" onClick={() => toast.success("Card moved to Done")}>Toast</Button>
      <ShortcutsDialog
        open={open === "shortcuts" ? true : undefined}
        shortcuts={[
          { keys: ["c"], description: "Create card", group: "Board" },
          { keys: ["/"], description: "Search", group: "Board" },
          { keys: ["mod+k"], description: "Command menu" },
          { keys: ["g b"], description: "Go to board", group: "Navigation" },
          { keys: ["g", "p"], description: "Go to pipelines", group: "Navigation" },
          { keys: ["?"], description: "Show shortcuts" },
        ]}
      />
    </div>
  );
}
