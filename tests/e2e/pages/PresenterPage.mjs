// The room's screen on a projector: per area today's split against the
// room's average and each role's, how far people who use support and
// commissioners are apart, and how many have taken part. It follows the
// facilitator's window live.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN } from '../fixtures.mjs';

export class PresenterPage extends AppPage {
  /** Opens the projector view, of one resource or of the first. */
  async open(kindId) {
    await this.visit(kindId ? `#/present/${kindId}` : '#/present');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.locator('.presenter')).toBeVisible();
    await expect(this.page.locator('.presenter-panel')).toHaveCount(5);
  }

  /** "3 people or tables have divided the resources". */
  count() {
    return this.page.locator('.presenter-count');
  }

  /** The words the count shows for `n` people. */
  static countText(n) {
    return EN.presenter.count.replace('{{ count }}', String(n));
  }

  /** The note shown while the facilitator has paused the picture. */
  pausedNote() {
    return this.page.getByText(EN.presenter.frozen, { exact: true });
  }

  /** One area's panel, by the area's name. */
  panel(areaName) {
    return this.page.locator('.presenter-panel')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: areaName, exact: true }) });
  }

  /** Panels that say "Hidden until the facilitator shows it." */
  hiddenPanels() {
    return this.page.locator('.presenter-panel').filter({ hasText: EN.presenter.hidden });
  }

  /** An area's chart ("Support in your own home: today against the room's choices"). */
  chart(areaName) {
    return this.panel(areaName).getByRole('img', {
      name: EN.presenter.chart_title.replace('{{ area }}', areaName), exact: true,
    });
  }

  /**
   * The figure printed at the end of one bar of an area's chart, e.g. the
   * "Everyone" bar of "Support in your own home" → "36%"; null when there is
   * no such bar. (The chart is one image to a screen reader, so its text is
   * read from the rows themselves.)
   */
  async barValue(areaName, barLabel = EN.presenter.everyone) {
    return this.panel(areaName).evaluate((panel, label) => {
      // Each bar is a label, its bar and its value, side by side (ui/room_bars.rs).
      const name = [...panel.querySelectorAll('.room-bar-label')].find((l) => l.textContent.trim() === label);
      return name ? name.nextElementSibling.nextElementSibling.textContent.trim() : null;
    }, barLabel);
  }

  /** The sentence under an area's chart on how far two roles are apart. */
  gapSentence(areaName) {
    return this.panel(areaName).locator('.gap');
  }

  /**
   * Starts noting, inside the page, the moment each change of the count or
   * of one bar's figure reaches the screen (a MutationObserver, so it sees
   * the DOM change as it happens, without polling). For the benchmark
   * tests/bench/presenter-follow.bench.mjs: tests assert no times.
   */
  async startTimingChanges(areaName, barLabel = EN.presenter.everyone) {
    await this.page.evaluate(({ areaName, barLabel }) => {
      const snapshot = () => {
        const panel = [...document.querySelectorAll('.presenter-panel')]
          .find((p) => p.querySelector('h2')?.textContent.trim() === areaName);
        const name = panel && [...panel.querySelectorAll('.room-bar-label')]
          .find((l) => l.textContent.trim() === barLabel);
        return {
          count: document.querySelector('.presenter-count')?.textContent.trim() ?? null,
          bar: name ? name.nextElementSibling.nextElementSibling.textContent.trim() : null,
        };
      };
      let last = snapshot();
      window.__presenterChanges = [{ t: Date.now(), ...last }];
      new MutationObserver(() => {
        const now = snapshot();
        if (now.count !== last.count || now.bar !== last.bar) {
          window.__presenterChanges.push({ t: Date.now(), ...now });
          last = now;
        }
      }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
    }, { areaName, barLabel });
  }

  /** Every change noted so far: [{ t, count, bar }]. */
  async timedChanges() {
    return this.page.evaluate(() => window.__presenterChanges);
  }

  /** Marks this document; a reload would lose the mark (see stillTheSameDocument). */
  async markThisDocument() {
    await this.page.evaluate(() => { window.__sameDocument = true; });
  }

  /** Whether this is still the document markThisDocument marked (no reload since). */
  async stillTheSameDocument() {
    return this.page.evaluate(() => window.__sameDocument === true);
  }

  /** The headlines the screen leads with when the facilitator chooses them. */
  headlines() {
    return this.page.locator('.presenter-headlines li');
  }
}
