/* global window, document, CSS, Highlight, Worker, Blob, DOMParser, CustomEvent */
// The slant editor page: a contenteditable analysed in a Web Worker, findings highlighted inline with slant/dom.
// Static files, no framework, nothing fetched from elsewhere. Needs dist/browser/ (npm run build).
import { highlightFindings, indexText, selectionOffsets, selectOffsets } from '../../dist/browser/dom.mjs';

const MODE = 'blocks'; // the text of the editor: Text nodes, <br> as a line break, blocks as paragraphs
const DEBOUNCE_MS = 300;

/** Analyzer labels and their underline style (so that an analyzer is told by more than its colour). */
const ANALYZERS = {
  'loaded-language': { label: 'Loaded language', line: 'solid' },
  'unattributed-assertions': { label: 'No source named', line: 'double' },
  sourcing: { label: 'Sourcing', line: 'dashed' },
  framing: { label: 'Framing', line: 'dotted' },
  tone: { label: 'Tone', line: 'wavy' },
  certainty: { label: 'Certainty', line: 'dashed' },
  agency: { label: 'Agency', line: 'dotted' },
};
const SOURCE_TYPES = {
  'named-person': 'named person',
  'named-organization': 'named organisation',
  anonymous: 'anonymous',
  'vague-collective': 'vague',
  document: 'document',
  none: 'no source',
};

const $ = (id) => document.getElementById(id);
const input = $('input');
const margin = $('margin');
const tip = $('tip');
const status = $('status');
const announce = $('announce');

const state = {
  worker: null,
  ready: false,
  seq: 0, // last request sent
  appliedSeq: 0, // last result shown
  inFlight: false,
  dirty: false, // the text changed since the last request
  timer: 0,
  report: null,
  reportText: null,
  highlight: null,
  hidden: { analyzers: new Set(), severities: new Set() },
  current: -1, // index in report.findings of the finding navigated to
  formats: ['json'],
  w3c: null, // the shown report as W3C annotations (when the library has formatReport)
  timings: [], // { characters, words, ms } per analysis, for the benchmark
  openSource: null,
};

/** For tests and benchmarks: the state of the page. */
window.slantEditor = {
  get text() {
    return currentText();
  },
  get report() {
    return state.report;
  },
  get reportText() {
    return state.reportText;
  },
  get timings() {
    return state.timings.slice();
  },
  get ready() {
    return state.ready;
  },
};

function currentText() {
  return indexText(input, { mode: MODE }).text;
}

// ---------------------------------------------------------------------------------------------------------------
// The worker: one request at a time; edits while it works are coalesced into one more request with the latest text.

function startWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    setStatus(`The analyser could not start (${event.message || 'worker error'}). Is dist/browser/ built? Run "npm run build".`);
  };
  state.worker = worker;
}

function onWorkerMessage(msg) {
  if (msg.type === 'ready') {
    state.ready = true;
    state.formats = msg.formats;
    $('export-w3c').hidden = !msg.formats.includes('w3c');
    setStatus('Ready. Paste or type an article.');
    if (currentText().trim()) requestAnalysis();
    return;
  }
  if (msg.type === 'result' || msg.type === 'error') {
    state.inFlight = false;
    if (msg.type === 'error') setStatus(`Analysis failed: ${msg.message}`);
    // A result older than one already shown, or of a text that has changed since, is never shown.
    else if (msg.seq > state.appliedSeq && msg.text === currentText()) applyResult(msg);
    if (state.dirty) requestAnalysis();
    return;
  }
}

function scheduleAnalysis() {
  state.dirty = true;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (!state.inFlight) requestAnalysis();
  }, DEBOUNCE_MS);
}

function requestAnalysis() {
  if (!state.ready) return;
  state.dirty = false;
  state.inFlight = true;
  state.seq += 1;
  setStatus('Analysing…');
  state.worker.postMessage({ type: 'analyze', seq: state.seq, text: currentText() });
}

