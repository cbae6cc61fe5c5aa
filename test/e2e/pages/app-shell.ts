/** Page object for the application shell: the one place that knows its selectors. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppShell {
  readonly title: Locator;
  readonly version: Locator;
  readonly environments: Locator;
  readonly statusBar: Locator;
  readonly aboutButton: Locator;
  readonly aboutDialog: Locator;
  readonly activeEnvironment: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.title = page.getByRole('heading', { level: 1, name: 'Archivist' });
    this.version = page.locator('.app-version');
    this.environments = page.getByRole('navigation', { name: 'Environments' });
    this.statusBar = page.locator('.status-bar');
    this.aboutButton = page.getByRole('button', { name: 'About' });
    this.aboutDialog = page.getByRole('dialog', { name: /Archivist/ });
    this.activeEnvironment = page.getByLabel('Environment in use');
  }

  /** Opens the app and waits until it has loaded its data (the ready signal, not a sleep). */
  async open(url = this.url): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('.app[data-state]')).not.toHaveAttribute(
      'data-state',
      'loading',
    );
  }
}
