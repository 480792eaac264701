import { visibleControls } from './text';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values alike (and for SVG inside
 * HTML, which the parser reads the same way). Control characters become visible escapes.
 */
export function escapeHtml(text: string): string {
  return visibleControls(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
