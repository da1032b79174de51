// What the room's screen tests measure: whether everything fits one screen
// with text large enough to read from the back of a hall.

/** What does not fit: the page scrolls, or text is cut off, overlaps a bar, or is too small. */
export function measure(page, minPx) {
  return page.evaluate((minPx) => {
    const problems = [];
    const root = document.scrollingElement;
    if (root.scrollHeight > innerHeight + 1) problems.push(`the page scrolls: ${root.scrollHeight}px tall in ${innerHeight}px`);
    if (root.scrollWidth > innerWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in ${innerWidth}px`);
    let smallest = { px: Infinity, what: '' };
    let checked = 0;
    for (const el of document.querySelectorAll('.presenter *')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (!text || !el.checkVisibility({ checkOpacity: true, visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement && el.ownerSVGElement) {
        const svg = el.ownerSVGElement;
        px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      }
      const what = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text.slice(0, 30)}"`;
      checked++;
      if (px < smallest.px) smallest = { px, what };
      if (px < minPx - 0.5) problems.push(`${what}: ${px.toFixed(1)}px`);
      if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.left < -1 || r.top < -1) {
        problems.push(`${what} is off the screen: ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))}`);
      }
      // Text cut off by a box that hides what does not fit.
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const b = box.getBoundingClientRect();
        if (getComputedStyle(box).overflow !== 'visible' && (r.bottom > b.bottom + 1 || r.right > b.right + 1)) {
          problems.push(`${what} is cut off by ${box.tagName.toLowerCase()}.${[...box.classList].join('.')}`);
          break;
        }
      }
    }
    // A bar's label ends before its bar starts, and every bar has room to show.
    for (const label of document.querySelectorAll('.presenter .room-bar-label')) {
      const track = label.nextElementSibling.getBoundingClientRect();
      if (label.getBoundingClientRect().right > track.left + 1) problems.push(`the label "${label.textContent}" runs into its bar`);
      if (track.width < innerWidth / 20) problems.push(`the bar beside "${label.textContent}" is only ${Math.round(track.width)}px wide`);
    }
    // Each area and the join code keep to their own cell.
    for (const cell of document.querySelectorAll('.presenter-grid > *')) {
      if (cell.scrollHeight > cell.clientHeight + 1 || cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`"${cell.textContent.slice(0, 30)}" needs ${cell.scrollWidth}×${cell.scrollHeight}px in a cell of ${cell.clientWidth}×${cell.clientHeight}px`);
      }
    }
    return { problems, smallest: `${smallest.what}: ${smallest.px.toFixed(1)}px`, checked };
  }, minPx);
}
