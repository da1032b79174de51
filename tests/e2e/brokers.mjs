// MQTT brokers for the live-mode tests: mosquitto (one server) and a
// three-node NATS cluster, each started from the configs in deploy/ with its
// own ports and a fresh temporary data folder. Everything started here is
// killed, and its folder removed, when this Node process exits.
//
//   const mq = await startMosquitto({ wsPort: 19001, tcpPort: 18831 });
//   mq.url  // 'ws://127.0.0.1:19001'
//   await mq.kill(); await mq.restart();   // retained messages kept on disk
//   startMosquitto({ ..., denyReading: true })   // every SUBSCRIBE refused (SUBACK 0x80)
//   startMosquitto({ ..., tcpHost: '10.203.0.1' })   // plain MQTT on that address instead
//
//   const nats = await startNatsCluster({ basePort: 17400 });
//   nats.nodes[0].url  // 'ws://127.0.0.1:17413/mqtt'
//   await nats.nodes[1].stop(); await nats.nodes[1].start();
//   startNatsCluster({ ..., mqttHost: '10.203.0.1' })   // plain MQTT on that address instead
//   await nats.stop();
//
// Set BROKER_LOG=1 to see the brokers' output on stderr.
import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import net from 'node:net';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';

const DEPLOY = join(import.meta.dirname, '../../deploy');
const SHOW_LOG = !!process.env.BROKER_LOG;

// ---------------------------------------------------------------------------
// Clean-up at exit

const children = new Set();
const tempDirs = new Set();

function cleanUp() {
  for (const child of children) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
  children.clear();
  for (const dir of tempDirs) {
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
  tempDirs.clear();
}
process.on('exit', cleanUp);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    cleanUp();
    // With no listener left, the default action (exit) applies again; where
    // someone else (a test runner) listens, leave the decision to them.
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  });
}

function makeTempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

// ---------------------------------------------------------------------------
// Helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Finds a mosquitto plugin where Debian (or a local build) installs them. */
function findPlugin(name) {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/local/lib']) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.R_OK);
      return path;
    } catch { /* not here */ }
  }
  throw new Error(`mosquitto's ${name} was not found (Debian's mosquitto package installs it)`);
}

