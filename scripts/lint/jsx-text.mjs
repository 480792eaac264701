// formatjs/no-literal-string-in-jsx, minus whitespace: `{' '}` (the space JSX needs between an
// element and the text on the next line) is layout, not words, and has nothing to translate.
// Everything else the formatjs rule reports is reported unchanged.
import formatjs from 'eslint-plugin-formatjs';

const base = formatjs.rules['no-literal-string-in-jsx'];

const whitespaceOnly = (node) =>
  (node.type === 'Literal' && typeof node.value === 'string' && node.value.trim() === '') ||
  (node.type === 'JSXExpressionContainer' && whitespaceOnly(node.expression)) ||
  (node.type === 'JSXAttribute' && node.value != null && whitespaceOnly(node.value));

export const noLiteralStringInJsx = {
  meta: base.meta,
  create(context) {
    const filtered = Object.create(context, {
      report: {
        value: (descriptor) => {
          if (descriptor.node && whitespaceOnly(descriptor.node)) return;
          context.report(descriptor);
        },
      },
    });
    return base.create(filtered);
  },
};

export default { rules: { 'no-literal-string-in-jsx': noLiteralStringInJsx } };
