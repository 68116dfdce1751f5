import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ColumnSettings } from "@/components/board/column-settings";
import { hasRole } from "@/lib/domain/roles";
import { requireProjectRole } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getBoard } from "@/lib/server/queries/board";
import { currentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectKey: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).projectKey.toUpperCase()} columns` };
}

export default async function ColumnSettingsPage({ params }: Props) {
  const [{ projectKey }, actor] = await Promise.all([params, currentActor()]);
  const access = await requireProjectRole(actor, projectKey, "VIEWER").catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  // The board read carries each column's full card count, which deleting a column needs.
  const board = await getBoard(access);
  return (
    <ColumnSettings
      projectKey={board.project.key}
      mode={board.project.mode}
      wipMode={board.project.wipMode}
      agingDays={board.project.agingDays}
      columns={board.columns.map(({ cards: _cards, ...column }) => column)}
      canEdit={hasRole(access.role, "PRODUCT_OWNER")}
      stages={{ startColumnId: board.project.startColumnId, finishColumnIds: board.project.finishColumnIds, timeZone: board.project.timeZone }}
    />
  );
}
