/**
 * Who speaks BASIL's quoted bias spans: the speaker-resolution task on BASIL dev (issue #16 item 6).
 *
 * Gold: every bias span marked `quote: yes` whose `speaker` is named ("Donald_Trump", "House_Democrats"; not
 * "other_pro"). Prediction: the source entity the report gives the span's first word (the content of an attribution
 * with a source, or a quotation with a speaker), by its resolved name.
 *
 * Two scores:
 * - `reference`: the reference scorer's speaker rule (score.mjs `speakerMatches`: full names equal or last tokens
 *   equal), run through its `quote` task on gold units built from these spans (`basil/speaker` in `npm run eval`).
 * - `entity`: the resolved entity itself. For a one-person speaker, a source typed as a person whose full name is
 *   the gold name (the last name is enough only when the text never gives the gold full name, or the gold is one
 *   word); for a group or campaign ("House_Democrats", "Obama_campaign"), a source not typed as a person whose name
 *   holds every gold word. "He", "the senator" or "Trump" alone, when the text names "Donald Trump", are wrong.
 *
 *   npx tsx eval/attribution/basil-speaker.ts [--data ../shared/data] [--pred-dir DIR] [--list]
 * (--pred-dir writes gold.jsonl and pred.jsonl for `node ../shared/eval/score.mjs --task quote`.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline';
import type { Report } from '../../src/report';
import { nameTokens, speakerMatches, type GoldDoc, type GoldSpan, type PredSpan } from '../score';

/** A quoted bias span with a named speaker. */
export interface SpeakerUnit {
  start: number;
  end: number;
  /** The gold speaker with spaces ("Donald Trump"). */
  reference: string;
  /** One person, not a group or campaign. */
  person: boolean;
}

// a gold speaker that is one person ("Donald_Trump", "Pelosi"), not a group or campaign ("House_Democrats")
const GROUP_WORDS =
  /^(?:democrats|republicans|lawmakers|officials|members|campaign|committee|companies|catholics|protestors|protesters|supporters|critics|voters|administration|house|senate|gop|now)$/u;
const isPerson = (s: string): boolean =>
  /^[A-Z][\p{L}'.-]*(?:_[A-Z][\p{L}'.-]*)*$/u.test(s) && !s.split('_').some((w) => GROUP_WORDS.test(w.toLowerCase()));

/** The gold units of one BASIL document. */
export function speakerUnits(doc: GoldDoc): SpeakerUnit[] {
  const out: SpeakerUnit[] = [];
  for (const s of doc.spans ?? []) {
    const speaker = typeof s.attrs?.speaker === 'string' ? s.attrs.speaker : '';
    if (s.attrs?.quote !== 'yes' || !speaker || speaker.startsWith('other')) continue;
    out.push({ start: s.start, end: s.end, reference: speaker.replace(/_/gu, ' '), person: isPerson(speaker) });
  }
  return out;
}

/** Gold `quote` units for the reference scorer, one per speaker unit (added once; other labels are untouched). */
export function addQuoteUnits(doc: GoldDoc): void {
  const spans = doc.spans ?? (doc.spans = []);
  if (spans.some((s) => s.label === 'quote')) return;
  for (const u of speakerUnits(doc)) {
    const span: GoldSpan = {
      start: u.start,
      end: u.end,
      label: 'quote',
      surface: doc.text.slice(u.start, u.end),
      attrs: { reference: u.reference },
    };
    spans.push(span);
  }
}

/** Per character, the id of the source whose words these are ('' = quoted, speaker unknown). */
export function owners(report: Report): Map<number, string> {
  const owner = new Map<number, string>();
  const mark = (start: number, end: number, id: string): void => {
    for (let i = start; i < end; i++) if (!owner.has(i) || owner.get(i) === '') owner.set(i, id);
  };
  for (const a of report.attributions) {
    if (!a.sourceId) continue;
    for (const p of a.contentParts ?? (a.content ? [a.content] : [])) mark(p.start, p.end, a.sourceId);
  }
  for (const q of report.quotations) if (q.kind !== 'scare') for (const s of q.segments) mark(s.start, s.end, q.speaker ?? '');
  return owner;
}

