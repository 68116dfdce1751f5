// jira2md ships no types; only the conversion the importer uses is declared.
declare module "jira2md" {
  const J2M: { to_markdown(wiki: string): string; to_jira(markdown: string): string };
  export default J2M;
}