function setStatus(text) {
  status.textContent = text;
}

// ---------------------------------------------------------------------------------------------------------------
// Showing a result.

function applyResult({ seq, text, report, ms, w3c }) {
  state.appliedSeq = seq;
  state.report = report;
  state.w3c = w3c;
  state.reportText = text;
  state.timings.push({ characters: text.length, words: report.stats.words, ms: Math.round(ms * 10) / 10 });
  status.dataset.analysisMs = String(Math.round(ms));
  setStatus(`Analysed ${report.stats.words} words in ${Math.round(ms)} ms: ${report.findings.length} findings.`);
  if (state.current >= report.findings.length) state.current = -1;
  renderFilters();
  renderHighlights();
  renderScores();
  renderSources();
  renderSentences();
  $('export-json').disabled = false;
  $('export-w3c').disabled = false;
  document.dispatchEvent(new CustomEvent('slant:analyzed', { detail: { seq, ms, characters: text.length } }));
}

function visible(finding) {
  return !state.hidden.analyzers.has(finding.analyzer) && !state.hidden.severities.has(finding.severity);
}

/** Re-wraps the findings; keeps the caret (as text offsets) when the editor has focus. */
function renderHighlights() {
  const focused = document.activeElement === input;
  const caret = focused ? selectionOffsets(indexText(input, { mode: MODE })) : null;
  state.highlight?.remove();
  state.highlight = null;
  const report = state.report;
  if (report && state.reportText === currentText()) {
    state.highlight = highlightFindings(input, report, {
      mode: MODE,
      filter: visible,
      decorateFinding: (el, finding) => {
        el.style.setProperty('--line', ANALYZERS[finding.analyzer]?.line ?? 'solid');
      },
    });
  }
  if (caret) selectOffsets(indexText(input, { mode: MODE }), caret.start, caret.end);
  renderFindingList();
  renderMargin();
}

function renderFilters() {
  const box = $('filter-analyzers');
  const counts = {};
  for (const f of state.report.findings) counts[f.analyzer] = (counts[f.analyzer] ?? 0) + 1;
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const id of Object.keys(state.report.analyzers)) {
    const label = document.createElement('label');
    label.className = 'analyzer-filter';
    label.dataset.slantAnalyzer = id;
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.value = id;
    cb.checked = !state.hidden.analyzers.has(id);
    const sample = document.createElement('span');
    sample.className = 'sample';
    sample.dataset.slantAnalyzer = id;
    sample.style.setProperty('--line', ANALYZERS[id]?.line ?? 'solid');
    sample.textContent = ANALYZERS[id]?.label ?? id;
    label.append(cb, ' ', sample, ` (${counts[id] ?? 0})`);
    box.append(label);
  }
}

function renderFindingList() {
  const list = $('findings');
  list.textContent = '';
  const report = state.report;
  if (!report) return;
  const shown = report.findings.map((f, i) => [f, i]).filter(([f]) => visible(f));
  $('finding-count').textContent = `(${shown.length} of ${report.findings.length})`;
  for (const [f, i] of shown) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.slantFindingItem = String(i);
    b.dataset.slantAnalyzer = f.analyzer;
    b.className = `finding-item severity-${f.severity}`;
    const quote = f.span.text.length > 60 ? `${f.span.text.slice(0, 57)}…` : f.span.text;
    b.innerHTML = `<span class="badge" data-slant-analyzer="${escapeAttr(f.analyzer)}">${escapeHtml(ANALYZERS[f.analyzer]?.label ?? f.analyzer)}</span> <span class="sev">${f.severity}</span> <q>${escapeHtml(quote)}</q> <span class="msg">${escapeHtml(f.message)}</span>`;
    b.setAttribute('aria-current', String(i === state.current));
    li.append(b);
    list.append(li);
  }
}

