/**
 * Control characters (terminal escapes, NUL, bidi overrides) in hostile text are shown as visible
 * escapes in human-facing formats (HTML, Markdown), so a name cannot hide or reorder what follows.
 * JSON and CSV keep the exact text instead. One rule for every front end: shared/text/visible.ts.
 */
export { visibleControls } from '../../../shared/text/visible';
