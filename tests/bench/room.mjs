// A made-up room for the benchmarks: n participants of every role, each with a
// random split of every kind of the workshop.
const ROLES = ['citizen', 'family_carer', 'commissioner', 'provider', 'community_organisation'];
const AREAS = ['own_home', 'accommodation', 'day_activities', 'leaving_hospital', 'whole_community'];

function hex(n) {
  return [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
}

/** A split of 10,000 basis points across the five areas. */
function split() {
  const w = AREAS.map(() => 1 + Math.floor(Math.random() * 100));
  const sum = w.reduce((a, b) => a + b, 0);
  const bp = w.map((x) => Math.floor((x * 10000) / sum));
  bp[0] += 10000 - bp.reduce((a, b) => a + b, 0);
  return Object.fromEntries(AREAS.map((a, i) => [a, bp[i]]));
}

/** `count` ballots for `workshop`, named "Person 0000" on (`digits` wide). */
export function madeUpBallots(workshop, count, digits = 4) {
  const now = new Date().toISOString();
  return [...Array(count)].map((_, i) => ({
    id: hex(32),
    workshop_id: workshop.id,
    participant: `Person ${String(i).padStart(digits, '0')}`,
    role: ROLES[i % ROLES.length],
    allocations: Object.fromEntries(workshop.kinds.map((k) => [k.id, { areas: split(), locked: [], models: {} }])),
    updated_at: now,
  }));
}