function renderScores() {
  const r = state.report;
  const box = $('scores');
  const pct = (s) => (s === null || s === undefined ? 'n/a' : `${Math.round(s * 100)}`);
  let html = `<p class="overall"><strong>Overall ${pct(r.score.overall)}</strong> <span class="of">/ 100</span><br><span class="basis">${escapeHtml(r.score.basis)}</span></p><dl class="analyzer-scores">`;
  for (const [id, a] of Object.entries(r.analyzers)) {
    const value = a.score === null ? 0 : a.score;
    html += `<dt><span class="sample" data-slant-analyzer="${escapeAttr(id)}">${escapeHtml(ANALYZERS[id]?.label ?? id)}</span> <span class="score">${pct(a.score)}</span>${a.status === 'failed' ? ' (failed)' : ''}</dt>
      <dd><meter min="0" max="1" value="${value}" aria-label="${escapeAttr(`${id} score`)}"></meter><span class="basis">${escapeHtml(a.basis)}</span></dd>`;
  }
  box.innerHTML = html + '</dl>';
}

function renderSources() {
  const list = $('sources');
  list.textContent = '';
  if (!state.report.sources.length) list.innerHTML = '<li class="empty">No source found.</li>';
  for (const s of state.report.sources) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.slantSource = s.id;
    b.setAttribute('aria-expanded', String(state.openSource === s.id));
    b.innerHTML = `<span class="name">${escapeHtml(s.name)}</span> <span class="type type-${escapeAttr(s.type)}">${escapeHtml(SOURCE_TYPES[s.type] ?? s.type)}</span>
      <span class="meta">${s.attributions} attribution${s.attributions === 1 ? '' : 's'}, ${s.mentions.length} mention${s.mentions.length === 1 ? '' : 's'}${s.role ? ` · ${escapeHtml(s.role)}` : ''}</span>`;
    li.append(b);
    if (state.openSource === s.id) li.append(mentionList(s));
    list.append(li);
  }
  showMentions();
}

function mentionList(source) {
  const ul = document.createElement('ul');
  ul.className = 'mentions';
  for (const m of source.mentions) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.slantMention = `${m.start}-${m.end}`;
    b.textContent = m.text;
    b.title = `characters ${m.start}–${m.end}`;
    li.append(b);
    ul.append(li);
  }
  return ul;
}

/** The open source's mentions, decorated in the text through the CSS Custom Highlight API (the DOM is untouched). */
function showMentions() {
  if (typeof CSS === 'undefined' || !CSS.highlights) return;
  CSS.highlights.delete('slant-mention');
  const source = state.report?.sources.find((s) => s.id === state.openSource);
  if (!source || state.reportText !== currentText()) return;
  const index = indexText(input, { mode: MODE });
  CSS.highlights.set('slant-mention', new Highlight(...source.mentions.map((m) => index.rangeOf(m.start, m.end))));
}

function renderSentences() {
  const list = $('sentences');
  list.textContent = '';
  const flagged = state.report.sentences.filter((s) => s.status === 'unattributed-assertion');
  if (!flagged.length) list.innerHTML = '<li class="empty">None.</li>';
  for (const s of flagged) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.slantSentence = String(s.index);
    b.textContent = s.span.text.length > 90 ? `${s.span.text.slice(0, 87)}…` : s.span.text;
    li.append(b);
    list.append(li);
  }
}

