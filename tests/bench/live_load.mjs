// Benchmark (not a test): live mode under load on this machine. Builds
// benches/live_load/ once (`cargo bench --bench live_load --no-run`), starts
// mosquitto (deploy/mosquitto) and runs the bench against it, stops it, then
// does the same with the three-node NATS cluster (deploy/nats): tablets on
// node 2, the presenter on node 1, so every ballot crosses the cluster.
// Streams the bench's output, then prints one table of both runs and the
// brokers' own figures (CPU, disk writes, messages a second per node) and
// how much CPU everything else on the machine took meanwhile.
//
//   node tests/bench/live_load.mjs            # both brokers
//   node tests/bench/live_load.mjs nats       # or: mosquitto
//   node tests/bench/live_load.mjs --bad-network [mosquitto|nats]
//
// --bad-network (as root): the tablets run in a network namespace of the
// bench's own whose link loses 5% of their packets and delays the rest
// 200 ms (tests/bench/bad_network.mjs), brokers listen on that link's host
// address, and the broker is killed (SIGKILL) and started again twice, a
// third and two thirds of the way through, down DOWN_SECONDS (5) each time:
// mosquitto itself (the presenter loses it too), and the NATS node the
// tablets use (n2; they reconnect to n2 once it is back, as the app only
// knows one address; the presenter stays on n1). Prints, per restart, how
// long until every tablet reconnected and the presenter had a message each
// tablet published after the broker was back. LOSS and DELAY_MS change the
// link.
//
// Environment: TABLETS (200), RATE (2 updates a second), SECONDS (60),
// NOTES (5 a tablet) and AGREES (20 a tablet) go to the bench; LOAD_MOSQUITTO_WS_PORT (19401; 29401 with --bad-network),
// LOAD_MOSQUITTO_TCP_PORT (19402; 29402), LOAD_NATS_BASE_PORT (17800, so
// 17810-17834; 29800) move the ports; CARGO_TARGET_DIR as for cargo;
// BROKER_LOG=1 shows the brokers' output.
//
// Exits non-zero if a broker or the bench failed, or a run lost an update
// (neither it nor a newer state of its ballot reached the presenter) or a
// ballot's final state; without --bad-network, also if an update was skipped
// (a newer state came first: only reconnections can cause that). With it, a
// tablet not heard again before the next restart is reported, not failed (it
// counts for the next one). A p95 over the 250 ms
// target is reported, not failed: the figure depends on what else the
// machine is doing (its load average is printed).
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { startMosquitto, startNatsCluster } from '../e2e/brokers.mjs';
import { openBadNetwork } from './bad_network.mjs';

const ROOT = join(import.meta.dirname, '../..');
const P95_TARGET_MS = 250;
const args = process.argv.slice(2);
const BAD = args.includes('--bad-network');
const only = args.find((a) => a !== '--bad-network');
if (only && !['mosquitto', 'nats'].includes(only)) {
  console.error(`Unknown argument "${only}": use mosquitto, nats or nothing (both), and --bad-network.`);
  process.exit(2);
}
// Other ports with --bad-network, so it can run beside the ordinary run.
const MQ_WS = Number(process.env.LOAD_MOSQUITTO_WS_PORT || (BAD ? 29401 : 19401));
const MQ_TCP = Number(process.env.LOAD_MOSQUITTO_TCP_PORT || (BAD ? 29402 : 19402));
const NATS_BASE = Number(process.env.LOAD_NATS_BASE_PORT || (BAD ? 29800 : 17800));
const RESTARTS = 2;
const DOWN_MS = 1000 * Number(process.env.DOWN_SECONDS || 5);

// ---------------------------------------------------------------------------
// Helpers

function onPath(name) {
  const dirs = [...(process.env.PATH || '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.some((dir) => {
    if (!dir) return false;
    try { accessSync(join(dir, name), constants.X_OK); return true; } catch { return false; }
  });
}

/** Fails early, before building anything, if a broker is missing. */
function requireBrokers(names) {
  const missing = names.filter((n) => !onPath(n));
  if (missing.length === 0) return;
  console.error(`live_load: ${missing.join(' and ')} not installed (looked on PATH and in /usr/sbin).\n` +
    `Install with "sudo apt-get install ${missing.join(' ')}" (Debian) or run "scripts/setup.sh --browser".`);
  process.exit(2);
}

/**
 * Runs a command (its stdout passed through unless `quiet`; each line to
 * `onLine(line, child)`, whose stdin is a pipe when `onLine` is given);
 * resolves with its exit code and stdout lines.
 */
