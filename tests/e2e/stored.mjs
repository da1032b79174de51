// What a device has saved, read by the tests' own decoder (not the app's), so
// the stored format is checked from outside: the set-up piece (a working copy
// without ballots), the workshop's last change, the order of the ballots, and
// one compact ballot code (CP1-…) per key. See src/model/pieces.rs.

/** The set-up piece's key; the app writes it whenever it saves. */
export const SETUP_KEY = 'co-produce.workshop.v2';
const UPDATED_KEY = 'co-produce.updated.v2';
const ORDER_KEY = 'co-produce.order.v2';
const BALLOT_PREFIX = 'co-produce.ballot.v2.';
/**
 * Where earlier versions kept the whole record. The app reads a record put
 * there once, stores it in pieces and removes it, so tests seed a workshop here.
 */
export const SEED_KEY = 'co-produce.workshop.v1';

const ROLES = ['citizen', 'family_carer', 'commissioner', 'provider', 'community_organisation'];
const AREAS = ['own_home', 'accommodation', 'day_activities', 'leaving_hospital', 'whole_community'];
// In Principle::ALL and Rating::ALL order (src/model/partnership.rs).
const PRINCIPLES = ['shared_analysis', 'person_centred_design', 'leadership', 'shared_budgets_and_resources',
  'shared_interpretation_of_legislation', 'recognising_power_imbalances'];
const RATINGS = ['not_at_all', 'a_little', 'mostly', 'fully'];
// The first byte of a code: allocations only (1), then the partnership ratings
// (2), then also the participant's notes and agreements (3), then also the
// session of a combined workshop the ballot came from (4).
const LAYOUT_ALLOCATIONS = 1;
const LAYOUT_PARTNERSHIP = 2;
const LAYOUT_NOTES = 3;
const LAYOUT_SESSION = 4;
const NOTE_KINDS = ['good_life', 'like', 'dislike'];

/**
 * Reads a CP1- ballot code (layout: src/model/ballot_code.rs `encode_ballot`),
 * of either layout. `partnership` is present only when the code carries
 * ratings, as in the app's JSON.
 */
export function decodeBallotCode(code) {
  const bytes = Buffer.from(code.slice('CP1-'.length), 'base64url');
  let at = 0;
  const u8 = () => bytes[at++];
  const u16 = () => { const v = bytes.readUInt16BE(at); at += 2; return v; };
  const hex = (n) => { const v = bytes.subarray(at, at + n).toString('hex'); at += n; return v; };
  const text = () => {
    let n = u8();
    if (n === 255) n = u16();
    const v = bytes.subarray(at, at + n).toString('utf8'); at += n; return v;
  };
  const layout = u8();
  if (![LAYOUT_ALLOCATIONS, LAYOUT_PARTNERSHIP, LAYOUT_NOTES, LAYOUT_SESSION].includes(layout)) {
    throw new Error(`ballot code of another version: ${code}`);
  }
  const workshop_id = hex(16);
  const id = hex(16);
  const ms = bytes.readBigInt64BE(at); at += 8;
  const role = ROLES[u8()];
  const participant = text();
  const allocations = {};
  for (let k = u8(); k > 0; k--) {
    const kind = text();
    const areas = Object.fromEntries(AREAS.map((a) => [a, u16()]));
    const mask = u8();
    const locked = AREAS.filter((_, i) => mask & (1 << i));
    const models = {};
    for (let m = u8(); m > 0; m--) {
      const area = AREAS[u8()];
      const split = {};
      for (let s = u8(); s > 0; s--) { const model = text(); split[model] = u16(); }
      models[area] = split;
    }
    allocations[kind] = { areas, locked, models };
  }
  const ballot = { id, workshop_id, participant, role, allocations };
  const time = () => { const v = bytes.readBigInt64BE(at); at += 8; return new Date(Number(v)).toISOString(); };
  if (layout !== LAYOUT_ALLOCATIONS) {
    const partnership = {};
    for (let n = u8(); n > 0; n--) {
      const principle = PRINCIPLES[u8()];
      const rating = RATINGS[u8()];
      if (!principle || !rating) throw new Error(`ballot code with an unknown principle or rating: ${code}`);
      partnership[principle] = rating;
    }
    // Left out of the app's JSON when empty (only layouts 3 and 4 may hold none).
    if (Object.keys(partnership).length > 0 || layout === LAYOUT_PARTNERSHIP) ballot.partnership = partnership;
  }
  if (layout >= LAYOUT_NOTES) {
    const notes = [];
    for (let n = u8(); n > 0; n--) {
      const noteId = hex(16);
      const area = AREAS[u8()];
      const kind = NOTE_KINDS[u8()];
      const updated = time();
      notes.push({ id: noteId, area, kind, text: text(), updated_at: updated });
    }
    const agrees = [];
    for (let n = u16(); n > 0; n--) agrees.push(hex(16));
    if (notes.length > 0) ballot.notes = notes;
    if (agrees.length > 0) ballot.agrees = agrees;
  }
  if (layout === LAYOUT_SESSION) ballot.session = hex(16);
  if (at !== bytes.length - 4) throw new Error(`ballot code with ${bytes.length - 4 - at} bytes left over`);
  return { ...ballot, updated_at: new Date(Number(ms)).toISOString() };
}

/** Puts the saved record together from a snapshot of local storage ({key: value}). */
export function recordFromStorage(items) {
  if (items[SEED_KEY]) return JSON.parse(items[SEED_KEY]);
  if (!items[SETUP_KEY]) return null;
  const record = JSON.parse(items[SETUP_KEY]);
  record.workshop.updated_at = items[UPDATED_KEY];
  const order = (items[ORDER_KEY] || '').split(',').filter(Boolean);
  record.workshop.ballots = order.map((id) => decodeBallotCode(items[BALLOT_PREFIX + id]));
  return record;
}

/** Everything of the app's in the page's local storage, as {key: value}. */
export async function storageItems(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('co-produce.'))
    .map((k) => [k, localStorage.getItem(k)])));
}

/** The record this page's device has saved (null when nothing is). */
export async function savedRecord(page) {
  return recordFromStorage(await storageItems(page));
}
