import { parseDocument } from '../../src/document/build';
import type { Token } from '../../src/document';
import { builtinLexicons } from '../../src/lexicon/builtin';
import { compileLexicon } from '../../src/lexicon/load';
import type { LexiconMatch } from '../../src/lexicon/matcher';

const lex = compileLexicon(builtinLexicons['en/loaded-language'], 'built-in en/loaded-language');
const plain = (ms: readonly LexiconMatch[]) => ms.map((m) => [m.entry.id, m.term, m.first, m.last, m.start, m.end]);

const TEXT =
  'Mayor Slams Brutal Plan As Critics Blast Council\n\n' +
  'The mayor slammed the brutal plan on Monday. Critics slam the deal, calling it a fiasco.\n\n' +
  'It was the worst outcome; officials said the plan was "a disgrace".';

describe('PhraseMatcher.matchView', () => {
  it("gives a re-read view the same matches as a full scan, reusing the document's own elsewhere", () => {
    const doc = parseDocument(TEXT);
    const reread = (t: Token): Token => ({ ...t, lemma: t.normal.replace(/s$/, ''), pos: t.normal.endsWith('s') ? 'VERB' : t.pos });
    // re-read every token of the headline and one token of a later sentence, as loaded-language's view does
    const tokens = doc.tokens.map((t) => (t.sentence === 0 || t.normal === 'slam' ? reread(t) : t));
    const view = doc.withTokens(tokens);
    const viaView = lex.matcher.matchView(view, doc);
    expect(plain(viaView)).toEqual(plain(lex.matcher.match(view)));
    // the headline differs between the two readings, the rest is the document's own (the same match objects)
    expect(plain(viaView)).not.toEqual(plain(lex.matcher.match(doc)));
    const reReadSentences = new Set(tokens.filter((t, k) => t !== doc.tokens[k]).map((t) => t.sentence));
    expect([...reReadSentences]).toEqual([0, 2]);
    const later = viaView.filter((m) => !reReadSentences.has(doc.tokens[m.first].sentence));
    expect(later.length).toBeGreaterThan(0);
    for (const m of later) expect(lex.matcher.match(doc)).toContain(m);
  });

  it('is the document itself when nothing is re-read, and computes a document once', () => {
    const doc = parseDocument(TEXT);
    expect(lex.matcher.match(doc)).toBe(lex.matcher.match(doc));
    expect(plain(lex.matcher.matchView(doc.withTokens(doc.tokens.slice()), doc))).toEqual(plain(lex.matcher.match(doc)));
  });
});
