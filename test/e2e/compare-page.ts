// What the compare e2e tests share: selectors for the compare tables (each row names itself with data-key, each
// cell its figure with data-figure), chart marks by layer name (renderer/compare/*Spec.ts name their layers, so
// bands and lines never count as schools or bars), the tabs, and the hand-built reference files of the region
// (population, leerplicht extract, a CBS StatLine table) whose figures are worked out in compare.e2e.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBsn } from '../fixtures/ijw-builder.js';
import { CHILDREN, EDE, VEENENDAAL, type ChildId } from '../fixtures/handworked.js';
import type { BrowserStack } from './browser.js';

export function comparePage(stack: BrowserStack) {
  const { page } = stack;
  const cellSel = (table: string, key: string, figure: string) => `table.${table} tr[data-key='${key}'] td[data-figure='${figure}']`;
  return {
    cell: (table: string, key: string, figure: string) => page.locator(cellSel(table, key, figure)).textContent({ timeout: 15_000 }),
    rows: (table: string) => page.locator(`table.${table} tbody tr[data-key]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key'))),
    marks: (chart: string, layer: string) => page.locator(`.${chart} g.${layer}_marks path`).count(),
    tab: (name: string) => page.getByRole('tab', { name, exact: true }),
    select: (label: string, value: string) => page.getByLabel(label, { exact: true }).selectOption(value),
  };
}

/** Every data cell of a CSV export as text (header row left out). */
export const bodyCells = (lines: string[][]) => lines.slice(1).flat();

// ---- hand-built reference files ------------------------------------------------------------------------
// Schools (DUO file 02 names): De Triangel (Ede), Sint Alexander (Ede), De Vuurvlinder (Veenendaal).
export const TRIANGEL = '23XP00';
export const ALEXANDER = '05GR00';
export const VUURVLINDER = '06MA00';
export const SCHOOL_YEAR = '2024-2025';

/** Pupils per school: the hand-worked children named, filled up with other pupils (valid test BSNs, no care). */
const SCHOOLS: { code: string; children: ChildId[]; pupils: number }[] = [
  { code: TRIANGEL, children: ['A', 'D', 'G', 'H', 'I', 'J'], pupils: 40 },
  { code: VUURVLINDER, children: ['K', 'L'], pupils: 20 },
  { code: ALEXANDER, children: ['B', 'C', 'E', 'F'], pupils: 30 },
];

export function writeReferenceFiles(dir: string): { population: string; leerplicht: string; cbs: string } {
  mkdirSync(dir, { recursive: true });
  // CBS population on 1 January: 0–17 and all ages (Totaal, for the size class). Same figures in 2023 and 2024.
  const population = join(dir, 'bevolking.csv');
  const pop = [
    ['Gemeente', 'Jaar', 'Leeftijd', 'Aantal'],
    ...['2023', '2024'].flatMap((y) => [[EDE, y, '0-17', '1400'], [EDE, y, 'Totaal', '120000'], [VEENENDAAL, y, '0-17', '500'], [VEENENDAAL, y, 'Totaal', '68000']]),
  ];
  writeFileSync(population, pop.map((r) => r.join(';')).join('\r\n') + '\r\n');
  // Leerplicht extract 2024-2025: 90 pupils.
  const leerplicht = join(dir, 'leerplicht.csv');
  let other = 100;
  const lines = ['BSN;Vestigingscode;Schooljaar'];
  for (const s of SCHOOLS) {
    for (const c of s.children) lines.push(`${CHILDREN[c].bsn};${s.code};${SCHOOL_YEAR}`);
    for (let i = s.children.length; i < s.pupils; i++) lines.push(`${testBsn(other++)};${s.code};${SCHOOL_YEAR}`);
  }
  writeFileSync(leerplicht, lines.join('\r\n') + '\r\n');
  // A CBS StatLine table as downloaded (85099NED style): every value quoted, RegioS padded, '.' = no figure.
  const cbs = join(dir, '85099NED_UntypedDataSet.csv');
  const row = (id: number, form: string, region: string, count: string, per1000: string) =>
    [String(id), form, region.padEnd(8, ' '), '2024JJ00', count.padStart(8, ' '), per1000.padStart(6, ' ')].map((v) => `"${v}"`).join(';');
  writeFileSync(
    cbs,
    [
      ['ID', 'VormenVanJeugdzorg', 'RegioS', 'Perioden', 'JongerenMetJeugdzorg_1', 'JongerenMetJeugdzorgPer1000Jongeren_2'].map((h) => `"${h}"`).join(';'),
      row(0, 'A045560', 'GM0228', '10', '7.1'),
      row(1, 'A045560', 'GM0345', '5', '10.0'),
      row(2, 'A045560', 'NL01', '450000', '120.3'),
      row(3, 'A027918', 'GM0228', '5', '3.6'),
      row(4, 'A027918', 'GM0345', '.', '.'),
      row(5, 'A027918', 'NL01', '45000', '12.0'),
    ].join('\r\n') + '\r\n',
  );
  return { population, leerplicht, cbs };
}