/** Sentence statuses in the margin, beside the first line of each sentence. */
function renderMargin() {
  margin.textContent = '';
  const r = state.report;
  if (!r || state.reportText !== currentText()) return;
  const index = indexText(input, { mode: MODE });
  const top = margin.getBoundingClientRect().top;
  for (const s of r.sentences) {
    const rect = index.rangeOf(s.span.start, Math.min(s.span.end, s.span.start + 1)).getClientRects()[0];
    if (!rect) continue;
    const flag = document.createElement('span');
    flag.className = `flag status-${s.status}`;
    flag.dataset.slantSentenceStatus = s.status;
    flag.dataset.slantSentence = String(s.index);
    flag.style.top = `${rect.top - top}px`;
    flag.textContent = s.status === 'unattributed-assertion' ? 'no source' : s.status === 'attributed' ? 'sourced' : '·';
    flag.title = `${s.status}${s.reasons.length ? `: ${s.reasons.join('; ')}` : ''}`;
    margin.append(flag);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Explanations on hover and keyboard focus; keyboard navigation between findings.

function explain(index, anchor) {
  const f = state.report?.findings[index];
  if (!f || !anchor) {
    tip.hidden = true;
    return;
  }
  tip.innerHTML = `<strong>${escapeHtml(ANALYZERS[f.analyzer]?.label ?? f.analyzer)}</strong> · ${f.severity} · ${escapeHtml(f.voice)} voice
    <p>${escapeHtml(f.message)}</p>${f.explanation ? `<p class="why">${escapeHtml(f.explanation)}</p>` : ''}${f.suggestions.length ? `<p class="why">Alternatives: ${escapeHtml(f.suggestions.join(', '))}</p>` : ''}`;
  tip.hidden = false;
  const rect = anchor.getBoundingClientRect();
  const left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = `${Math.max(8, left)}px`;
  tip.style.top = `${window.scrollY + rect.bottom + 6}px`;
}

function marksOf(index) {
  return state.highlight ? state.highlight.elementsOf(index) : [];
}

function goTo(index) {
  const f = state.report?.findings[index];
  if (!f) return;
  state.current = index;
  input.querySelectorAll('mark[data-current]').forEach((m) => m.removeAttribute('data-current'));
  const marks = marksOf(index);
  marks.forEach((m) => m.setAttribute('data-current', ''));
  const [first] = marks;
  first?.scrollIntoView({ block: 'center', behavior: 'instant' });
  explain(index, first);
  announce.textContent = `${ANALYZERS[f.analyzer]?.label ?? f.analyzer}, ${f.severity}: “${f.span.text}”. ${f.message}`;
  $('findings')
    .querySelectorAll('button')
    .forEach((b) => b.setAttribute('aria-current', String(b.dataset.slantFindingItem === String(index))));
}

function step(direction) {
  const r = state.report;
  if (!r) return;
  const order = r.findings
    .map((f, i) => [f, i])
    .filter(([f]) => visible(f))
    .sort(([a, i], [b, j]) => a.span.start - b.span.start || i - j)
    .map(([, i]) => i);
  if (!order.length) return;
  const at = order.indexOf(state.current);
  const next = at < 0 ? (direction > 0 ? 0 : order.length - 1) : (at + direction + order.length) % order.length;
  goTo(order[next]);
  if (document.activeElement === input) {
    const f = r.findings[order[next]];
    selectOffsets(indexText(input, { mode: MODE }), f.span.start, f.span.end);
  }
}

input.addEventListener('mouseover', (e) => {
  const mark = e.target.closest?.('mark[data-slant-finding]');
  if (mark) explain(Number(mark.dataset.slantFinding), mark);
});
input.addEventListener('mouseleave', () => {
  if (state.current < 0) tip.hidden = true;
});
document.addEventListener('selectionchange', () => {
  // Keyboard focus inside the text: the caret in a highlight explains it.
  if (document.activeElement !== input) return;
  const sel = document.getSelection();
  const node = sel?.anchorNode;
  const marks = [];
  for (let el = node?.nodeType === 3 ? node.parentElement : node; el && el !== input; el = el.parentElement) {
    if (el.matches?.('mark[data-slant-finding]')) marks.push(el);
  }
  // Inside the finding navigated to, keep explaining it; else explain the innermost highlight at the caret.
  const mark = marks.find((m) => Number(m.dataset.slantFinding) === state.current) ?? marks[0];
  if (mark && input.contains(mark)) explain(Number(mark.dataset.slantFinding), mark);
  else if (state.current < 0) tip.hidden = true;
});
document.addEventListener('keydown', (e) => {
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    step(e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Escape') {
    tip.hidden = true;
    state.current = -1;
    input.querySelectorAll('mark[data-current]').forEach((m) => m.removeAttribute('data-current'));
    $('findings')
      .querySelectorAll('button[aria-current="true"]')
      .forEach((b) => b.setAttribute('aria-current', 'false'));
  }
});

$('findings').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-slant-finding-item]');
  if (b) goTo(Number(b.dataset.slantFindingItem));
});
$('findings').addEventListener('focusin', (e) => {
  const b = e.target.closest('button[data-slant-finding-item]');
  if (b) explain(Number(b.dataset.slantFindingItem), marksOf(Number(b.dataset.slantFindingItem))[0]);
});
$('findings').addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...$('findings').querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement);
  if (at < 0) return;
  e.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
});

