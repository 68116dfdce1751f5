import { redirect } from "next/navigation";

export default async function ProjectSettingsIndex({ params }: { params: Promise<{ projectKey: string }> }) {
  redirect(`/${(await params).projectKey.toUpperCase()}/settings/columns`);
}