/** Finds a program on PATH or in the sbin folders Debian installs brokers into. */
function findBinary(name, debianPackage) {
  const dirs = [...(process.env.PATH || '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch { /* not here */ }
  }
  throw new Error(`${name} is not installed (looked on PATH and in /usr/sbin). ` +
    `Install it with "apt-get install ${debianPackage}" or run "scripts/setup.sh --browser".`);
}

/** Rejects if something already listens on the port, so a stale broker is not mistaken for ours. */
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err) => reject(new Error(err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use (a broker left over from an earlier run?)`
      : `Cannot use port ${port}: ${err.message}`)));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve()));
  });
}

function portAccepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => { req.destroy(); resolve(false); });
  });
}

/**
 * A broker process: spawned, its output kept (the last 300 lines) for error
 * messages, and stopped with SIGTERM (clean) or SIGKILL.
 */
class Proc {
  constructor(name, bin, args, cwd) {
    this.name = name;
    this.bin = bin;
    this.args = args;
    this.cwd = cwd;
    this.child = null;
    this.lines = [];
  }

  start() {
    if (this.child) throw new Error(`${this.name} is already running`);
    const child = spawn(this.bin, this.args, { cwd: this.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    children.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        children.delete(child);
        if (this.child === child) this.child = null;
        resolve({ code, signal });
      });
    });
    child.once('error', (err) => this.log(`failed to start: ${err.message}`));
    let partial = '';
    const onData = (buf) => {
      const text = partial + buf.toString();
      const parts = text.split('\n');
      partial = parts.pop();
      for (const line of parts) this.log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  }

  log(line) {
    this.lines.push(line);
    if (this.lines.length > 300) this.lines.shift();
    if (SHOW_LOG) process.stderr.write(`[${this.name}] ${line}\n`);
  }

  get running() { return this.child !== null; }

  tail(n = 30) { return this.lines.slice(-n).join('\n'); }

  async signal(sig, waitMs = 10_000) {
    const child = this.child;
    if (!child) return;
    const exited = this.exited;
    child.kill(sig);
    const t = setTimeout(() => { try { child.kill('SIGKILL'); } catch { /* gone */ } }, waitMs);
    await exited;
    clearTimeout(t);
  }

  stop() { return this.signal('SIGTERM'); }
  kill() { return this.signal('SIGKILL'); }

  /** Polls `check` until it is true; fails at once if the process dies. */
  async waitUntil(what, check, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited before ${what}. Its output:\n${this.tail()}`);
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out after ${timeoutMs} ms waiting for ${what}. Its output:\n${this.tail()}`);
      await sleep(100);
    }
  }
}

// ---------------------------------------------------------------------------
// mosquitto

/**
 * Starts mosquitto with deploy/mosquitto/mosquitto.conf and its ACL, on the
 * given ports, with persistence in a fresh temporary folder. Resolves when
 * the WebSocket port accepts connections. Plain MQTT listens on `tcpHost`.
 */
export async function startMosquitto({ wsPort = 19001, tcpPort = 18831, tcpHost = '127.0.0.1', readyTimeoutMs = 15_000, denyReading = false } = {}) {
  const bin = findBinary('mosquitto', 'mosquitto');
  if (wsPort === tcpPort) throw new Error('wsPort and tcpPort must differ');
  const dir = makeTempDir('co-produce-mosquitto-');
  const dataDir = join(dir, 'data');
  cpSync(join(DEPLOY, 'mosquitto/acl'), join(dir, 'acl'));
  let conf = readFileSync(join(DEPLOY, 'mosquitto/mosquitto.conf'), 'utf8');
  const replace = (re, line) => {
    if (!re.test(conf)) throw new Error(`deploy/mosquitto/mosquitto.conf has no line matching ${re}`);
    conf = conf.replace(re, line);
  };
  replace(/^listener 1884 .*$/m, `listener ${tcpPort} ${tcpHost}`);
  replace(/^listener 9001$/m, `listener ${wsPort}`);
  replace(/^persistence_location .*$/m, `persistence_location ${dataDir}/`);
  if (denyReading) {
    // mosquitto's acl_file is only checked when messages are delivered, so a
    // subscription is always granted; its dynamic-security plugin checks the
    // SUBSCRIBE itself and refuses it (SUBACK 0x80), as an ACL that denies
    // reading does on most brokers.
    const dynsec = join(dir, 'dynamic-security.json');
    writeFileSync(dynsec, JSON.stringify({
      defaultACLAccess: { publishClientSend: true, publishClientReceive: true, subscribe: false, unsubscribe: true },
      clients: [], groups: [{ groupname: 'anonymous', roles: [] }], roles: [], anonymousGroup: 'anonymous',
    }));
    replace(/^acl_file .*$/m, `plugin ${findPlugin('mosquitto_dynamic_security.so')}\nplugin_opt_config_file ${dynsec}`);
  } else {
    replace(/^acl_file .*$/m, `acl_file ${join(dir, 'acl')}`);
  }
  // Started as root, mosquitto would switch to the "mosquitto" user, which
  // cannot write in our private temporary folder.
  if (process.getuid?.() === 0) conf += '\nuser root\n';
  const confPath = join(dir, 'mosquitto.conf');
  writeFileSync(confPath, conf);
  mkdirSync(dataDir);

  const proc = new Proc(`mosquitto:${wsPort}`, bin, ['-c', confPath], dir);

  async function start() {
    await assertPortFree(wsPort);
    await assertPortFree(tcpPort);
    proc.start();
    await proc.waitUntil(`its WebSocket port ${wsPort} accepted connections`,
      async () => proc.lines.some((l) => l.includes(' running')) && await portAccepts(wsPort), readyTimeoutMs);
  }

  try {
    await start();
  } catch (err) {
    await proc.kill();
    removeTempDir(dir);
    throw err;
  }

  return {
    url: `ws://127.0.0.1:${wsPort}`,
    /** Plain MQTT on this machine, for tools. */
    tcpUrl: `mqtt://127.0.0.1:${tcpPort}`,
    dataDir,
    /** Clean stop (SIGTERM): mosquitto writes its database first. */
    stop: () => proc.stop(),
    /** SIGKILL: only what the last autosave wrote survives. */
    kill: () => proc.kill(),
    /** Starts again (stopping first if running) with the same data folder. */
    restart: async () => {
      if (proc.running) await proc.stop();
      await start();
    },
    /** Stops and removes the temporary folder. */
    close: async () => {
      await proc.stop();
      removeTempDir(dir);
    },
    log: () => proc.tail(300),
  };
}

