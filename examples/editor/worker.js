/* global self, performance */
// The analyser, in a Web Worker so that typing never waits for it. In: { type: 'analyze', seq, text }; out: 'ready',
// then per request 'result' (the text it analysed, the report, the analysis time, and the report as W3C annotations
// when the library has formatReport, so that the page can export it on a click with no round trip) or 'error'.
import * as slant from '../../dist/browser/slant.mjs';

const formats = ['json'];
if (typeof slant.formatReport === 'function') formats.push('w3c');

self.onmessage = (event) => {
  const msg = event.data;
  try {
    if (msg.type === 'analyze') {
      const t0 = performance.now();
      const report = slant.analyze(msg.text);
      const ms = performance.now() - t0;
      // W3C annotations point into the text (TextQuoteSelector, TextPositionSelector): formatReport needs it.
      const w3c = formats.includes('w3c') ? slant.formatReport(report, 'w3c', { source: msg.text, uri: 'article.txt' }) : null;
      self.postMessage({ type: 'result', seq: msg.seq, text: msg.text, report, ms, w3c });
    }
  } catch (e) {
    self.postMessage({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
  }
};

// Warm up (loads wink's model) before saying ready.
slant.analyze('Ready.');
self.postMessage({ type: 'ready', formats, version: slant.SCHEMA_VERSION });
