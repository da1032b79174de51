// The walk-through: one step per area with the good-life question, likes and
// dislikes, today's spend and the evidence-based models.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';

export class WalkthroughPage extends AppPage {
  async open(step) {
    await this.visit(`#/area/${step}`);
  }

  /** Checks the screen is step `n` for `areaName`. */
  async expectStep(n, areaName) {
    await expect(this.page).toHaveURL(new RegExp(`#/area/${n}$`));
    await expect(this.page.getByText(`Step ${n} of 5`, { exact: true })).toBeVisible();
    await expect(this.heading).toHaveText(areaName);
    const steps = this.page.getByRole('navigation', { name: 'Walk-through steps' });
    await expect(steps.getByRole('link', { name: new RegExp(areaName) })).toHaveAttribute('aria-current', 'step');
  }

  async answerTheGoodLifeQuestion(text) {
    await this.page.getByLabel("The room's answer").fill(text);
  }

  likesList() {
    return this.page.getByRole('region', { name: 'What people like today' });
  }

  dislikesList() {
    return this.page.getByRole('region', { name: 'What people do not like today' });
  }

  async addLike(text) {
    await this.likesList().getByRole('textbox', { name: 'Something people like' }).fill(text);
    await this.likesList().getByRole('button', { name: 'Add', exact: true }).tap();
  }

  async addDislike(text) {
    await this.dislikesList().getByRole('textbox', { name: 'Something people do not like' }).fill(text);
    await this.dislikesList().getByRole('button', { name: 'Add', exact: true }).tap();
  }

  /** The notes listed in a likes or dislikes card. */
  async notesIn(list) {
    return (await list.getByRole('listitem').locator('.note-text').allTextContents()).map((t) => t.trim());
  }

  /** "Spent on this area today" figures. */
  todaysSpend() {
    return this.page.getByRole('region', { name: 'Spent on this area today' });
  }

  modelCards() {
    return this.page.getByRole('region', { name: 'Ways of working that have evidence behind them' }).getByRole('article');
  }

  /** Opens every model card's sources; returns per card its name and how many sources it lists. */
  async readModelSources() {
    const cards = this.modelCards();
    const n = await cards.count();
    const out = [];
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const name = (await card.getByRole('heading', { level: 3 }).textContent()).trim();
      await card.getByText('Sources', { exact: true }).tap();
      const sources = card.getByRole('group').getByRole('listitem');
      await expect(sources.first(), `sources of ${name}`).toBeVisible();
      out.push({ name, sources: await sources.count(), costs: await card.getByText('Costs', { exact: true }).isVisible() });
    }
    return out;
  }

  async nextArea() {
    await this.page.getByRole('link', { name: /^Next area/ }).tap();
  }

  async back() {
    await this.page.getByRole('link', { name: /Back$/ }).tap();
  }

  async nowDivideTheResources() {
    await this.page.getByRole('link', { name: /^Now divide the resources/ }).tap();
  }
}
