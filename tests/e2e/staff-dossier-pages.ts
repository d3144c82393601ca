// Page helpers of the staff dossier screens (inbox counts, the dossier page and its action forms), shared by the desk
// journeys and the full lifecycle journey.
import type { Locator, Page } from 'playwright-core';

export interface DossierRef {
  id: string;
  code: string;
}

/** Opens a Mantine select by its label inside `scope`, optionally types, and picks the option. */
export async function pick(page: Page, scope: Page | Locator, label: string, option: string | RegExp, type?: string) {
  // By role: a select's list of options carries the same label as its input.
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = scope.getByRole('combobox', { name: new RegExp(`^${escaped}( \\*)?$`) });
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits for the dossier page to show exactly `label` as the state. */
export async function expectState(page: Page, label: string) {
  await page.getByTestId('dossier-state').getByText(label, { exact: true }).waitFor();
}

/** Takes an action from the dossier page: opens its form, lets `fill` complete it, confirms, and waits for the form to close. */
export async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId('dossier-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** From the inbox: the count card filters the list, then the dossier's row opens it. */
export async function openFromCount(page: Page, card: string, urlPart: RegExp, dossier: DossierRef) {
  await page.goto('/staff/dossiers');
  await page.getByTestId('dossier-counts').getByRole('button', { name: new RegExp(`^${card}`) }).click();
  await page.waitForURL(urlPart);
  await page.getByTestId('dossier-table').locator(`tr[data-code="${dossier.code}"]`).getByRole('link').click();
  await page.waitForURL(`**/staff/dossiers/${dossier.id}`);
  await page.getByTestId('dossier-timeline').waitFor();
}
