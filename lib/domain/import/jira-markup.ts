import J2M from "jira2md";

/**
 * Jira descriptions and comments as Markdown. Server and CSV exports carry wiki markup, converted
 * by jira2md; Jira Cloud's REST v3 carries Atlassian Document Format (a JSON tree), flattened here
 * to Markdown paragraphs, lists and code blocks (no maintained library converts it without a DOM).
 */
export function jiraToMarkdown(value: unknown): string {
  if (typeof value === "string") return value.trim() ? J2M.to_markdown(value.replace(/\r\n/g, "\n")).trim() : "";
  if (value && typeof value === "object") return adfToMarkdown(value as AdfNode).trim();
  return "";
}

type AdfNode = { type?: string; text?: string; content?: AdfNode[]; attrs?: Record<string, unknown>; marks?: Array<{ type?: string; attrs?: Record<string, unknown> }> };

function inline(node: AdfNode): string {
  if (node.type === "text") {
    let out = node.text ?? "";
    for (const mark of node.marks ?? []) {
      if (mark.type === "strong") out = `**${out}**`;
      else if (mark.type === "em") out = `*${out}*`;
      else if (mark.type === "code") out = `\`${out}\``;
      else if (mark.type === "strike") out = `~~${out}~~`;
      else if (mark.type === "link" && typeof mark.attrs?.href === "string") out = `[${out}](${mark.attrs.href})`;
    }
    return out;
  }
  if (node.type === "hardBreak") return "\n";
  if (node.type === "mention" || node.type === "emoji") return String(node.attrs?.text ?? "");
  if (node.type === "inlineCard") return String(node.attrs?.url ?? "");
  return (node.content ?? []).map(inline).join("");
}

function adfToMarkdown(node: AdfNode, depth = 0): string {
  const children = node.content ?? [];
  switch (node.type) {
    case "doc":
      return children.map((child) => adfToMarkdown(child, depth)).join("\n\n");
    case "heading":
      return `${"#".repeat(Number(node.attrs?.level) || 1)} ${inline(node)}`;
    case "bulletList":
    case "orderedList":
      return children
        .map((item) => `${"  ".repeat(depth)}${node.type === "bulletList" ? "-" : "1."} ${(item.content ?? []).map((part) => (part.type?.endsWith("List") ? `\n${adfToMarkdown(part, depth + 1)}` : inline(part))).join("")}`)
        .join("\n");
    case "codeBlock":
      return `\`\`\`${String(node.attrs?.language ?? "")}\n${inline(node)}\n\`\`\``;
    case "blockquote":
      return children.map((child) => `> ${adfToMarkdown(child, depth)}`).join("\n");
    case "rule":
      return "---";
    default:
      return children.length && children.every((child) => !child.content || child.type === "paragraph") && node.type !== "paragraph"
        ? children.map((child) => adfToMarkdown(child, depth)).join("\n\n")
        : inline(node);
  }
}
