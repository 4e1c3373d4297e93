// Asks the service worker that controls the page to forget the user's kept pages
// (`public/sw.js`, message `{forget: true}`), and waits for its answer, at most 3 s.
export function askWorkerToForget() {
  const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage({ forget: true }, [channel.port2]);
    setTimeout(resolve, 3000);
  });
}
