"use client";
// Downloads a report's table as CSV, written from the very rows the table shows.
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { tableCsv, type ReportTable } from "./report-table";

export function DownloadCsv({ table, filename, title }: { table: ReportTable; filename: string; title: string }) {
  function download() {
    const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = `${filename}.csv`;
    anchor.click();
    // The browser has taken the file by the next task; the object URL is not needed after.
    setTimeout(() => URL.revokeObjectURL(url));
  }
  return (
    <Button size="sm" variant="ghost" onClick={download} aria-label={`Download CSV: ${title}`}>
      <Download aria-hidden /> Download CSV
    </Button>
  );
}
