// In the page (or in the browser's console): is it cross-origin isolated?
if (!globalThis.crossOriginIsolated) {
  console.warn('Not cross-origin isolated: QThread needs the COOP and COEP headers on this page and its scripts.');
}
