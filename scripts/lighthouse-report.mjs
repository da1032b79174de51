// Runs Lighthouse (mobile profile, its default) on a built Co-produce and prints
// the performance, accessibility and best-practices scores per screen, then
// every audit that is not passed. A report, not a test: it exits 0 whatever
// the scores. Called by scripts/lighthouse.sh, which says how to use it.
//
//   node scripts/lighthouse-report.mjs [DIST] [#/route ...]
//   env: CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_OUT (JSON reports'
//   folder, default target/lighthouse), GZIP=1 (serve compressed, as most hosts do),
//   RUNS=n (n runs per screen; the run with the median performance score is shown)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dist = resolve(args[0] && !args[0].startsWith('#') ? args.shift() : join(root, 'dist'));
const routes = args.length ? args : ['#/setup', '#/area/1', '#/participants'];
const out = resolve(process.env.LIGHTHOUSE_OUT || join(root, 'target/lighthouse'));
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const runs = Math.max(1, Number(process.env.RUNS || 1));
const categories = ['performance', 'accessibility', 'best-practices'];
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No build in ${dist}: run \`trunk build --release\` first (with node_modules/.bin on PATH).`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

/** Starts tests/e2e/static-server.mjs on a free 127.0.0.1 port; resolves with it and the app's address. */
function serve() {
  const server = spawn(process.execPath, [join(root, 'tests/e2e/static-server.mjs')], {
    env: { ...process.env, PORT: '0', DIST: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    server.on('exit', (code) => fail(new Error(`the static server stopped (${code})`)));
    server.stdout.once('data', (line) => {
      const url = /https?:\/\/\S+/.exec(String(line))?.[0];
      url ? ok({ server, url }) : fail(new Error(`unexpected: ${line}`));
    });
  });
}

function run(cmd, argv, env) {
  return new Promise((ok) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => ok({ code, stderr }));
  });
}

const { server, url } = await serve();
const results = [];
try {
  for (const route of routes) {
    const name = route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    const done = [];
    for (let n = 1; n <= runs; n++) {
      const file = join(out, runs > 1 ? `${name}.${n}.json` : `${name}.json`);
      process.stderr.write(`Lighthouse ${n}/${runs}: ${url}${route} ...\n`);
      const { code, stderr } = await run(join(root, 'node_modules/.bin/lighthouse'), [
        url + route,
        '--output=json', `--output-path=${file}`, '--quiet',
        `--only-categories=${categories.join(',')}`,
        `--chrome-flags=${chromeFlags.join(' ')}`,
      ], { CHROME_PATH: chrome });
      if (code !== 0 || !existsSync(file)) {
        console.log(`${route}: Lighthouse failed (exit ${code})\n${stderr.trim().split('\n').slice(-8).join('\n')}`);
        continue;
      }
      done.push({ route, file, lhr: JSON.parse(readFileSync(file, 'utf8')) });
    }
    if (!done.length) continue;
    const perf = (r) => r.lhr.categories.performance?.score ?? 0;
    done.sort((a, b) => perf(a) - perf(b));
    results.push({ ...done[Math.floor((done.length - 1) / 2)], all: done.map(perf) });
  }
} finally {
  server.kill();
}

const pct = (score) => (score == null ? '  –' : String(Math.round(score * 100)).padStart(3));
const width = Math.max(8, ...results.map((r) => r.route.length));
console.log(`\nLighthouse ${results[0]?.lhr.lighthouseVersion ?? ''}, mobile profile, ${url}`
  + (process.env.GZIP === '1' ? ' (served gzip-compressed)' : ' (served uncompressed)'));
console.log(`${'screen'.padEnd(width)}  perf  a11y  best   FCP     LCP     TBT    CLS    SI`
  + (runs > 1 ? `      (median of ${runs} runs by performance; all runs' performance)` : ''));
for (const { route, lhr, all } of results) {
  const c = lhr.categories;
  const a = lhr.audits;
  const ms = (id) => (a[id]?.numericValue == null ? '–' : `${(a[id].numericValue / 1000).toFixed(1)} s`).padEnd(7);
  console.log(`${route.padEnd(width)}  ${pct(c.performance?.score)}   ${pct(c.accessibility?.score)}   `
    + `${pct(c['best-practices']?.score)}   ${ms('first-contentful-paint')} ${ms('largest-contentful-paint')} `
    + `${String(Math.round(a['total-blocking-time']?.numericValue ?? 0)).padStart(4)} ms `
    + `${(a['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)}  ${ms('speed-index')}`
    + (all.length > 1 ? `  (${all.map((x) => pct(x).trim()).join(', ')})` : ''));
}

// An audit counts as failing when it is scored below 0.9 (binary audits: 0),
// or is one of the performance category's opportunities with savings.
for (const { route, file, lhr } of results) {
  const failing = [];
  for (const [cat, { auditRefs }] of Object.entries(lhr.categories)) {
    for (const ref of auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
      const scored = audit.score != null && audit.score < 0.9;
      const error = audit.scoreDisplayMode === 'error';
      if (scored || error) failing.push({ cat, id: ref.id, weight: ref.weight, audit });
    }
  }
  console.log(`\n${route}: ${failing.length ? `${failing.length} audit(s) not passed` : 'every audit passed'}  (${file})`);
  for (const { cat, id, weight, audit } of failing) {
    const score = audit.scoreDisplayMode === 'error' ? 'error' : pct(audit.score).trim();
    const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
    console.log(`  [${cat}] ${id} (score ${score}, weight ${weight}): ${audit.title}${value}`);
    if (audit.errorMessage) console.log(`      ${audit.errorMessage}`);
    for (const item of (Array.isArray(audit.details?.items) ? audit.details.items : []).slice(0, 4)) {
      const what = item.url || item.source?.url || item.node?.snippet || item.description || item.label || item.node?.selector;
      if (what) console.log(`      - ${String(what).slice(0, 160)}`);
    }
  }
}
process.exit(0);
