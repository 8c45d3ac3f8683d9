// What the stacking e2e test shares: selectors for the over-time table (each cell names its month and figure),
// the regie-op-drie rows (municipality|ToewijzingNummer), the highest-number table, and drawn chart marks by
// layer name (renderer/stacking/stackingSpecs.ts and flows/sankeySpec.ts name their layers).
import type { BrowserStack } from './browser.js';

export function stackingPage(stack: BrowserStack) {
  const { page } = stack;
  return {
    cell: (point: string, fig: string) => page.locator(`table.stacking-table tr[data-point='${point}'] td[data-figure='${fig}']`).textContent({ timeout: 10_000 }),
    points: () => page.locator('table.stacking-table tr[data-point]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-point'))),
    /** The regie-op-drie rows as 'municipality|ToewijzingNummer', sorted. */
    regieRows: () => page.locator('table.regie-table tr[data-nr]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-municipality')}|${tr.getAttribute('data-nr')}`).sort()),
    highest: (key: string) => page.locator(`table.highest-table tr[data-key='${key}'] td`).textContent({ timeout: 10_000 }),
    marks: (chart: string, layer: string) => page.locator(`.${chart} g.${layer}_marks path`).count(),
    select: (label: string, value: string) => page.getByLabel(label, { exact: true }).selectOption(value),
  };
}
