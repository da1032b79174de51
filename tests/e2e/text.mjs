// The app's words, from the locale files, and the helpers that fill in their
// placeholders. Kept free of Playwright so any script can import it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every UI string, so the tests follow the wording in locales/en.json. */
export const EN = JSON.parse(readFileSync(join(import.meta.dirname, '../../locales/en.json'), 'utf8'));
/** The same strings in Welsh (locales/cy.json). */
export const CY = JSON.parse(readFileSync(join(import.meta.dirname, '../../locales/cy.json'), 'utf8'));

// Placeholders as the locale files write them: "Step {{ n }} of {{ total }}",
// and "line {line}" in the problem.* sentences, which the app fills itself.
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}|\{([a-z_]+)\}/g;

/**
 * A locale string with its placeholders filled in, as the app shows it:
 * fill(EN.walk.step_of, { n: 2, total: 5 }) is "Step 2 of 5". A placeholder
 * without a value is a mistake in the test, so it throws.
 */
export function fill(template, values = {}) {
  return template.replace(PLACEHOLDER, (whole, double, single) => {
    const name = double ?? single;
    if (!(name in values)) throw new Error(`no value for ${whole} in "${template}"`);
    return String(values[name]);
  });
}

/** Text to match literally inside a RegExp. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A RegExp that matches a locale string whatever fills its placeholders (or
 * the given pattern for some of them): textPattern(EN.participants.list_heading,
 * { count: '\\d+' }, { whole: true }) matches "Taking part (3)" and nothing longer.
 */
export function textPattern(template, patterns = {}, { whole = false, start = false } = {}) {
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, m.index)) + (patterns[m[1] ?? m[2]] ?? '.+?');
    last = m.index + m[0].length;
  }
  source += escapeRegExp(template.slice(last));
  return new RegExp(`${whole || start ? '^' : ''}${source}${whole ? '$' : ''}`);
}
