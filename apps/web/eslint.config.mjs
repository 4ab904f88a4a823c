import shared from '@union/tooling/eslint';

// Text from users (school names, narratives, honours) must never become HTML.
const html = 'Text from users must not become HTML (stored XSS).';
const tooltipFormatter = "Property[key.name='tooltip'] Property[key.name='formatter']";
const stringish = ':matches(TemplateLiteral, Literal, BinaryExpression)';

export default [
  ...shared,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: html },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: html },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: html },
        // ECharts renders a tooltip formatter's string as HTML: return tooltipLines(…) (charts/tooltip.ts).
        { selector: `${tooltipFormatter} > ${stringish}`, message: `${html} Return tooltipLines(…) from a tooltip formatter.` },
        { selector: `${tooltipFormatter} > ArrowFunctionExpression > ${stringish}.body`, message: `${html} Return tooltipLines(…) from a tooltip formatter.` },
        { selector: `${tooltipFormatter} > :function ReturnStatement > ${stringish}.argument`, message: `${html} Return tooltipLines(…) from a tooltip formatter.` },
      ],
    },
  },
];
