/** Page object for the Environments screen (renderer/src/environments): its one set of selectors. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EnvironmentsScreen {
  readonly dialog: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Environments' });
    this.form = this.dialog.locator('form.profile-form');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Environments' })
      .getByRole('button', { name: 'Manage environments…' })
      .click();
    await expect(this.dialog.getByRole('button', { name: 'New profile…' })).toBeVisible();
  }

  entry(displayName: string): Locator {
    return this.dialog.getByRole('listitem', { name: displayName });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** Opens a new profile's form and fills what every profile has: name, display name, kind. */
  async newProfile(name: string, displayName: string, kind: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'New profile…' }).click();
    await this.field('Name (used as --env NAME)').fill(name);
    await this.field('Display name').fill(displayName);
    await this.field('Kind').selectOption(kind);
  }

  /** Chooses a file; the harness has no dialog, so it is named inside local-files/. */
  async chooseFile(groupLabel: string, fileName: string): Promise<void> {
    const group = this.form.getByRole('group', { name: groupLabel });
    await group.getByRole('button', { name: 'Choose…' }).click();
    await group.getByLabel('Name in that folder').fill(fileName);
    await group.getByRole('button', { name: /^Use this/ }).click();
    await expect(group.locator('.file-choice-path')).toContainText(fileName);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save profile' }).click();
  }
}