// ---------------------------------------------------------------------------
// NATS

/**
 * Ports of node n (1-3) for a base port, as in deploy/nats: base+10n+k with
 * k = 0 NATS, 1 cluster, 2 MQTT/TCP, 3 MQTT/WebSocket, 4 HTTP monitor.
 */
export function natsPorts(basePort, n) {
  const p = basePort + 10 * n;
  return { client: p, cluster: p + 1, mqtt: p + 2, ws: p + 3, http: p + 4 };
}

function connectMqtt(url, clientId, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, {
      clientId, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: timeoutMs,
    });
    const fail = (err) => { client.end(true); reject(err); };
    client.once('connect', () => {
      client.removeAllListeners('error');
      client.on('error', () => { /* reported through the calls that fail */ });
      resolve(client);
    });
    client.once('error', fail);
    client.once('close', () => fail(new Error(`connection to ${url} closed`)));
  });
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

/**
 * Publishes a retained QoS 1 probe through `pubUrl` and reads it back through
 * every url in `subUrls`, then clears it. Throws if any step fails.
 */
async function mqttProbe(pubUrl, subUrls) {
  const tag = randomBytes(6).toString('hex');
  const topic = `wk/${'0'.repeat(32)}/b/probe-${tag}`;
  const payload = Buffer.from(`probe ${tag}`);
  const clients = [];
  try {
    const pub = await connectMqtt(pubUrl, `probe-${tag}-p`);
    clients.push(pub);
    await withTimeout(pub.publishAsync(topic, payload, { qos: 1, retain: true }), 10_000, `probe publish on ${pubUrl}`);
    for (const [i, url] of subUrls.entries()) {
      const sub = await connectMqtt(url, `probe-${tag}-s${i}`);
      clients.push(sub);
      const got = new Promise((resolve) => sub.on('message', (t, m) => {
        if (t === topic && m.equals(payload)) resolve();
      }));
      await withTimeout(sub.subscribeAsync(topic, { qos: 1 }), 10_000, `probe subscribe on ${url}`);
      await withTimeout(got, 5_000, `retained probe on ${url}`);
    }
    // An empty retained message removes the retained one.
    await withTimeout(pub.publishAsync(topic, Buffer.alloc(0), { qos: 1, retain: true }), 10_000, 'probe clear');
  } finally {
    for (const c of clients) c.end(true);
  }
}

async function retryUntil(what, fn, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
    }
    const dead = isAlive();
    if (dead) throw new Error(`${dead} exited before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${lastErr?.message}`);
    await sleep(500);
  }
}

/**
 * Starts the three-node cluster of deploy/nats on ports from basePort (see
 * natsPorts), JetStream data in a fresh temporary folder. Resolves when every
 * node's WebSocket port answers, JetStream has a meta leader, and a retained
 * message published on node 1 can be read on nodes 1, 2 and 3. Plain MQTT
 * listens on `mqttHost`.
 */
