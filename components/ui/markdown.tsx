import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils/cn";

// Each renderer drops react-markdown's `node` prop so it never reaches the DOM.
const components: Components = {
  h1: ({ node: _node, ...props }) => <h1 className="mt-5 mb-2 text-lg font-semibold first:mt-0" {...props} />,
  h2: ({ node: _node, ...props }) => <h2 className="mt-5 mb-2 text-base font-semibold first:mt-0" {...props} />,
  h3: ({ node: _node, ...props }) => <h3 className="mt-4 mb-1.5 text-sm font-semibold first:mt-0" {...props} />,
  h4: ({ node: _node, ...props }) => (
    <h4 className="mt-4 mb-1.5 text-sm font-semibold text-muted first:mt-0" {...props} />
  ),
  p: ({ node: _node, ...props }) => <p className="my-2 first:mt-0 last:mb-0" {...props} />,
  ul: ({ node: _node, className, ...props }) => (
    <ul className={cn("my-2 list-disc pl-5 marker:text-muted", className?.includes("contains-task-list") && "list-none pl-1", className)} {...props} />
  ),
  ol: ({ node: _node, ...props }) => <ol className="my-2 list-decimal pl-5 marker:text-muted" {...props} />,
  // Task-list items (GFM) carry their own checkbox instead of a bullet.
  li: ({ node: _node, className, ...props }) => (
    <li className={cn("my-0.5 pl-1", className?.includes("task-list-item") && "pl-0 [&>input]:mr-1.5 [&>input]:align-middle [&>input]:accent-accent", className)} {...props} />
  ),
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="my-3 border-l-2 border-border pl-3 text-muted" {...props} />
  ),
  hr: ({ node: _node, ...props }) => <hr className="my-4 border-border" {...props} />,
  a: ({ node: _node, ...props }) => (
    <a
      className="font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent"
      target="_blank"
      rel="noopener noreferrer"
      {...props}
    />
  ),
  code: ({ node: _node, className, ...props }) => (
    <code
      className={cn("rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.8125em] text-foreground", className)}
      {...props}
    />
  ),
  // tabIndex: a horizontally scrolling block must be reachable by keyboard.
  pre: ({ node: _node, ...props }) => (
    <pre
      tabIndex={0}
      className="my-3 overflow-x-auto rounded-lg border border-border bg-surface-2 p-3 text-xs leading-5 [&>code]:bg-transparent [&>code]:p-0"
      {...props}
    />
  ),
  img: ({ node: _node, alt, ...props }) => (
    // eslint-disable-next-line @next/next/no-img-element -- user content from arbitrary hosts
    <img alt={alt ?? ""} loading="lazy" className="my-2 max-w-full rounded-md border border-border" {...props} />
  ),
  table: ({ node: _node, ...props }) => (
    <div tabIndex={0} className="relative my-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" {...props} />
    </div>
  ),
  th: ({ node: _node, ...props }) => <th className="border-b border-border px-2 py-1.5 font-semibold" {...props} />,
  td: ({ node: _node, ...props }) => <td className="border-b border-border px-2 py-1.5" {...props} />,
};

export type MarkdownProps = {
  /** Untrusted markdown (card descriptions, retro notes). */
  children: string;
  className?: string;
};

/**
 * Renders user markdown safely, as GitHub does: GFM (task lists, tables, autolinks, strikethrough)
 * through remark-gfm; raw HTML is not parsed, rehype-sanitize applies GitHub's allow-list, and
 * links open in a new tab without an opener.
 * Works in server and client components.
 */
export function Markdown({ children, className }: MarkdownProps) {
  return (
    <div className={cn("text-sm leading-6 text-foreground break-words", className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
