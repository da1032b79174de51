// What every screen shares: the title bar with the workshop's name, the main
// navigation, the storage banner and the app's start-up.
import { expect } from '@playwright/test';
import { EN } from '../text.mjs';

export class AppPage {
  /**
   * @param {import('@playwright/test').Page} page
   * @param {object} t the words of the language the screen is in (EN or CY)
   */
  constructor(page, t = EN) {
    this.page = page;
    this.t = t;
    this.banner = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: t.nav.label, exact: true });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /**
   * Opens a screen by its address (e.g. '#/area/3') and waits for the app to
   * draw it. When the app is already open only the fragment changes, as when
   * a link inside the app is followed; otherwise the page must load (200).
   */
  async visit(hash = '') {
    const response = await this.page.goto(`./${hash}`);
    if (response) expect(response.status(), `loading ./${hash}`).toBe(200);
    // index.html's first screen has a heading too; the app's comes once it has gone.
    await expect(this.page.locator('#splash')).toHaveCount(0);
    await expect(this.heading).toBeVisible();
    return response;
  }

  /** Opens a copied link as a new page load (typed into the address bar of a new tab). */
  async openLink(hash) {
    const response = await this.visit(hash);
    expect(response, `${hash} loads as a page`).not.toBeNull();
    return response;
  }

  /** The workshop's name as the title bar shows it. */
  async workshopNameShown() {
    return (await this.banner.locator('.workshop-name').textContent()).trim();
  }

  /** Goes to a screen with the main navigation, by touch. */
  async goTo(section) {
    await this.nav.getByRole('link', { name: section, exact: true }).tap();
  }

  /** Switches the interface to the language of `t` (EN or CY) with its button. */
  async chooseLanguage(t) {
    await this.page.getByRole('button', { name: t.device.language_name, exact: true }).tap();
    await expect(this.page.locator('html')).toHaveAttribute('lang', t === EN ? 'en' : 'cy');
    this.t = t;
    this.nav = this.page.getByRole('navigation', { name: t.nav.label, exact: true });
  }

  /** The warning shown when the saved workshop could not be read. */
  storageWarning() {
    return this.page.getByRole('alert').filter({ hasText: EN.save.corrupt_title });
  }

  /** The part of the address after '#'. */
  hash() {
    return new URL(this.page.url()).hash;
  }
}

/** Reads "24", "24.5" or "24.25%" as basis points. */
export function toBp(text) {
  const t = String(text).trim().replace('%', '');
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}
