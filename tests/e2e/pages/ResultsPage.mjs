// What the room chose: per resource, today against everyone's average and
// each role's, as a chart and a table.
import { expect } from '@playwright/test';
import { AppPage } from './AppPage.mjs';
import { EN, AREAS as AREA_NAMES, escapeRegExp, fill } from '../fixtures.mjs';

const STATE_MONEY = EN.default_kinds.state_money;

export class ResultsPage extends AppPage {
  async open() {
    await this.visit('#/results');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.heading).toHaveText(EN.results.title);
  }

  /** Shows one resource's results, with the resource tabs. */
  async chooseResource(kindName) {
    await this.page.getByRole('navigation', { name: EN.allocate.kinds_label, exact: true }).getByRole('link', { name: kindName, exact: true }).tap();
    await expect(this.resource(kindName)).toBeVisible();
  }

  resource(kindName = STATE_MONEY) {
    return this.page.getByRole('region', { name: kindName, exact: true });
  }

  chart(kindName = STATE_MONEY) {
    return this.resource(kindName).getByRole('img', { name: fill(EN.results.chart_title, { kind: kindName }) });
  }

  table(kindName = STATE_MONEY) {
    return this.resource(kindName).getByRole('table', { name: fill(EN.results.table_caption, { kind: kindName }) });
  }

  /** The column of one role, by the name the table uses (e.g. 'Commissioners'). */
  roleColumn(roleLabel, kindName = STATE_MONEY) {
    return this.table(kindName).getByRole('columnheader', { name: new RegExp(`^${roleLabel}\\b`) });
  }

  /** The column headers' texts. */
  async columnHeaders(kindName = STATE_MONEY) {
    return (await this.table(kindName).getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The cells of one area's row, as shown. */
  async rowFor(areaName, kindName = STATE_MONEY) {
    const row = this.table(kindName).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: areaName, exact: true }) });
    return (await row.getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async recordTheAgreedDecision() {
    await this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(EN.results.to_decision)}`) }).tap();
  }

  /** The facilitator's controls for the room's screen. */
  roomControls() {
    return this.page.getByRole('region', { name: EN.room.heading, exact: true });
  }

  /** A switch of the room's screen, e.g. "Pause the projected picture". */
  roomSwitch(label) {
    return this.roomControls().getByRole('button', { name: label, exact: true });
  }

  /** Turns a switch on or off, and checks that it says so. */
  async setSwitch(label, on) {
    const sw = this.roomSwitch(label);
    if ((await sw.getAttribute('aria-pressed')) !== String(on)) await sw.tap();
    await expect(sw).toHaveAttribute('aria-pressed', String(on));
  }

  async hideResultsUntilIRevealThem(on = true) {
    await this.setSwitch(EN.room.hide_results, on);
  }

  async pauseTheProjectedPicture(on = true) {
    await this.setSwitch(EN.room.freeze, on);
  }

  /** The "Show <area>" button that reveals one area while results are hidden. */
  revealButton(areaName) {
    return this.roomControls().getByRole('button', {
      name: EN.room.reveal.replace('{{ area }}', areaName), exact: true,
    });
  }

  async reveal(areaName) {
    await this.revealButton(areaName).tap();
    await expect(this.revealButton(areaName)).toHaveAttribute('aria-pressed', 'true');
  }

  async showThePresenterViewHere() {
    await this.roomControls().getByRole('link', { name: EN.room.presenter_here, exact: true }).tap();
  }

  async passTheTabletMode() {
    await this.roomControls().getByRole('link', { name: EN.room.tablet_mode, exact: true }).tap();
  }

  /** The room's average share of an area, as the table shows it ("35.5%", without the amount). */
  async averageFor(areaName, kindName = STATE_MONEY) {
    await expect(this.table(kindName)).toBeVisible();
    const row = await this.rowFor(areaName, kindName);
    return row[1].split(' ')[0];
  }

  /** "Where the roles agree and divide": one sentence per area. */
  agreement(kindName = STATE_MONEY) {
    return this.resource(kindName).locator('.agreement li');
  }

  /** Picks what the room's screen leads with ("The fair split", …). */
  async roomScreenLeadsWith(label) {
    const choice = this.page.getByRole('group', { name: EN.room.lead_label }).getByRole('radio', { name: label, exact: true });
    await choice.tap();
    await expect(choice).toBeChecked();
  }

  /** A combined workshop's choice of whose results to show. */
  sessionChoice() {
    return this.page.getByLabel(EN.results.session_label, { exact: true });
  }

  /** Shows one session's results, by its option's words, or all (`null`). */
  async showSession(option) {
    await this.sessionChoice().selectOption({ label: option ?? EN.results.all_sessions });
  }

  /** The room's average, fair split and middle value of every area, as the table shows them. */
  async figures(kindName = STATE_MONEY) {
    await expect(this.table(kindName)).toBeVisible();
    const rows = await Promise.all(AREA_NAMES.map((area) => this.rowFor(area, kindName)));
    // Cells: today, average, each role's…, fair split, middle value, range.
    return {
      mean: rows.map((r) => r[1].split(' ')[0]),
      fair: rows.map((r) => r[r.length - 3].split(' ')[0]),
      median: rows.map((r) => r[r.length - 2]),
    };
  }
}
