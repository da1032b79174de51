// Checks the brokers of live mode with a real MQTT 3.1.1 client over
// WebSocket: mosquitto from deploy/mosquitto and the three-node NATS cluster
// from deploy/nats, both started through tests/e2e/brokers.mjs.
//
//   node tests/brokers/check.mjs            # both
//   node tests/brokers/check.mjs mosquitto  # or: nats
//
// Ports: MOSQUITTO_WS_PORT (19301), MOSQUITTO_TCP_PORT (18831), NATS_BASE_PORT
// (17500, so 17510-17534). Prints PASS/FAIL per check and exits non-zero if any
// check failed.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import mqtt from 'mqtt';
import { startMosquitto, startNatsCluster } from '../e2e/brokers.mjs';

const only = process.argv[2];
const WS_PORT = Number(process.env.MOSQUITTO_WS_PORT || 19301);
const TCP_PORT = Number(process.env.MOSQUITTO_TCP_PORT || 18831);
const NATS_BASE = Number(process.env.NATS_BASE_PORT || 17500);

const results = [];
const notes = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function pass(name, detail = '') {
  results.push({ name, ok: true });
  console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
}
function fail(name, err) {
  results.push({ name, ok: false });
  console.log(`FAIL ${name}: ${err?.stack || err}`);
}
function note(text) {
  notes.push(text);
  console.log(`NOTE ${text}`);
}
async function check(name, fn) {
  try {
    const detail = await fn();
    pass(name, detail);
    return true;
  } catch (err) {
    fail(name, err);
    return false;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ---------------------------------------------------------------------------
// MQTT helpers

const workshopId = () => randomBytes(16).toString('hex');
/** A tablet's client id: an Ed25519 public key (32 bytes) in base64url, 43 chars. */
const tabletId = () => randomBytes(32).toString('base64url');
const watcherId = () => `v-${randomBytes(16).toString('hex')}`;

const open = [];

/** Connects with MQTT 3.1.1, clean session; collects every message received. */
function connect(url, clientId) {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, {
      clientId, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 10_000,
    });
    client.received = [];
    client.on('message', (topic, payload, packet) => client.received.push({ topic, payload, retain: packet.retain }));
    client.once('connect', () => {
      client.removeAllListeners('error');
      client.on('error', () => {});
      open.push(client);
      resolve(client);
    });
    client.once('error', (err) => { client.end(true); reject(err); });
    client.once('close', () => reject(new Error(`connection to ${url} closed before CONNACK`)));
  });
}

function within(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

const publish = (client, topic, payload) =>
  within(client.publishAsync(topic, payload, { qos: 1, retain: true }), 10_000, `PUBACK for ${topic}`);

async function subscribe(client, topic) {
  const granted = await within(client.subscribeAsync(topic, { qos: 1 }), 10_000, `SUBACK for ${topic}`);
  assert(granted.every((g) => g.qos !== 128), `subscription to ${topic} refused: ${JSON.stringify(granted)}`);
}

/** Resolves with the first message (already received or later) on `topic` with this payload. */
async function waitForMessage(client, topic, payload, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = client.received.find((r) => r.topic === topic && r.payload.equals(payload));
    if (m) return m;
    if (Date.now() > deadline) {
      const seen = client.received.map((r) => `${r.topic} (${r.payload.length} B)`).join(', ') || 'nothing';
      throw new Error(`no message on ${topic} within ${ms} ms; received: ${seen}`);
    }
    await sleep(25);
  }
}

const has = (client, topic) => client.received.some((r) => r.topic === topic && r.payload.length > 0);

/**
 * Publishes `count` retained ballots of `bytes` each in a fresh workshop
 * through pubUrl, then times how long a new watcher on subUrl takes to get all.
 */
