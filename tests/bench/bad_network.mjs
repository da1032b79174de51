// A venue's network, of the benchmark's own: a network namespace for the
// tablets, joined to this one by a point-to-point link on a private /30
// (10.203.0.1 here, 10.203.0.2 for the tablets) whose tablets' end loses
// LOSS % of packets and delays the rest by DELAY ms. Brokers listen on the
// host address; the presenter stays in this namespace, so only the tablets'
// traffic goes through the bad link.
//
// The link is a veth pair with `tc qdisc ... netem` on the tablets' end. A
// kernel built without netem (some VMs' kernels) gets two TUN devices joined
// by tests/bench/lossy_link.py, which drops and delays the tablets' packets
// the same way in user space; `how` says which was used.
//
//   const net = await openBadNetwork({ loss: 5, delayMs: 200 });
//   net.name, net.hostIp, net.tabletIp, net.how
//   net.close();   // also at exit, on Ctrl-C and on failure
//
// Needs root (network namespaces) and iproute2 (`ip`, and `tc` for netem).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const sbin = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

function which(name) {
  for (const dir of [...(process.env.PATH || '').split(delimiter), ...sbin]) {
    if (!dir) continue;
    try { accessSync(join(dir, name), constants.X_OK); return join(dir, name); } catch { /* not here */ }
  }
  return null;
}

/** Runs a command to the end; resolves with its exit code and what it said. */
function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim() };
}

function must(cmd, args) {
  const r = sh(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')}: ${r.out || 'failed'}`);
}

/** Namespaces left by a run that was killed outright (named for its process id). */
function removeStale(ip) {
  let names = [];
  try { names = readdirSync('/run/netns'); } catch { return; }
  for (const name of names) {
    const pid = /^cpbench(\d+)$/.exec(name)?.[1];
    if (!pid) continue;
    try { process.kill(Number(pid), 0); continue; } catch { /* that run is gone */ }
    sh(ip, ['netns', 'del', name]);
  }
}

/** Waits for a child's first line of output that equals `want`. */
function firstLine(child, want, timeoutMs) {
  return new Promise((resolve, reject) => {
    let text = '';
    const t = setTimeout(() => reject(new Error(`no "${want}" within ${timeoutMs} ms: ${text}`)), timeoutMs);
    child.stdout.on('data', (b) => {
      text += b;
      if (text.split('\n').includes(want)) { clearTimeout(t); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(t); reject(new Error(`exited with ${code}: ${text}`)); });
  });
}

export async function openBadNetwork({ loss = 5, delayMs = 200, subnet = process.env.BAD_NETWORK_SUBNET || '10.203.0' } = {}) {
  const ip = which('ip');
  if (!ip) {
    throw new Error('the bad-network benchmark needs iproute2 ("ip" and "tc"), which is not installed: ' +
      'run "apt-get install iproute2" (or "scripts/setup.sh --brokers").');
  }
  if (process.getuid?.() !== 0) throw new Error('the bad-network benchmark makes a network namespace, which needs root: run it as root.');
  removeStale(ip);
  const hostIp = `${subnet}.1`;
  const tabletIp = `${subnet}.2`;
  if (sh(ip, ['-4', '-o', 'addr']).out.includes(` ${hostIp}/`)) {
    throw new Error(`${hostIp} is already in use on this machine: set BAD_NETWORK_SUBNET to another "a.b.c".`);
  }
  const name = `cpbench${process.pid}`;
  const hostDev = `cpb${process.pid}h`;
  const tabletDev = `cpb${process.pid}t`;
  let link = null;
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    if (link) { try { link.kill('SIGTERM'); } catch { /* gone */ } }
    // Deleting the namespace deletes the tablets' device, its qdisc and its veth peer.
    sh(ip, ['netns', 'del', name]);
    sh(ip, ['link', 'del', hostDev]);
  };
  process.on('exit', close);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => { close(); process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1)); });
  }

  const netem = ['root', 'netem', 'loss', `${loss}%`, 'delay', `${delayMs}ms`];
  try {
    must(ip, ['netns', 'add', name]);
    must(ip, ['-n', name, 'link', 'set', 'lo', 'up']);
    let how;
    const tc = which('tc');
    must(ip, ['link', 'add', hostDev, 'type', 'veth', 'peer', 'name', tabletDev]);
    must(ip, ['link', 'set', tabletDev, 'netns', name]);
    const qdisc = tc ? sh(ip, ['netns', 'exec', name, tc, 'qdisc', 'add', 'dev', tabletDev, ...netem]) : { ok: false, out: 'tc is not installed' };
    if (qdisc.ok) {
      how = `veth + tc netem loss ${loss}% delay ${delayMs}ms on the tablets' end`;
      must(ip, ['addr', 'add', `${hostIp}/30`, 'dev', hostDev]);
      must(ip, ['-n', name, 'addr', 'add', `${tabletIp}/30`, 'dev', tabletDev]);
    } else {
      // No netem here: the same loss and delay in user space.
      sh(ip, ['link', 'del', hostDev]);
      if (!which('python3')) throw new Error(`netem is unavailable (${qdisc.out}) and python3, for the user-space link, is not installed`);
      link = spawn('python3', [join(import.meta.dirname, 'lossy_link.py'), hostDev, tabletDev,
        '--loss', String(loss), '--delay-ms', String(delayMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
      await firstLine(link, 'ready', 10_000);
      must(ip, ['link', 'set', tabletDev, 'netns', name]);
      must(ip, ['addr', 'add', hostIp, 'peer', tabletIp, 'dev', hostDev]);
      must(ip, ['-n', name, 'addr', 'add', tabletIp, 'peer', hostIp, 'dev', tabletDev]);
      how = `TUN pair + tests/bench/lossy_link.py, loss ${loss}% delay ${delayMs} ms on the tablets' side ` +
        `(tc netem: ${qdisc.out.split('\n')[0]})`;
    }
    must(ip, ['link', 'set', hostDev, 'up']);
    must(ip, ['-n', name, 'link', 'set', tabletDev, 'up']);
    return { name, hostIp, tabletIp, how, close };
  } catch (err) {
    close();
    throw err;
  }
}
