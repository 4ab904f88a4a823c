/**
 * Tooltip content for an ECharts `formatter`, as DOM text nodes, never HTML.
 * ECharts puts a formatter's *string* into the page as HTML, and the lines hold
 * names users typed (schools, categories): a school named
 * `<img src=x onerror=…>` would run in every reader's browser. Every tooltip
 * formatter of the dashboards returns this (lint forbids strings there).
 */
export function tooltipLines(...lines: string[]): HTMLElement {
  const box = document.createElement('div');
  lines.forEach((line, i) => {
    if (i > 0) box.append(document.createElement('br'));
    box.append(line);
  });
  return box;
}