function run(cmd, args, env, { quiet = false, onLine } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: [onLine ? 'pipe' : 'ignore', 'pipe', 'inherit'] });
    // Stopped with this script (Ctrl-C, a failure), not left running on its own.
    const stop = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
    process.once('exit', stop);
    child.once('exit', () => process.off('exit', stop));
    const lines = [];
    let partial = '';
    child.stdout.on('data', (buf) => {
      if (!quiet) process.stdout.write(buf);
      const parts = (partial + buf.toString()).split('\n');
      partial = parts.pop();
      lines.push(...parts);
      if (onLine) for (const l of parts) onLine(l, child);
    });
    child.once('error', (err) => resolve({ code: -1, lines, error: err }));
    child.once('close', (code, signal) => {
      if (partial) lines.push(partial);
      resolve({ code: code ?? (signal ? 128 : -1), lines });
    });
  });
}

/**
 * CPU seconds (user + system) and bytes written to storage of every process
 * whose command line contains `needle`, by command line.
 */
function procStats(needle) {
  const ticks = 100; // USER_HZ on Linux
  const out = {};
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!cmd.includes(needle)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      let write = NaN;
      try { write = Number(/write_bytes: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))[1]); } catch { /* not ours */ }
      out[cmd.trim()] = { cpu: (Number(f[11]) + Number(f[12])) / ticks, write };
    } catch { /* gone */ }
  }
  return out;
}

/**
 * The whole machine's busy and total CPU seconds (/proc/stat, all cores), and
 * the CPU seconds of this process's finished children (the bench), from
 * /proc/self/stat's cutime + cstime.
 */
function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = f[3] + (f[4] || 0);
  const total = f.reduce((a, b) => a + b, 0);
  const self = readFileSync('/proc/self/stat', 'utf8');
  const g = self.slice(self.lastIndexOf(')') + 2).split(' ');
  return { busy: (total - idle) / 100, total: total / 100, children: (Number(g[13]) + Number(g[14])) / 100 };
}

function getJson(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch { resolve(null); } });
    });
    req.once('error', () => resolve(null));
    req.once('timeout', () => { req.destroy(); resolve(null); });
  });
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------------------
// One run: the bench against brokers that are already up

const benchEnv = {};
for (const k of ['TABLETS', 'RATE', 'SECONDS', 'NOTES', 'AGREES']) if (process.env[k]) benchEnv[k] = process.env[k];

/** The bench's executable, built once so both runs use the same build and no run waits on a compile. */
let benchExe;

/** The network of --bad-network, made once for both runs. */
let badNet = null;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves once something accepts a TCP connection on host:port (polled every 50 ms). */
async function accepting(host, port) {
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = net.connect({ host, port });
      const done = (v) => { s.destroy(); resolve(v); };
      s.once('connect', () => done(true));
      s.once('error', () => done(false));
      s.setTimeout(1000, () => done(false));
    });
    if (ok) return;
    await sleep(50);
  }
}

/**
 * Kills and restarts the broker RESTARTS times, spread over the bench's
 * sending, telling the bench on stdin when it went ("down") and when its
 * MQTT port accepted connections again ("up").
 */
async function restartDuring(child, broker, seconds) {
  const began = Date.now();
  const tell = (line) => { try { child.stdin.write(`${line}\n`); } catch { /* the bench has gone */ } };
  const at = () => `+${((Date.now() - began) / 1000).toFixed(1)} s`;
  for (let k = 1; k <= RESTARTS; k++) {
    await sleep(Math.max(0, began + (1000 * seconds * k) / (RESTARTS + 1) - Date.now()));
    if (child.exitCode !== null) return;
    tell('down');
    await broker.kill();
    console.log(`live_load: ${at()} ${broker.name} killed (restart ${k} of ${RESTARTS})`);
    await sleep(DOWN_MS);
    const started = broker.start();
    await Promise.race([accepting(broker.host, broker.port), started]);
    tell('up');
    console.log(`live_load: ${at()} ${broker.name} accepts connections again`);
    await started;
    console.log(`live_load: ${at()} ${broker.name} passes brokers.mjs's readiness check (retained messages through it)`);
  }
}

