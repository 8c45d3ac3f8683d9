// What the steering e2e tests share: the indicator card's figures and status, chart marks by layer name
// (renderer/steering/indicatorSpec.ts names them: 'points' is one dot per drawn month, never the target
// line), the month-close table, and the report printed to PDF and rendered to PNG pages with poppler.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, type BrowserStack } from './browser.js';

export function steeringPage(stack: BrowserStack) {
  const { page } = stack;
  const card = (name: string) => page.locator('article.indicator-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
  return {
    card,
    text: (name: string, selector: string) => card(name).locator(selector).first().textContent({ timeout: 10_000 }),
    status: (name: string) => card(name).locator('.status-badge').getAttribute('data-status', { timeout: 10_000 }),
    /** Drawn month dots of the card's chart (the 'points' layer; vega names its group "points_marks"). */
    points: (name: string) => card(name).locator('.indicator-chart g.points_marks path').count(),
    targetLines: (name: string) => card(name).locator('.indicator-chart g.target_marks path').count(),
    closedRow: (month: string) => page.locator(`table.months-table tr[data-month='${month}']`),
  };
}

/** Prints the page (print CSS) to `name`.pdf in the artifacts and renders each page to PNG at 60 dpi with
 *  pdftoppm; returns the PDF path, its text (pdftotext) and the PNG paths. */
export async function printToPdf(stack: BrowserStack, name: string): Promise<{ pdf: string; text: string; pngs: string[] }> {
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-page`)) rmSync(join(ARTIFACTS, f));
  await stack.page.emulateMedia({ media: 'print' });
  await stack.page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await stack.page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, `${name}-page`)]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pngs = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png')).sort().map((f) => join(ARTIFACTS, f));
  return { pdf, text, pngs };
}
