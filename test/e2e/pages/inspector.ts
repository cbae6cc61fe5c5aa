/** Page objects for the inspector: search, the document table, the document view, the audit tab. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SearchPage {
  readonly form: Locator;
  readonly hetu: Locator;
  readonly hetuFeedback: Locator;
  readonly submit: Locator;
  readonly hint: Locator;
  readonly progress: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Search documents' });
    this.hetu = this.form.getByLabel('Personal identity code (hetu)');
    this.hetuFeedback = this.form.locator('.field-feedback');
    this.submit = this.form.getByRole('button', { name: 'Search' });
    this.hint = page.getByRole('complementary', { name: 'Getting started' });
    this.progress = page.locator('.search-progress');
    this.error = page.locator('.search-failure').getByRole('alert');
  }

  async searchPatient(hetu: string): Promise<void> {
    await this.hetu.fill(hetu);
    await this.submit.click();
  }
}

export class DocumentTablePage {
  readonly grid: Locator;
  readonly rows: Locator;
  readonly globalFilter: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Documents' });
    this.rows = this.grid.locator('.table-body [role="row"]');
    this.globalFilter = page.getByLabel('Filter all columns');
  }

  async waitForRows(): Promise<number> {
    await expect(this.rows.first()).toBeVisible();
    return Number(await this.page.locator('.document-table').getAttribute('data-row-count'));
  }

  column(name: string): Locator {
    return this.grid.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  }

  /** Texts of one column's cells in the rows currently rendered, top to bottom. */
  async cellTexts(columnIndex: number): Promise<string[]> {
    return this.rows.evaluateAll(
      (rows, index) =>
        rows
          .map((row) => ({
            top: new DOMMatrix(getComputedStyle(row).transform).m42,
            text: row.querySelectorAll('[role="gridcell"]')[index]?.textContent ?? '',
          }))
          .sort((a, b) => a.top - b.top)
          .map((entry) => entry.text),
      columnIndex,
    );
  }
}

export class DocumentView {
  readonly heading: Locator;
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('#document-heading');
    this.tabs = page.getByRole('tablist', { name: 'Document views' });
  }

  tab(name: 'Metadata' | 'Content' | 'Narrative' | 'Versions'): Locator {
    return this.tabs.getByRole('tab', { name });
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel');
  }
}

export class AuditTab {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit records' });
    this.rows = this.table.locator('tbody tr');
  }
}
