// axe-core in the page under test: `await expectAccessible(page, 'pivot')` fails on any serious or critical
// violation and names each one (rule, impact, the elements' selectors) so the failure says what to fix.
// The app's CSP allows only script-src 'self', so axe is not added as an inline <script> (that would be blocked
// and recorded as a CSP violation); its source is run through the DevTools protocol, which CSP does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core's default rule set (WCAG 2.x A/AA and best practices) over the whole page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/** Zero serious or critical violations on the page as it is now; `label` names the state in the failure. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length === 0) return;
  const lines = bad.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … and ${v.targets.length - 8} more` : ''}`);
  throw new Error(`axe-core: ${bad.length} serious/critical violation(s) on ${label}:\n${lines.join('\n')}`);
}
