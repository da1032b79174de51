import mqtt from 'mqtt';
import { startMosquitto } from '/work/main/tests/e2e/brokers.mjs';
const mq = await startMosquitto({ wsPort: 19311, tcpPort: 18841 });
const conn = (url, id) => new Promise((res, rej) => { const c = mqtt.connect(url, { clientId: id, protocolVersion: 4, reconnectPeriod: 0 }); c.once('connect', () => res(c)); c.once('error', rej); });
const N = Number(process.argv[2] || 20), KB = Number(process.argv[3] || 64);
for (let i = 0; i < N; i++) { const p = await conn(mq.tcpUrl, `k${i}`); await p.publishAsync(`wk/x/b/k${i}`, Buffer.alloc(KB * 1024, i), { qos: 1, retain: true }); p.end(true); }
for (const url of [mq.tcpUrl, mq.url]) {
  const s = await conn(url, 'v-' + Math.random());
  let n = 0; const t = Date.now();
  const done = new Promise(r => s.on('message', () => { if (++n === N) r(); }));
  await s.subscribeAsync('wk/x/#', { qos: 1 });
  await Promise.race([done, new Promise(r => setTimeout(r, 120000))]);
  console.log(url.slice(0, 5), N, 'x', KB, 'KiB retained catch-up:', n, 'msgs in', Date.now() - t, 'ms');
  s.end(true);
}
await mq.close();
