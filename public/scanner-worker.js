// The QR scanner's web worker, started by src/platform/scanner.rs only when a
// facilitator scans with a camera on a browser without a QR BarcodeDetector.
// It loads the scanner's own small build (src/bin/scanner.rs), whose files the
// page names in its first message: `{ js: './co-produce-scanner-<hash>.js',
// wasm: '…_bg.wasm' }`. (Not in the address: the service worker answers this
// file from its offline copy, whose address has no query.) That build then
// answers `{ ready: true }` and reads the frames that follow.
const named = (name, ending) => {
  // Only this build's own file, beside this one: never another address.
  if (typeof name != 'string' || !new RegExp(`^\\./co-produce-scanner-[0-9a-f]{16}${ending}$`).test(name)) {
    throw new Error(`scanner-worker: not a scanner file: ${name}`);
  }
  return new URL(name, self.location.href).href;
};
self.addEventListener('message', async (event) => {
  const { js, wasm } = event.data || {};
  const { default: start } = await import(named(js, '\\.js'));
  await start({ module_or_path: named(wasm, '_bg\\.wasm') });
}, { once: true });
