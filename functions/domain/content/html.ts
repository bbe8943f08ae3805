// Text placed into HTML, as element content or a quoted attribute value: the one escaping Guildhall uses
// wherever it writes markup by hand (markdown output, search highlights, small server-made pages).
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}