async function catchUpTiming(pubUrl, subUrl, count, bytes) {
  const wk = workshopId();
  for (let i = 0; i < count; i++) {
    const id = tabletId();
    const c = await connect(pubUrl, id);
    await publish(c, `wk/${wk}/b/${id}`, payload(bytes));
    c.end(true);
  }
  const watcher = await connect(subUrl, watcherId());
  const t = Date.now();
  await subscribe(watcher, `wk/${wk}/b/+`);
  const deadline = t + 60_000;
  while (watcher.received.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${watcher.received.length} of ${count} arrived in 60 s`);
    await sleep(20);
  }
  watcher.end(true);
  return Date.now() - t;
}

/** A sealed-looking binary payload. */
function payload(bytes) { return randomBytes(bytes); }

function closeAll() {
  for (const c of open.splice(0)) c.end(true);
}

// ---------------------------------------------------------------------------
// mosquitto

async function checkMosquitto() {
  console.log(`\n== mosquitto (ws ${WS_PORT}, tcp ${TCP_PORT}) ==`);
  let mq;
  const startedOk = await check('mosquitto starts from deploy/mosquitto/mosquitto.conf', async () => {
    const t = Date.now();
    mq = await startMosquitto({ wsPort: WS_PORT, tcpPort: TCP_PORT });
    return `${mq.url}, ready in ${Date.now() - t} ms`;
  });
  if (!startedOk) return;
  const url = mq.url;
  const wk = workshopId();
  const K = tabletId();
  const ballotTopic = `wk/${wk}/b/${K}`;
  const ballot = payload(64 * 1024);

  try {
    await check('mosquitto: tablet publishes its retained QoS 1 ballot (64 KiB) on wk/<id>/b/<own id>', async () => {
      const tablet = await connect(url, K);
      await publish(tablet, ballotTopic, ballot);
      tablet.end();
      return `client id ${K.length} chars`;
    });

    await check('mosquitto: a watcher (v-…) connecting later receives the retained ballot', async () => {
      const watcher = await connect(url, watcherId());
      await subscribe(watcher, `wk/${wk}/#`);
      const m = await waitForMessage(watcher, ballotTopic, ballot);
      assert(m.retain, 'message arrived without the retain flag');
      watcher.end();
    });

    await check('mosquitto: facilitator message of 256 KiB on wk/<id>/f/<own id> is delivered', async () => {
      const F = tabletId();
      const big = payload(256 * 1024);
      const fac = await connect(url, F);
      await publish(fac, `wk/${wk}/f/${F}`, big);
      const watcher = await connect(url, watcherId());
      const t = Date.now();
      await subscribe(watcher, `wk/${wk}/f/+`);
      // mosquitto 2.0.11 sends a WebSocket message above 8 KiB in 8 KiB pieces,
      // one per turn of its 100 ms event loop: 256 KiB takes several seconds.
      await waitForMessage(watcher, `wk/${wk}/f/${F}`, big, 30_000);
      return `arrived over WebSocket in ${Date.now() - t} ms`;
    });

    await check('mosquitto: a late watcher catches up on 8 retained ballots of 64 KiB', async () => {
      const catchUp = await catchUpTiming(url, url, 8, 64 * 1024);
      note(`mosquitto: late watcher received 8 x 64 KiB retained ballots over WebSocket in ${catchUp} ms`);
      return `${catchUp} ms`;
    });

    await check('mosquitto ACL: a publish on someone else\'s topic is not delivered (live or retained)', async () => {
      const watcher = await connect(url, watcherId());
      await subscribe(watcher, `wk/${wk}/#`);
      const intruderId = tabletId();
      const victim = tabletId();
      const intruder = await connect(url, intruderId);
      // MQTT 3.1.1 cannot refuse a publish: mosquitto still sends PUBACK, then drops it.
      await publish(intruder, `wk/${wk}/b/${victim}`, payload(100));
      await publish(intruder, `wk/${wk}/f/${victim}`, payload(100));
      await publish(intruder, `elsewhere/${intruderId}`, payload(100));
      // The intruder's own ballot, sent after, does arrive: so the others had their chance.
      const own = payload(100);
      await publish(intruder, `wk/${wk}/b/${intruderId}`, own);
      await waitForMessage(watcher, `wk/${wk}/b/${intruderId}`, own);
      await sleep(300);
      assert(!has(watcher, `wk/${wk}/b/${victim}`), 'forged ballot was delivered live');
      assert(!has(watcher, `wk/${wk}/f/${victim}`), 'forged facilitator message was delivered live');
      const late = await connect(url, watcherId());
      await subscribe(late, `wk/${wk}/#`);
      await waitForMessage(late, `wk/${wk}/b/${intruderId}`, own);
      await sleep(300);
      assert(!has(late, `wk/${wk}/b/${victim}`), 'forged ballot was retained');
      const everything = await connect(url, watcherId());
      const granted = await within(everything.subscribeAsync('#', { qos: 1 }), 10_000, 'SUBACK for #');
      await sleep(500);
      assert(!has(everything, `elsewhere/${intruderId}`), 'message outside wk/ was delivered');
      return `subscribe to # granted qos ${granted.map((g) => g.qos)}, but only wk/ topics are readable`;
    });

    // Persistence across SIGKILL: autosave_interval is 2 s in the deploy config.
    const old = { topic: `wk/${wk}/b/${tabletId()}`, body: payload(1000) };
    const fresh = { topic: `wk/${wk}/b/${tabletId()}`, body: payload(1000) };
    await check('mosquitto: a retained ballot older than the autosave interval survives SIGKILL + restart', async () => {
      const a = await connect(url, old.topic.split('/').pop());
      await publish(a, old.topic, old.body);
      a.end(true);
      await sleep(4000); // more than autosave_interval (2 s) plus the main loop's granularity
      const b = await connect(url, fresh.topic.split('/').pop());
      await publish(b, fresh.topic, fresh.body);
      b.end(true);
      await mq.kill(); // at once: the fresh ballot has had no autosave yet
      const t = Date.now();
      await mq.restart();
      const restartMs = Date.now() - t;
      const watcher = await connect(url, watcherId());
      await subscribe(watcher, `wk/${wk}/#`);
      await waitForMessage(watcher, ballotTopic, ballot);
      await waitForMessage(watcher, old.topic, old.body);
      await sleep(500);
      note(`mosquitto after SIGKILL: a ballot published just before the kill (< 2 s) ${has(watcher, fresh.topic) ? 'SURVIVED' : 'was LOST'}; ballots older than the autosave interval survived. Restart took ${restartMs} ms.`);
      watcher.end(true);
    });

    await check('mosquitto: a retained ballot published just before a clean stop (SIGTERM) survives restart', async () => {
      const last = { id: tabletId(), body: payload(1000) };
      const c = await connect(url, last.id);
      await publish(c, `wk/${wk}/b/${last.id}`, last.body);
      c.end(true);
      await mq.stop();
      await mq.restart();
      const watcher = await connect(url, watcherId());
      await subscribe(watcher, `wk/${wk}/#`);
      await waitForMessage(watcher, `wk/${wk}/b/${last.id}`, last.body);
    });
  } finally {
    closeAll();
    await mq.close();
  }
}

