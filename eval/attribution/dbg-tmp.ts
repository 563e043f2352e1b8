import { parseDocument } from '../../src/document/build';
import { findCandidates } from '../../src/attribution/detect';
for (const text of process.argv.slice(2)) {
  const doc = parseDocument(text);
  const { candidates } = findCandidates(doc);
  const t = doc.tokens;
  console.log(text);
  console.log('  tags:', t.map((x) => `${x.value}/${x.pos}/s${x.sentence}`).join(' '));
  for (const c of candidates)
    console.log('  ', t.slice(c.first, c.last + 1).map((x) => x.value).join(' '), c.form, c.sourceSide, c.source ? t.slice(c.source.first, c.source.last + 1).map((x) => x.value).join(' ') : '-', c.features.join(','));
}
