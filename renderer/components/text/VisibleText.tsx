import { visibleParts } from '../../../shared/text/visible';
import { useT } from '../../i18n/useT';
import './visible-text.css';

/**
 * Text from other processes, files or the network, shown so that nothing in it is invisible:
 * bidi controls (U+202E turned "(pid 24389)" into ")98342 dip("), terminal escapes and
 * zero-width characters appear as `\u202e`, `\x1b` in their own style, with the code point as
 * a tooltip. The text is also bidi-isolated, so right-to-left letters in a process name cannot
 * reorder the words around it. React text nodes only: nothing is parsed as markup.
 */
export function VisibleText({ text, className }: { text: string; className?: string }) {
  const t = useT();
  const parts = visibleParts(text);
  return (
    <span className={className ? `visible-text ${className}` : 'visible-text'}>
      {parts.map((p, i) =>
        p.escaped ? (
          <span key={i} className="invisible-char" title={t('ui.common.hiddenChar', { code: p.codePoint })}>
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </span>
  );
}
