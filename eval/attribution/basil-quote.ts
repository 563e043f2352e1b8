/**
 * BASIL `attrs.quote` / `attrs.speaker`: is a bias span the writer's words or a quoted source's, and whose?
 *   npx tsx eval/attribution/basil-quote.ts [--data ../shared/data]
 * A span counts as quoted when its first word is in a direct or block quotation, or inside the content of an
 * attribution that has a source. Speaker accuracy: among quoted gold spans whose speaker is a named person
 * ("Donald_Trump", not "other_pro"), the share where the resolved source's last name matches; and the same over gold
 * speakers that are one person (groups and campaigns such as "House_Democrats" cannot match a person's name).
 * No reference-scorer task covers this; the numbers are this script's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../../src/document/build';
import type { GoldDoc } from '../score';

const { values } = parseArgs({ options: { data: { type: 'string', default: join(__dirname, '..', '..', '..', 'shared', 'data') } } });
const docs = readFileSync(join(values.data!, 'basil', 'dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as GoldDoc);

const norm = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s_]/gu, '')
    .trim();
const lastName = (s: string): string =>
  norm(s)
    .split(/[\s_]+/u)
    .filter(Boolean)
    .pop() ?? '';

let tp = 0,
  fp = 0,
  fn = 0,
  tn = 0,
  speakerGold = 0,
  speakerRight = 0,
  personGold = 0,
  personRight = 0;
// a gold speaker that is one person ("Donald_Trump", "Pelosi"), not a group or campaign ("House_Democrats", "Obama_campaign")
const GROUP_WORDS =
  /^(?:democrats|republicans|lawmakers|officials|members|campaign|committee|companies|catholics|protestors|protesters|supporters|critics|voters|administration|house|senate|gop|now)$/u;
const isPerson = (s: string): boolean =>
  /^[A-Z][\p{L}'.-]*(?:_[A-Z][\p{L}'.-]*)*$/u.test(s) && !s.split('_').some((w) => GROUP_WORDS.test(w.toLowerCase()));
for (const d of docs) {
  const doc = parseDocument(d.text);
  const a = doc.attribution;
  const names = new Map(a.sources.map((s) => [s.id, s.name]));
  // per character: id of the source whose words these are ('' = quoted, speaker unknown)
  const owner = new Map<number, string>();
  const mark = (start: number, end: number, id: string): void => {
    for (let i = start; i < end; i++) if (!owner.has(i) || owner.get(i) === '') owner.set(i, id);
  };
  for (const r of a.relations) if (r.sourceId) for (const p of r.contentParts) mark(p.start, p.end, r.sourceId);
  for (const q of doc.quotations)
    if (q.kind !== 'scare') for (const s of q.segments) mark(s.start, s.end, a.quotationSpeakers.get(q.index) ?? '');
  for (const s of d.spans ?? []) {
    const quote = s.attrs?.quote;
    if (quote !== 'yes' && quote !== 'no') continue;
    const m = /[\p{L}\p{N}]/u.exec(d.text.slice(s.start, s.end));
    const at = m ? s.start + m.index : s.start;
    const predicted = owner.has(at);
    if (predicted && quote === 'yes') tp++;
    else if (predicted) fp++;
    else if (quote === 'yes') fn++;
    else tn++;
    const speaker = typeof s.attrs?.speaker === 'string' ? s.attrs.speaker : '';
    if (quote === 'yes' && speaker && !speaker.startsWith('other')) {
      speakerGold++;
      const id = owner.get(at);
      const right = id !== undefined && id !== '' && lastName(names.get(id) ?? '') === lastName(speaker);
      if (right) speakerRight++;
      if (isPerson(speaker)) {
        personGold++;
        if (right) personRight++;
      }
    }
  }
}
const p = tp / (tp + fp),
  r = tp / (tp + fn);
console.log(
  `BASIL dev: ${docs.length} docs; quote=yes detection P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)}; accuracy ${((tp + tn) / (tp + tn + fp + fn)).toFixed(3)}`,
);
console.log(
  `speaker (named, last name) accuracy ${(speakerRight / speakerGold).toFixed(3)} (${speakerRight}/${speakerGold}); of them one person (not a group or campaign): ${(personRight / personGold).toFixed(3)} (${personRight}/${personGold})`,
);
