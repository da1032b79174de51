// The printable summary for commissioners: per resource the chart and the
// figures, the agreed decision and its reasons, and the room's notes.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN } from '../fixtures.mjs';

export class PrintPage extends AppPage {
  async open() {
    await this.visit('#/print');
    await expect(this.printButton()).toBeVisible();
  }

  printButton() {
    return this.page.getByRole('button', { name: EN.print.print, exact: true });
  }

  /** Shows the page as the printer would get it. */
  async asPrinted() {
    await this.page.emulateMedia({ media: 'print' });
  }

  async onScreen() {
    await this.page.emulateMedia({ media: 'screen' });
  }
}
