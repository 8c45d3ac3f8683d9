// A wide table's sideways scroll box: keyboard users must reach it to scroll it (axe-core
// scrollable-region-focusable, WCAG 2.1.1), and a screen reader names the region by the table it holds.
// Spread it on the wrapper: <div {...scrollRegion(caption)}><table>…</table></div>.
export function scrollRegion(label: string, className = 'table-wrap') {
  return { className, tabIndex: 0, role: 'region', 'aria-label': label } as const;
}