$('sources').addEventListener('click', (e) => {
  const mention = e.target.closest('button[data-slant-mention]');
  if (mention) {
    const [start, end] = mention.dataset.slantMention.split('-').map(Number);
    input.focus();
    selectOffsets(indexText(input, { mode: MODE }), start, end);
    return;
  }
  const b = e.target.closest('button[data-slant-source]');
  if (!b) return;
  state.openSource = state.openSource === b.dataset.slantSource ? null : b.dataset.slantSource;
  renderSources();
  document.querySelector(`button[data-slant-source="${CSS.escape(b.dataset.slantSource)}"]`)?.focus();
});

$('sentences').addEventListener('click', (e) => {
  const b = e.target.closest('button[data-slant-sentence]');
  const s = b && state.report?.sentences.find((x) => String(x.index) === b.dataset.slantSentence);
  if (!s || state.reportText !== currentText()) return;
  input.focus();
  selectOffsets(indexText(input, { mode: MODE }), s.span.start, s.span.end);
});

$('filter-analyzers').addEventListener('change', (e) => {
  if (e.target.checked) state.hidden.analyzers.delete(e.target.value);
  else state.hidden.analyzers.add(e.target.value);
  renderHighlights();
});
$('filter-severity').addEventListener('change', (e) => {
  if (e.target.checked) state.hidden.severities.delete(e.target.value);
  else state.hidden.severities.add(e.target.value);
  renderHighlights();
});

// ---------------------------------------------------------------------------------------------------------------
// Input: typing, and paste of plain text or rich HTML (inserted as its text, paragraphs kept).

input.addEventListener('input', () => {
  scheduleAnalysis();
});

input.addEventListener('paste', (e) => {
  const data = e.clipboardData;
  if (!data) return;
  e.preventDefault();
  const html = data.getData('text/html');
  let text = data.getData('text/plain');
  if (html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('nav, header, footer, aside, figure').forEach((n) => n.remove());
    text = indexText(doc.body, { mode: 'blocks' }).text;
  }
  insertText(text.replace(/\r\n?/g, '\n'));
  scheduleAnalysis();
});

/** Inserts plain text at the caret (replacing the selection) as one Text node, and puts the caret after it. */
function insertText(text) {
  const sel = document.getSelection();
  let range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
  if (!range || !input.contains(range.commonAncestorContainer)) {
    range = document.createRange();
    range.selectNodeContents(input);
    range.collapse(false);
  }
  range.deleteContents();
  const node = document.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel?.removeAllRanges();
  sel?.addRange(range);
}

window.addEventListener('resize', () => renderMargin());

// ---------------------------------------------------------------------------------------------------------------
// Export.

$('export-json').addEventListener(
  'click',
  () => state.report && download(JSON.stringify(state.report, null, 2), 'slant-report.json', 'application/json'),
);
$('export-w3c').addEventListener(
  'click',
  // Formatted by the worker with the result, so the download happens in the click (browsers block later ones).
  () => state.w3c && download(state.w3c, 'slant-annotations.jsonld', 'application/ld+json'),
);

function download(text, name, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
const escapeAttr = escapeHtml;

startWorker();
