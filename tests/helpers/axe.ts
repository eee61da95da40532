import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core for the accessibility sweeps, put into the page once and then run as often as needed.
// @axe-core/playwright's AxeBuilder injects the whole library again on every run, which costs about
// half a second; a sweep over 120 slides runs axe far more often than the other tests do. axe-core is
// the version @axe-core/playwright brings along.

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeScope {
  /** CSS selectors of what to check; those that match nothing are left out. Default: the whole page. */
  include?: string[];
  exclude?: string[];
  /** Rules that are off on purpose, with the reason (the reason is for the reader of the test). */
  exceptions?: Record<string, string>;
}

/** axe-core's violations on the page, one line each: rule, what it asks, and the elements. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  // page.evaluate is not bound by the page's Content-Security-Policy, unlike a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: WCAG21_AA },
    resultTypes: ['violations'],
    rules: Object.fromEntries(Object.keys(scope.exceptions ?? {}).map((rule) => [rule, { enabled: false }])),
  };
  const violations = await page.evaluate(
    async ({ include, exclude, options }) => {
      const present = (selectors: string[]) => selectors.filter((selector) => document.querySelector(selector));
      const context =
        include === undefined
          ? { exclude: present(exclude).map((selector) => [selector]) }
          : {
              include: present(include).map((selector) => [selector]),
              exclude: present(exclude).map((selector) => [selector]),
            };
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
      const results = await axe.run(context, options);
      return results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map(
          (node) =>
            `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
        ),
      }));
    },
    { include: scope.include, exclude: scope.exclude ?? [], options },
  );
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.join('; ')})`);
}