async function bench(label, env, sample, restartable) {
  if (badNet) env = { ...env, TABLETS_NETNS: badNet.name, RESTART_EVENTS: '1' };
  console.log(`\n=== ${label}: ${Object.entries({ ...benchEnv, ...env }).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const before = { brokers: await sample(), machine: machineCpu(), at: Date.now() };
  let restarting = Promise.resolve();
  let restartProblem = null;
  const onLine = badNet && restartable ? (line, child) => {
    if (line === 'EVENT sending') {
      restarting = restartDuring(child, restartable, Number(benchEnv.SECONDS || 60))
        .catch((err) => { restartProblem = `restarting ${restartable.name} failed: ${err.message}`; });
    }
  } : undefined;
  const r = await run(benchExe, ['--bench'], { ...benchEnv, ...env }, { onLine });
  await restarting;
  const after = { brokers: await sample(), machine: machineCpu(), at: Date.now() };
  const presenterToo = !!restartable?.presenterToo;
  const line = r.lines.filter((l) => l.startsWith('RESULT ')).pop();
  let result = null;
  try { result = line && JSON.parse(line.slice('RESULT '.length)); } catch { /* below */ }
  const problems = [];
  if (r.error) problems.push(`could not run ${benchExe}: ${r.error.message}`);
  else if (r.code !== 0) problems.push(`the bench exited with ${r.code}`);
  if (restartProblem) problems.push(restartProblem);
  if (!result) problems.push('the bench printed no RESULT line');
  else {
    if (result.failed > 0) problems.push(`${result.failed} tablets failed`);
    if (result.lost > 0) problems.push(`${result.lost} updates lost`);
    if (result.final_missing > 0) problems.push(`${result.final_missing} ballots' final state missing`);
    if (result.words?.words_lost > 0) problems.push(`${result.words.words_lost} notes or agreements lost`);
    if (result.unacknowledged > 0) problems.push(`${result.unacknowledged} tablets' last publish not acknowledged by the broker`);
    if (!badNet && result.skipped > 0) problems.push(`${result.skipped} updates skipped with no reconnection to explain it`);
    if (badNet && restartable) {
      if (result.restarts.length !== RESTARTS) problems.push(`${result.restarts.length} restarts marked, not ${RESTARTS}`);
      result.restarts.forEach((x, i) => {
        if (x.until_next_s === null && x.seen_again < result.tablets) problems.push(`after the last restart only ${x.seen_again} of ${result.tablets} tablets were heard again`);
      });
    }
  }
  const m = {
    busy: after.machine.busy - before.machine.busy,
    total: after.machine.total - before.machine.total,
    bench: after.machine.children - before.machine.children,
  };
  return { label, result, problems, presenterToo, before, after, m, machine: m.total > 0 ? m.busy / m.total : NaN, wall: (after.at - before.at) / 1000 };
}

// ---------------------------------------------------------------------------
// The two brokers

/** Where brokers listen for plain MQTT: the bad network's host end, or this machine only. */
const brokerHost = () => badNet?.hostIp ?? '127.0.0.1';

async function mosquittoRun() {
  const host = brokerHost();
  let mq;
  try {
    mq = await startMosquitto({ wsPort: MQ_WS, tcpPort: MQ_TCP, tcpHost: host });
  } catch (err) {
    return { label: 'mosquitto', problems: [`mosquitto did not start: ${err.message}`] };
  }
  try {
    const confDir = mq.dataDir.replace(/\/data$/, '');
    const sample = async () => ({ procs: procStats(confDir) });
    const out = await bench('mosquitto', { MQTT_TCP: `${host}:${MQ_TCP}`, MQTT_TCP_PRESENTER: `${host}:${MQ_TCP}` }, sample,
      { name: 'mosquitto', host, port: MQ_TCP, presenterToo: true, kill: () => mq.kill(), start: () => mq.restart() });
    // A restarted broker is a new process: count it from its last start.
    const d = delta(badNet ? {} : out.before.brokers.procs, out.after.brokers.procs, 'mosquitto.conf');
    out.brokerNotes = [`mosquitto: ${d.cpu.toFixed(1)} s CPU, ${mb(d.write)} of disk writes over ${badNet ? 'its last run' : `${out.wall.toFixed(0)} s`}`];
    out.brokerCpu = d.cpu;
    return out;
  } finally {
    await mq.close();
  }
}