// ---------------------------------------------------------------------------
// NATS

function getJson(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

async function mqttStreams(httpPort) {
  const jsz = await getJson(`http://127.0.0.1:${httpPort}/jsz?accounts=true&streams=true&config=true`);
  const streams = {};
  for (const a of jsz.account_details || []) {
    for (const s of a.stream_detail || []) streams[s.name] = { replicas: s.config?.num_replicas, messages: s.state.messages };
  }
  return streams;
}

async function checkNats() {
  console.log(`\n== NATS cluster (base port ${NATS_BASE}) ==`);
  let cluster;
  const startedOk = await check('NATS: three-node cluster starts from deploy/nats and MQTT retained works across nodes', async () => {
    const t = Date.now();
    cluster = await startNatsCluster({ basePort: NATS_BASE });
    return `${cluster.nodes.map((n) => n.url).join(', ')}; ready in ${Date.now() - t} ms`;
  });
  if (!startedOk) return;
  const [n1, n2, n3] = cluster.nodes;
  const wk = workshopId();
  const K = tabletId();
  const ballot = payload(64 * 1024);
  let watcher3;

  try {
    await check('NATS: MQTT streams are replicated to all three nodes (stream_replicas: 3)', async () => {
      const streams = await mqttStreams(n1.ports.http);
      for (const name of ['$MQTT_sess', '$MQTT_msgs', '$MQTT_rmsgs']) {
        assert(streams[name], `stream ${name} missing: ${JSON.stringify(streams)}`);
        assert(streams[name].replicas === 3, `${name} has ${streams[name].replicas} replicas`);
      }
    });

    await check('NATS: retained QoS 1 ballot published through node 1 is received by a watcher on node 3', async () => {
      const tablet = await connect(n1.url, K);
      await publish(tablet, `wk/${wk}/b/${K}`, ballot);
      tablet.end();
      watcher3 = await connect(n3.url, watcherId());
      await subscribe(watcher3, `wk/${wk}/#`);
      const m = await waitForMessage(watcher3, `wk/${wk}/b/${K}`, ballot);
      assert(m.retain, 'message arrived without the retain flag');
    });

    await check('NATS: facilitator message of 256 KiB crosses the cluster (node 2 -> node 3)', async () => {
      const F = tabletId();
      const big = payload(256 * 1024);
      const fac = await connect(n2.url, F);
      await publish(fac, `wk/${wk}/f/${F}`, big);
      await waitForMessage(watcher3, `wk/${wk}/f/${F}`, big);
      fac.end();
    });

    await check('NATS: a late watcher catches up on 8 retained ballots of 64 KiB', async () => {
      const catchUp = await catchUpTiming(n1.url, n3.url, 8, 64 * 1024);
      note(`NATS: late watcher on node 3 received 8 x 64 KiB retained ballots (published on node 1) in ${catchUp} ms`);
      return `${catchUp} ms`;
    });

    const K2 = tabletId();
    const ballot2 = payload(2048);
    await check('NATS: with node 2 stopped, publish on node 1 still reaches the watcher on node 3', async () => {
      await n2.stop();
      const t = Date.now();
      const tablet = await connect(n1.url, K2);
      await publish(tablet, `wk/${wk}/b/${K2}`, ballot2);
      await waitForMessage(watcher3, `wk/${wk}/b/${K2}`, ballot2, 10_000);
      tablet.end();
      return `connect+publish+receive in ${Date.now() - t} ms`;
    });

    await check('NATS: with node 2 stopped, a new watcher on node 3 gets both retained ballots', async () => {
      const late = await connect(n3.url, watcherId());
      await subscribe(late, `wk/${wk}/b/+`);
      await waitForMessage(late, `wk/${wk}/b/${K}`, ballot, 10_000);
      await waitForMessage(late, `wk/${wk}/b/${K2}`, ballot2, 10_000);
      late.end();
    });

    await check('NATS: node 2 restarted catches up: a watcher on it gets both retained ballots', async () => {
      const t = Date.now();
      await n2.start();
      const restartMs = Date.now() - t;
      const w = await connect(n2.url, watcherId());
      await subscribe(w, `wk/${wk}/b/+`);
      await waitForMessage(w, `wk/${wk}/b/${K}`, ballot, 10_000);
      await waitForMessage(w, `wk/${wk}/b/${K2}`, ballot2, 10_000);
      w.end();
      return `node back and usable in ${restartMs} ms`;
    });

    await check('NATS: a client cannot reach JetStream\'s API (e.g. delete the retained-message stream)', async () => {
      const attacker = await connect(n1.url, tabletId());
      // NATS sends PUBACK for a publish it then drops for lack of permission.
      await publish(attacker, '$JS/API/STREAM/DELETE/$MQTT_rmsgs', Buffer.from('{}')).catch(() => {});
      attacker.end(true);
      await sleep(500);
      const streams = await mqttStreams(n3.ports.http);
      assert(streams.$MQTT_rmsgs, `$MQTT_rmsgs was deleted: ${JSON.stringify(streams)}`);
      const late = await connect(n3.url, watcherId());
      await subscribe(late, `wk/${wk}/b/+`);
      await waitForMessage(late, `wk/${wk}/b/${K}`, ballot, 10_000);
      late.end();
    });

    // What NATS does not do (reported, not failed): no per-client-id ACL, no '.' in topics.
    try {
      const intruder = await connect(n1.url, tabletId());
      const victim = tabletId();
      const forged = payload(100);
      await publish(intruder, `wk/${wk}/b/${victim}`, forged);
      intruder.end();
      const delivered = await waitForMessage(watcher3, `wk/${wk}/b/${victim}`, forged, 3000).then(() => true, () => false);
      note(`NATS has no ACL on client id: a publish on someone else's topic was ${delivered ? 'DELIVERED' : 'not delivered'} (the app's signatures must reject it)`);
      const dotted = await connect(n1.url, tabletId());
      let closed = false;
      dotted.on('close', () => { closed = true; });
      dotted.publish(`wk/${wk}/b/a.b`, 'x', { qos: 1 });
      await sleep(1000);
      note(`NATS with a '.' in a topic: the connection was ${closed ? 'CLOSED by the server' : 'kept'}`);
      dotted.end(true);
    } catch (err) {
      note(`NATS quirk probes failed: ${err.message}`);
    }
  } finally {
    closeAll();
    await cluster.stop();
  }
}

// ---------------------------------------------------------------------------

try {
  if (!only || only === 'mosquitto') await checkMosquitto();
  if (!only || only === 'nats') await checkNats();
} catch (err) {
  fail('unexpected error', err);
}
closeAll();

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\n== Summary (${stamp()}) ==`);
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}`);
for (const n of notes) console.log(`NOTE  ${n}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
