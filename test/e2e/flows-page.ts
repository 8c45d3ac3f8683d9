// What the flows e2e tests share: selectors for the stock-flow table (each cell names its period, group and
// figure), the doorstroom matrix and the growth table, and counts of drawn chart marks by layer name
// (renderer/flows/*Spec.ts name their layers, so a shaded background never counts as a bar).
import type { BrowserStack } from './browser.js';

export function flowsPage(stack: BrowserStack) {
  const { page } = stack;
  const text = (selector: string) => page.locator(selector).textContent({ timeout: 10_000 });
  return {
    /** A stock-flow figure, e.g. figure('2024', 'all', 'instroom.nieuw'); group null = the first (only) group. */
    figure: (period: string, group: string | null, fig: string) =>
      text(`table.flows-table tbody${group === null ? ':first-of-type' : `[data-group='${group}']`} tr[data-period='${period}'] td[data-figure='${fig}']`),
    periods: (group: string | null = 'all') => page.locator(`table.flows-table tbody${group === null ? ':first-of-type' : `[data-group='${group}']`} tr[data-period]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-period'))),
    matrix: (from: string, to: string) => text(`table.doorstroom-matrix td[data-from='${from}'][data-to='${to}']`),
    growth: (segment: string, fig: string) => text(`table.growth-table tr[data-segment='${segment}'] td[data-figure='${fig}']`),
    duration: (table: 'trajectories' | 'spells', key: string, fig: string) => text(`table.durations-table.${table} tr[data-key='${key}'] td[data-figure='${fig}']`),
    marks: (chart: string, layer: string) => page.locator(`.${chart} g.${layer}_marks path`).count(),
    select: (label: string, value: string) => page.getByLabel(label, { exact: true }).selectOption(value),
    /** The children panel's assignment numbers, as a set. */
    async assignments(): Promise<Set<string>> {
      const cells = await page.locator('.children-panel td.assignments').allTextContents();
      return new Set(cells.flatMap((c) => c.split(', ')));
    },
  };
}

/** Region spells from the generator's ground truth (DOMAIN.md §5: all of a child's care periods that overlap or
 *  touch, merged), and the stock-flow figures of one period [a, b] worked out from them (§6). */
export function truthStockFlow(periods: { bsn: string; start: string; end: string | null }[], a: string, b: string) {
  const dayAfter = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString().slice(0, 10);
  const byChild = new Map<string, { start: string; end: string | null }[]>();
  for (const p of periods) byChild.set(p.bsn, [...(byChild.get(p.bsn) ?? []), p]);
  const spells: { start: string; end: string | null }[] = [];
  for (const list of byChild.values()) {
    list.sort((x, y) => x.start.localeCompare(y.start));
    let cur: { start: string; end: string | null } | null = null;
    for (const p of list) {
      if (cur && (cur.end === null || p.start <= dayAfter(cur.end))) {
        if (cur.end !== null && (p.end === null || p.end > cur.end)) cur.end = p.end;
      } else {
        if (cur) spells.push(cur);
        cur = { ...p };
      }
    }
    if (cur) spells.push(cur);
  }
  const count = (f: (s: { start: string; end: string | null }) => boolean) => String(spells.filter(f).length);
  return {
    beginstand: count((s) => s.start < a && (s.end === null || s.end >= a)),
    'instroom.total': count((s) => s.start >= a && s.start <= b),
    'uitstroom.total': count((s) => s.end !== null && s.end >= a && s.end <= b),
    eindstand: count((s) => s.start <= b && (s.end === null || s.end > b)),
  };
}