/** The source of the unit's first letter or digit, if any. */
export function sourceAt(report: Report, owner: Map<number, string>, text: string, u: { start: number; end: number }) {
  const m = /[\p{L}\p{N}]/u.exec(text.slice(u.start, u.end));
  const id = owner.get(m ? u.start + m.index : u.start);
  return id ? report.sources.find((s) => s.id === id) : undefined;
}

/** PRED `quote` spans: each unit with the resolved speaker's name. */
export function speakerPred(report: Report, doc: GoldDoc): PredSpan[] {
  const owner = owners(report);
  return speakerUnits(doc).map((u) => {
    const span: PredSpan = { start: u.start, end: u.end, label: 'quote' };
    const s = sourceAt(report, owner, doc.text, u);
    if (s) span.speaker = s.name;
    return span;
  });
}

/** Whether the resolved entity is the gold speaker (see the header). */
export function entityMatches(source: { name: string; type: string } | undefined, u: SpeakerUnit, text: string): boolean {
  if (!source) return false;
  // a middle initial is no part of the comparison ("Adam B. Schiff" is "Adam Schiff")
  const p = nameTokens(source.name).filter((w) => w.length > 1);
  const g = nameTokens(u.reference).filter((w) => w.length > 1);
  if (!p.length || !g.length) return false;
  if (u.person) {
    if (source.type !== 'named-person') return false;
    if (p.join(' ') === g.join(' ')) return true;
    const fullInText =
      g.length > 1 &&
      ` ${nameTokens(text)
        .filter((w) => w.length > 1)
        .join(' ')} `.includes(` ${g.join(' ')} `);
    return !fullInText && p[p.length - 1] === g[g.length - 1];
  }
  if (source.type === 'named-person') return false;
  const words = new Set(p.map((w) => w.replace(/s$/u, '')));
  return g.every((w) => words.has(w.replace(/s$/u, '')));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: process.env.SLANT_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data') },
      'pred-dir': { type: 'string' },
      list: { type: 'boolean', default: false },
    },
  });
  const docs = readFileSync(join(values.data!, 'basil', 'dev.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GoldDoc);
  const pipeline = createPipeline();
  const n = { all: 0, ref: 0, entity: 0, person: 0, personRef: 0, personEntity: 0, group: 0, groupEntity: 0 };
  const preds: string[] = [];
  for (const d of docs) {
    const report = pipeline.analyze(d.text);
    const owner = owners(report);
    for (const u of speakerUnits(d)) {
      const s = sourceAt(report, owner, d.text, u);
      const ref = s !== undefined && speakerMatches(s.name, u.reference);
      const entity = entityMatches(s, u, d.text);
      n.all++;
      if (ref) n.ref++;
      if (entity) n.entity++;
      if (u.person) {
        n.person++;
        if (ref) n.personRef++;
        if (entity) n.personEntity++;
      } else {
        n.group++;
        if (entity) n.groupEntity++;
      }
      if (values.list && !entity) console.log(`${d.id}\tgold ${u.reference}\tgot ${s ? `${s.name} (${s.type})` : '-'}`);
    }
    preds.push(JSON.stringify({ id: d.id, spans: speakerPred(report, d) }));
  }
  const f = (a: number, b: number): string => `${(a / b).toFixed(3)} (${a}/${b})`;
  console.log(`BASIL dev speakers of quoted bias spans (${docs.length} docs, ${n.all} spans with a named speaker):`);
  console.log(
    `  entity accuracy      all ${f(n.entity, n.all)}; one person ${f(n.personEntity, n.person)}; groups ${f(n.groupEntity, n.group)}`,
  );
  console.log(`  reference-rule (full or last name) accuracy  all ${f(n.ref, n.all)}; one person ${f(n.personRef, n.person)}`);
  if (values['pred-dir']) {
    mkdirSync(values['pred-dir'], { recursive: true });
    for (const d of docs) addQuoteUnits(d);
    writeFileSync(join(values['pred-dir'], 'gold.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    writeFileSync(join(values['pred-dir'], 'pred.jsonl'), preds.join('\n') + '\n');
  }
}

if (require.main === module) main();
