// The analyser, in a Web Worker so that typing never waits for it. Messages in: { type: 'analyze', seq, text } and
// { type: 'format', seq, format, report }; out: 'ready', 'result' (with the text it analysed), 'formatted', 'error'.
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
      self.postMessage({ type: 'result', seq: msg.seq, text: msg.text, report, ms });
    } else if (msg.type === 'format') {
      const output = msg.format === 'json' ? JSON.stringify(msg.report, null, 2) : slant.formatReport(msg.report, msg.format);
      self.postMessage({ type: 'formatted', seq: msg.seq, format: msg.format, output: typeof output === 'string' ? output : JSON.stringify(output, null, 2) });
    }
  } catch (e) {
    self.postMessage({ type: 'error', seq: msg.seq, message: e instanceof Error ? e.message : String(e) });
  }
};

// Warm up (loads wink's model) before saying ready.
slant.analyze('Ready.');
self.postMessage({ type: 'ready', formats, version: slant.SCHEMA_VERSION });
