import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

// User text is rendered as Markdown with raw HTML disabled and the output sanitised.
export function Markdown({ text }: { text: string }) {
  return (
    <ReactMarkdown rehypePlugins={[rehypeSanitize]} skipHtml>
      {text}
    </ReactMarkdown>
  );
}