export async function startNatsCluster({ basePort = 17400, mqttHost = '127.0.0.1', readyTimeoutMs = 60_000 } = {}) {
  const bin = findBinary('nats-server', 'nats-server');
  const dir = makeTempDir('co-produce-nats-');
  const procs = [];
  for (const n of [1, 2, 3]) {
    let conf = readFileSync(join(DEPLOY, `nats/node${n}.conf`), 'utf8');
    // Ports 74nk -> basePort+10n+k, as deploy/nats/start.sh does.
    conf = conf.replace(/\b74([1-3][0-4])\b/g, (_, r) => String(basePort + Number(r)));
    // The tests need the WebSocket port on this machine only.
    conf = conf.replace(/listen: "0\.0\.0\.0:/g, 'listen: "127.0.0.1:');
    conf = conf.replace(/store_dir: "data\//, `store_dir: "${dir}/data/`);
    const mqttListen = /(mqtt \{\s*listen: )127\.0\.0\.1:/;
    if (!mqttListen.test(conf)) throw new Error(`deploy/nats/node${n}.conf has no "mqtt { listen: 127.0.0.1:…"`);
    conf = conf.replace(mqttListen, `$1${mqttHost}:`);
    const confPath = join(dir, `node${n}.conf`);
    writeFileSync(confPath, conf);
    procs.push(new Proc(`nats-n${n}`, bin, ['-c', confPath], dir));
  }
  const ports = [1, 2, 3].map((n) => natsPorts(basePort, n));
  const urls = ports.map((p) => `ws://127.0.0.1:${p.ws}/mqtt`);
  const deadNode = () => procs.find((p) => p.wanted && !p.running)?.name;

  async function startNode(i) {
    const p = ports[i];
    for (const port of Object.values(p)) await assertPortFree(port);
    procs[i].wanted = true;
    procs[i].start();
    await procs[i].waitUntil('its WebSocket port accepted connections', () => portAccepts(p.ws), readyTimeoutMs);
  }

  /** Waits for JetStream on node i (healthz) and for MQTT retained messages to work through it. */
  async function nodeReady(i, others) {
    const p = ports[i];
    await procs[i].waitUntil('JetStream was healthy',
      () => httpOk(`http://127.0.0.1:${p.http}/healthz`), readyTimeoutMs);
    await retryUntil(`MQTT retained messages through ${procs[i].name}`,
      () => mqttProbe(urls[i], [urls[i], ...others.map((j) => urls[j])]), readyTimeoutMs, deadNode);
  }

  const stopAll = async () => {
    await Promise.all(procs.map((p) => { p.wanted = false; return p.stop(); }));
  };

  try {
    // All three together: JetStream needs a quorum (2 of 3) to elect a leader.
    await Promise.all([0, 1, 2].map(startNode));
    await Promise.all([0, 1, 2].map((i) => procs[i].waitUntil('JetStream was healthy',
      () => httpOk(`http://127.0.0.1:${ports[i].http}/healthz`), readyTimeoutMs)));
    await nodeReady(0, [1, 2]);
  } catch (err) {
    await Promise.all(procs.map((p) => p.kill()));
    removeTempDir(dir);
    throw err;
  }

  const nodes = procs.map((proc, i) => ({
    name: `n${i + 1}`,
    url: urls[i],
    ports: ports[i],
    /** Clean stop (SIGTERM). */
    stop: async () => { proc.wanted = false; await proc.stop(); },
    /** SIGKILL. */
    kill: async () => { proc.wanted = false; await proc.kill(); },
    /** Starts the node again with its data; resolves when MQTT works through it. */
    start: async () => {
      if (proc.running) return;
      await startNode(i);
      const others = [0, 1, 2].filter((j) => j !== i && procs[j].running);
      await nodeReady(i, others);
    },
    log: () => proc.tail(300),
  }));

  return {
    nodes,
    dataDir: join(dir, 'data'),
    /** Stops all nodes and removes the temporary folder. */
    stop: async () => {
      await stopAll();
      removeTempDir(dir);
    },
  };
}
