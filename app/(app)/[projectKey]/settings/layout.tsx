import type { ReactNode } from "react";
import { SettingsNav } from "@/components/shell/settings-nav";

export default async function ProjectSettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ projectKey: string }> }) {
  const { projectKey } = await params;
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:gap-8">
      <SettingsNav projectKey={projectKey.toUpperCase()} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