async function natsRun() {
  const host = brokerHost();
  let nats;
  try {
    nats = await startNatsCluster({ basePort: NATS_BASE, mqttHost: host });
  } catch (err) {
    return { label: 'nats', problems: [`the NATS cluster did not start: ${err.message}`] };
  }
  try {
    const [n1, n2] = nats.nodes;
    const confDir = nats.dataDir.replace(/\/data$/, '');
    const sample = async () => ({
      procs: procStats(confDir),
      varz: await Promise.all(nats.nodes.map((n) => getJson(`http://127.0.0.1:${n.ports.http}/varz`))),
    });
    const out = await bench('nats', {
      MQTT_TCP: `${host}:${n2.ports.mqtt}`,
      MQTT_TCP_PRESENTER: `${host}:${n1.ports.mqtt}`,
    }, sample, { name: 'NATS node n2 (the tablets\')', host, port: n2.ports.mqtt, kill: () => n2.kill(), start: () => n2.start() });
    out.brokerCpu = 0;
    out.brokerNotes = nats.nodes.map((n, i) => {
      const restarted = badNet && i === 1;
      const d = delta(restarted ? {} : out.before.brokers.procs, out.after.brokers.procs, `node${i + 1}.conf`);
      out.brokerCpu += d.cpu;
      const a = out.before.brokers.varz[i];
      const b = out.after.brokers.varz[i];
      const rate = (k) => (a && b ? ((b[k] - a[k]) / out.wall).toFixed(0) : '?');
      return `nats ${n.name}: ${d.cpu.toFixed(1)} s CPU, ${mb(d.write)} of disk writes; ${rate('in_msgs')} msgs/s in, ` +
        `${rate('out_msgs')} msgs/s out (all NATS traffic: clients, routes, JetStream), over ${out.wall.toFixed(0)} s`;
    });
    // What JetStream still holds once the bench has cleared its retained ballots
    // and the presenter has acknowledged everything: nothing should pile up.
    // nats-server 2.9 deletes replaced and cleared retained messages
    // asynchronously, so this waits (up to 15 s) for them to go.
    const cleared = Date.now();
    let streams = [];
    for (;;) {
      const jsz = await getJson(`http://127.0.0.1:${n1.ports.http}/jsz?accounts=true&streams=true`);
      streams = (jsz?.account_details ?? []).flatMap((a) => a.stream_detail ?? []);
      const left = streams.filter((st) => st.name !== '$MQTT_sess').reduce((n, st) => n + (st.state?.messages ?? 0), 0);
      if (left === 0 || Date.now() - cleared > 15_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (streams.length) {
      out.brokerNotes.push(`nats streams ${((Date.now() - cleared) / 1000).toFixed(1)} s after the run: ` +
        `${streams.map((st) => `${st.name} ${st.state?.messages} msgs`).join(', ')}`);
    }
    return out;
  } finally {
    await nats.stop();
  }
}

/** What the process whose command line contains `needle` used between two samples. */
function delta(a, b, needle) {
  const k = Object.keys(b).find((x) => x.includes(needle));
  if (!k) return { cpu: NaN, write: NaN };
  return { cpu: b[k].cpu - (a[k]?.cpu ?? 0), write: b[k].write - (a[k]?.write ?? 0) };
}

const mb = (bytes) => (Number.isNaN(bytes) ? '? MB' : `${(bytes / 1e6).toFixed(1)} MB`);

// ---------------------------------------------------------------------------
// Main

const wanted = only ? [only] : ['mosquitto', 'nats'];
requireBrokers(wanted.map((b) => (b === 'nats' ? 'nats-server' : 'mosquitto')));

console.log(`live_load: building the bench (load average ${loadavg()})`);
const build = await run('cargo', ['bench', '--bench', 'live_load', '--no-run', '--message-format=json-render-diagnostics'], {}, { quiet: true });
benchExe = build.lines.map((l) => { try { return JSON.parse(l); } catch { return null; } })
  .filter((m) => m?.reason === 'compiler-artifact' && m.target?.name === 'live_load' && m.executable)
  .pop()?.executable;
if (build.code !== 0 || !benchExe) {
  console.error('live_load: cargo could not build benches/live_load/');
  process.exit(1);
}
console.log(`live_load: ${benchExe}`);

if (BAD) {
  try {
    badNet = await openBadNetwork({ loss: Number(process.env.LOSS ?? 5), delayMs: Number(process.env.DELAY_MS ?? 200) });
  } catch (err) {
    console.error(`live_load: ${err.message}`);
    process.exit(2);
  }
  console.log(`live_load: tablets in network namespace ${badNet.name} (${badNet.tabletIp}), brokers on ${badNet.hostIp}: ${badNet.how}`);
}

const runs = [];
for (const b of wanted) runs.push(b === 'mosquitto' ? await mosquittoRun() : await natsRun());

const fmt = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : Number(v).toFixed(d));
const rows = [
  ['broker', 'made', 'seen', 'skipped', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'presenter CPU µs/ballot',
    'CPU s: broker / bench / others', 'machine busy', 'load avg before → after'],
];
for (const r of runs) {
  const x = r.result;
  if (!x) { rows.push([r.label, 'failed', ...Array(rows[0].length - 2).fill('')]); continue; }
  rows.push([
    r.label, String(x.made), String(x.seen), String(x.skipped), String(x.lost),
    fmt(x.p50_ms), fmt(x.p95_ms), fmt(x.p99_ms), fmt(x.max_ms),
    fmt(x.presenter_cpu_us_per_ballot, 0),
    `${fmt(r.brokerCpu)} / ${fmt(r.m.bench)} / ${fmt(r.m.busy - r.brokerCpu - r.m.bench)}`,
    `${fmt(100 * r.machine, 0)}% of ${fmt(r.m.total / r.wall, 0)} cores`,
    `${x.loadavg_start?.split(' ')[0]} → ${x.loadavg_end?.split(' ')[0]}`,
  ]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
const first = runs.find((r) => r.result)?.result;
console.log(`\n=== Live mode load: ${first ? `${first.tablets} tablets × ${first.rate}/s × ${first.seconds} s` : ''}, ` +
  (badNet ? `bad network (${badNet.how}), broker killed ${RESTARTS} times for ${DOWN_MS / 1000} s; nothing lost`
    : `target p95 < ${P95_TARGET_MS} ms and nothing lost`));
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows.slice(1)) console.log(line(row));
console.log('  made: slider moves; seen: those the presenter\'s figures had; skipped: a newer state of the same ballot reached the presenter ' +
  'first (retained topics keep only the latest); lost: neither it nor a newer state did. Latency: first publish to the presenter\'s figures.');
console.log('  CPU s: seconds of CPU over the run, by the broker(s), the bench (tablets and presenter) and everything else on the machine.');
console.log('  Disk writes: write_bytes of /proc/<pid>/io, counted in dirtied 4 KiB pages (an upper bound for small appends).');
for (const r of runs) for (const n of r.brokerNotes ?? []) console.log(`  ${n}`);
for (const r of runs) {
  const w = r.result?.words;
  if (w) {
    console.log(`  ${r.label}: notes ${w.notes_held}/${w.notes_expected} and agreements ${w.agrees_held}/${w.agrees_expected} at the presenter ` +
      `(${w.words_lost} lost); publish → wall of notes redrawn p50 ${fmt(w.wall_p50_ms)} / p95 ${fmt(w.wall_p95_ms)} / ` +
      `p99 ${fmt(w.wall_p99_ms)} / max ${fmt(w.wall_max_ms)} ms; the five walls redrawn in ${fmt(w.wall_redraw_p50_us, 0)} µs (p50)`);
  }
}
for (const r of runs) {
  if (r.result?.window_p95_ms) console.log(`  ${r.label}: p95 per 10 s: ${r.result.window_p95_ms.map((v) => v.toFixed(0)).join(' ')} ms; max per 10 s: ${r.result.window_max_ms.map((v) => v.toFixed(0)).join(' ')} ms`);
}
for (const r of runs) {
  const presenter = (x) => (x.presenter_back_s !== null ? `presenter subscribed again after ${fmt(x.presenter_back_s)} s`
    : r.presenterToo ? 'presenter NOT subscribed again before the next restart' : 'presenter on another node, stayed connected');
  (r.result?.restarts ?? []).forEach((x, i) => console.log(`  ${r.label} restart ${i + 1}: down ${fmt(x.down_s)} s; ${presenter(x)}; ` +
    `${x.reconnected}/${r.result.tablets} tablets reconnected, the last after ${fmt(x.reconnected_all_s)} s; ` +
    `${x.seen_again}/${r.result.tablets} tablets seen again (a message published after the broker was back), ` +
    `half after ${fmt(x.seen_again_p50_s)} s, ${x.seen_again < r.result.tablets
      ? `the last of them after ${fmt(x.seen_again_all_s)} s; the other ${r.result.tablets - x.seen_again} ${x.until_next_s === null ? 'never'
        : `not yet when the next restart came ${fmt(x.until_next_s)} s after this one was back`}`
      : `all after ${fmt(x.seen_again_all_s)} s`}`));
}
let failed = false;
for (const r of runs) {
  const x = r.result;
  if (!badNet && x && x.p95_ms >= P95_TARGET_MS) console.log(`  ${r.label}: p95 ${fmt(x.p95_ms)} ms is over the ${P95_TARGET_MS} ms target`);
  if (x && x.duplicates > 0) console.log(`  ${r.label}: ${x.duplicates} duplicate deliveries (QoS 1 allows them; merged harmlessly)`);
  for (const p of r.problems) { console.log(`  FAIL ${r.label}: ${p}`); failed = true; }
}
console.log(failed ? 'live_load: FAILED' : 'live_load: ok (nothing lost)');
process.exit(failed ? 1 : 0);
