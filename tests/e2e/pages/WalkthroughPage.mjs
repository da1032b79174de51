// The walk-through: one step per area with the good-life question, likes and
// dislikes, today's spend and the evidence-based models.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN, escapeRegExp, fill } from '../fixtures.mjs';

export class WalkthroughPage extends AppPage {
  async open(step) {
    await this.visit(`#/area/${step}`);
  }

  /** Checks the screen is step `n` for `areaName`. */
  async expectStep(n, areaName) {
    await expect(this.page).toHaveURL(new RegExp(`#/area/${n}$`));
    await expect(this.page.getByText(fill(EN.walk.step_of, { n, total: 5 }), { exact: true })).toBeVisible();
    await expect(this.heading).toHaveText(areaName);
    const steps = this.page.getByRole('navigation', { name: EN.walk.progress_label });
    await expect(steps.getByRole('link', { name: new RegExp(areaName) })).toHaveAttribute('aria-current', 'step');
  }

  async answerTheGoodLifeQuestion(text) {
    await this.page.getByLabel(EN.walk.good_life_answer).fill(text);
  }

  likesList() {
    return this.page.getByRole('region', { name: EN.walk.likes });
  }

  dislikesList() {
    return this.page.getByRole('region', { name: EN.walk.dislikes });
  }

  async addLike(text) {
    await this.likesList().getByRole('textbox', { name: EN.walk.add_like, exact: true }).fill(text);
    await this.likesList().getByRole('button', { name: EN.common.add, exact: true }).tap();
  }

  async addDislike(text) {
    await this.dislikesList().getByRole('textbox', { name: EN.walk.add_dislike, exact: true }).fill(text);
    await this.dislikesList().getByRole('button', { name: EN.common.add, exact: true }).tap();
  }

  /** The notes listed in a likes or dislikes card. */
  async notesIn(list) {
    return (await list.getByRole('listitem').locator('.note-text').allTextContents()).map((t) => t.trim());
  }

  /** "Spent on this area today" figures. */
  todaysSpend() {
    return this.page.getByRole('region', { name: EN.walk.today });
  }

  modelCards() {
    return this.page.getByRole('region', { name: EN.walk.models }).getByRole('article');
  }

  /** Opens every model card's sources; returns per card its name and how many sources it lists. */
  async readModelSources() {
    const cards = this.modelCards();
    const n = await cards.count();
    const out = [];
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const name = (await card.getByRole('heading', { level: 3 }).textContent()).trim();
      await card.getByText(EN.walk.sources, { exact: true }).tap();
      // The positive signal that the tap landed: the disclosure is open.
      await expect(card.locator('details.sources'), `sources of ${name} open when tapped`).toHaveAttribute('open', '');
      const sources = card.getByRole('group').getByRole('listitem');
      await expect(sources.first(), `sources of ${name}`).toBeVisible();
      out.push({ name, sources: await sources.count(), costs: await card.getByText(EN.walk.costs, { exact: true }).isVisible() });
    }
    return out;
  }

  async nextArea() {
    await this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(EN.walk.next)}`) }).tap();
  }

  async back() {
    await this.page.getByRole('link', { name: new RegExp(`${escapeRegExp(EN.walk.back)}$`) }).tap();
  }

  async nowDivideTheResources() {
    await this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(EN.walk.to_allocation)}`) }).tap();
  }
}
