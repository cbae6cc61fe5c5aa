/**
 * The axe-core check the e2e suite runs on each main screen: WCAG 2.1 A/AA rules, and a screen
 * passes when nothing serious or critical is found (issue 6, "Accessibility"). The report names
 * each rule and the elements it flagged so a failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const blockingImpacts = new Set(['serious', 'critical']);

/** axe's failure summary starts with a heading line; the reason is the line after it. */
function firstReason(summary: string | undefined): string {
  return (summary ?? '').split('\n')[1]?.trim() ?? '';
}

/** One line per serious or critical violation: rule, impact, help text and up to 3 targets. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => blockingImpacts.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} [${firstReason(node.failureSummary)}]`)
          .join(', ')}`,
    );
}
