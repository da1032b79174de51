// The control that divides one resource across the five areas (used on
// set-up, allocation and decision): per area a slider, − and + buttons, a
// typed percentage and, when allowed, a lock.
import { expect } from '@playwright/test';
import { toBp } from './AppPage.mjs';

import { AREAS as AREA_NAMES, EN, fill } from '../fixtures.mjs';

export { AREA_NAMES };

/** Basis points as the app prints them: "24%", "24.5%", "24.25%". */
export function formatBp(bp) {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  if (frac === 0) return `${whole}%`;
  if (frac % 10 === 0) return `${whole}.${frac / 10}%`;
  return `${whole}.${String(frac).padStart(2, '0')}%`;
}

export class ShareEditor {
  /**
   * @param {import('@playwright/test').Page} page
   * @param {import('@playwright/test').Locator} scope the card holding the editor
   */
  constructor(page, scope) {
    this.page = page;
    this.scope = scope;
  }

  slider(area) {
    return this.scope.getByRole('slider', { name: area, exact: true });
  }

  typedField(area) {
    return this.scope.getByRole('textbox', { name: fill(EN.allocate.typed_label, { area }), exact: true });
  }

  lessButton(area) {
    return this.scope.getByRole('button', { name: fill(EN.allocate.less, { area }), exact: true });
  }

  moreButton(area) {
    return this.scope.getByRole('button', { name: fill(EN.allocate.more, { area }), exact: true });
  }

  lockButton(area) {
    return this.scope.getByRole('button', { name: fill(EN.allocate.lock_label, { area }), exact: true });
  }

  /** An area's share in basis points, from its typed field. */
  async shareOf(area) {
    return toBp(await this.typedField(area).inputValue());
  }

  /** All five shares in basis points, from the typed fields. */
  async shares() {
    const out = [];
    for (const area of AREA_NAMES) out.push(await this.shareOf(area));
    return out;
  }

  /** The five big percentages printed beside the area names. */
  async bigPercents() {
    const texts = await this.scope.locator('.share-row .share-pct').allTextContents();
    return texts.map(toBp);
  }

  /** The slider's own value, in basis points. */
  async sliderValue(area) {
    return Number(await this.slider(area).inputValue());
  }

  /** Every figure on screen adds up to 100% and they all agree with each other. */
  async expectWhole() {
    const typed = await this.shares();
    const big = await this.bigPercents();
    expect(typed.reduce((a, b) => a + b, 0), `typed shares ${typed} add up to 100%`).toBe(10000);
    expect(big, 'the big percentages match the typed ones').toEqual(typed);
    for (const [i, area] of AREA_NAMES.entries()) {
      // A range input snaps its value to its step (half a point); what it
      // announces must be the exact share.
      const slider = this.slider(area);
      expect(Math.abs((await this.sliderValue(area)) - typed[i]), `${area} slider sits at its share`).toBeLessThanOrEqual(25);
      expect(await slider.getAttribute('aria-valuetext'), `${area} slider announces its share`)
        .toContain(`${area}, ${formatBp(typed[i])},`);
    }
    return typed;
  }

  /** Moves a slider with the arrow keys (each press is half a point). */
  async nudgeSlider(area, presses, key = 'ArrowRight') {
    const slider = this.slider(area);
    await slider.focus();
    for (let i = 0; i < presses; i++) await slider.press(key);
  }

  /** Drags a slider to a percentage (sets its value as a drag would). */
  async slideTo(area, percent) {
    await this.slider(area).fill(String(Math.round(percent * 100)));
  }

  async tapMore(area) {
    await this.moreButton(area).tap();
  }

  async tapLess(area) {
    await this.lessButton(area).tap();
  }

  /** Types a percentage and moves on, as a person would. */
  async type(area, text) {
    const field = this.typedField(area);
    await field.fill(String(text));
    await field.press('Tab');
  }

  async lock(area) {
    await this.lockButton(area).tap();
    await expect(this.lockButton(area)).toHaveAttribute('aria-pressed', 'true');
  }

  async unlock(area) {
    await this.lockButton(area).tap();
    await expect(this.lockButton(area)).toHaveAttribute('aria-pressed', 'false');
  }

  /** The amount and change line under an area ("£4,200,000 per year +£700,000 (+20%) compared with today"). */
  figures(area) {
    return this.scope.locator('.share-row').filter({ has: this.page.getByRole('slider', { name: area, exact: true }) }).locator('.share-figures');
  }
}
