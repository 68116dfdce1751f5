import { FileJson, FileSpreadsheet } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** Plain download links: the browser streams the file the export endpoint sends. */
export function ExportButtons({ projectKey }: { projectKey: string }) {
  const href = (format: "json" | "csv") => `/api/v1/projects/${encodeURIComponent(projectKey)}/export?format=${format}`;
  return (
    <div className="flex flex-wrap gap-2">
      <a href={href("json")} download className={buttonVariants()}>
        <FileJson aria-hidden /> Export JSON
      </a>
      <a href={href("csv")} download className={buttonVariants()}>
        <FileSpreadsheet aria-hidden /> Export CSV
      </a>
    </div>
  );
}
