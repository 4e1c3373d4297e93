// Boutiq barcode scanner: camera -> native BarcodeDetector (Android Chrome, macOS) or, where it is
// missing (desktop Chromium on Linux), zxing-wasm vendored in /vendor/zxing (same origin, offline,
// no 'unsafe-eval' needed: only 'wasm-unsafe-eval').
//
//   import { startScan, stopScan } from "/scan.js";
//   const text = await startScan(videoElement);
//   // rejects Error('camera') (denied, no camera), Error('stopped') (stopScan) or Error('decoder')

const NATIVE_FORMATS = ["ean_13", "ean_8", "code_128", "qr_code"];
const ZXING_FORMATS = ["EAN13", "EAN8", "Code128", "QRCode"];
const ZXING_DIR = new URL("/vendor/zxing/", location.origin); // absolute: also right if bundled elsewhere
const EVERY_MS = 150; // time between two decode attempts
const MAX_SIDE = 1280; // frames are scaled down to this before zxing reads them

let current = null; // the running scan's cancel function
let zxing = null; // Promise of the zxing reader module, loaded on first use

/** Stops the running scan, if any: camera off, its promise rejects with Error('stopped'). */
export function stopScan() {
  current?.();
}

/** Opens the back camera in `video` and resolves with the text of the first code read. */
export async function startScan(video) {
  stopScan(); // one scan at a time
  let stopped = false;
  let cancel;
  const stop = new Promise((_, reject) => {
    cancel = () => {
      stopped = true;
      reject(new Error("stopped"));
    };
  });
  stop.catch(() => {}); // handled through race() below
  current = cancel;
  const race = (p) => Promise.race([p, stop]);
  const detecting = detector(); // loads zxing meanwhile, when needed
  detecting.catch(() => {}); // awaited below
  let stream = null;
  try {
    try {
      const asked = navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      // A stream granted after stopScan() must still be switched off.
      asked.then((s) => stopped && s.getTracks().forEach((t) => t.stop()), () => {});
      stream = await race(asked);
      video.muted = true; // lets play() start without a user gesture
      video.playsInline = true; // iOS/Android: no fullscreen takeover
      video.srcObject = stream;
      await race(video.play());
    } catch (e) {
      throw stopped ? e : new Error("camera", { cause: e });
    }
    const detect = await race(detecting);
    for (;;) {
      if (video.readyState >= 2) {
        const text = await race(detect(video).catch(() => null)); // a bad frame: try the next
        if (text) return text;
      }
      await race(new Promise((r) => setTimeout(r, EVERY_MS)));
    }
  } finally {
    stream?.getTracks().forEach((t) => t.stop());
    if (stream) video.srcObject = null;
    if (current === cancel) current = null;
  }
}

// Returns async (video) => text | null, using the native detector when it reads all our formats.
async function detector() {
  if ("BarcodeDetector" in window) {
    try {
      const supported = await BarcodeDetector.getSupportedFormats();
      if (NATIVE_FORMATS.every((f) => supported.includes(f))) {
        const d = new BarcodeDetector({ formats: NATIVE_FORMATS });
        return async (video) => (await d.detect(video))[0]?.rawValue || null;
      }
    } catch {
      // fall through to zxing
    }
  }
  zxing ??= import(new URL("reader/index.js", ZXING_DIR).href)
    .then(async (m) => {
      // Fetch and compile the .wasm now, from /vendor/zxing/ (by default zxing-wasm takes it from
      // jsDelivr), so that a failure rejects here instead of on every frame.
      const locateFile = (path, prefix) => (path.endsWith(".wasm") ? new URL(path, ZXING_DIR).href : prefix + path);
      try {
        await m.prepareZXingModule({ overrides: { locateFile }, fireImmediately: true });
      } catch (e) {
        m.purgeZXingModule(); // zxing-wasm would keep the failed instance
        throw e;
      }
      return m;
    })
    .catch((e) => {
      zxing = null; // let a later scan retry
      throw new Error("decoder", { cause: e });
    });
  const { readBarcodes } = await zxing;
  const canvas = document.createElement("canvas"); // offscreen: never attached to the page
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const options = { formats: ZXING_FORMATS, tryHarder: true, maxNumberOfSymbols: 1 };
  return async (video) => {
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const results = await readBarcodes(ctx.getImageData(0, 0, canvas.width, canvas.height), options);
    return results.find((r) => r.isValid)?.text || null;
  };
}
