import { parseDocument } from '../src/document/build';
import { MAX_RUN, MAX_SPACE_RUN, readableByWink } from '../src/nlp';
import type { SlantDocument } from '../src/document';

const quoted = (doc: SlantDocument): string =>
  doc.tokens
    .filter((t) => t.voice === 'quoted' && t.isWord)
    .map((t) => t.value)
    .join(' ');
const kinds = (doc: SlantDocument): string[] => doc.quotations.map((q) => `${q.kind}:${doc.text.slice(q.contentStart, q.contentEnd)}`);

describe('tokens', () => {
  it('carry exact UTF-16 offsets, including emoji, CRLF and non-breaking spaces', () => {
    const text = 'Prices rose 5%\u00a0today 👍🏽.\r\nThe minister’s aide didn’t say — “no comment”.';
    const doc = parseDocument(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    expect(doc.tokens.map((t) => t.value)).toContain('👍');
    expect(doc.tokens.some((t) => t.value.trim() === '')).toBe(false);
  });

  it('skip a run of more than MAX_RUN non-space characters (pasted data), keeping every other offset exact', () => {
    const blob = 'Zm9v"YmFy-'.repeat(2_000); // 20,000 characters with quotation marks and hyphens, no space
    const text = `Critics slammed the plan.\n\n${blob} Officials said “it works” on Monday.`;
    const doc = parseDocument(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    const blobStart = text.indexOf(blob);
    expect(doc.tokens.filter((t) => t.start < blobStart + blob.length && t.end > blobStart)).toEqual([]);
    expect(doc.tokens.map((t) => t.value)).toEqual([
      'Critics',
      'slammed',
      'the',
      'plan',
      '.',
      'Officials',
      'said',
      '“',
      'it',
      'works',
      '”',
      'on',
      'Monday',
      '.',
    ]);
    // its quotation marks open no quotation: only the real one is found
    expect(kinds(doc)).toEqual(['direct:it works']);
  });

  it('blank only runs longer than MAX_RUN, as spaces of the same length', () => {
    const longest = 'x'.repeat(MAX_RUN);
    expect(readableByWink(`a ${longest} b`)).toBe(`a ${longest} b`);
    const over = `https://example.org/${'a'.repeat(MAX_RUN)}`;
    expect(readableByWink(`see ${over}\tthen 👍🏽`)).toBe(`see ${' '.repeat(over.length)}\tthen 👍🏽`);
    expect(readableByWink('😀'.repeat(MAX_RUN))).toBe(' '.repeat(2 * MAX_RUN)); // UTF-16 code units, as offsets are
  });

  it('come out the same after a long run of line breaks and spaces (wink reads it with its line breaks grouped)', () => {
    const gap = '\n '.repeat(MAX_SPACE_RUN);
    expect(readableByWink(`a${gap}b`)).toBe(`a${'\n'.repeat(MAX_SPACE_RUN)}${' '.repeat(MAX_SPACE_RUN)}b`);
    expect(readableByWink('a\n \n b')).toBe('a\n \n b'); // short runs as they are
    const text = `First paragraph.${gap}Second one, “quoted”.${'\r\n\t'.repeat(40)}Third.`;
    const doc = parseDocument(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
    expect(doc.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['First paragraph.', 'Second one, “quoted”.', 'Third.']);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['First paragraph.', 'Second one, “quoted”.', 'Third.']);
  });

  it('keep offsets exact after a gap longer than wink records (65,534 spaces)', () => {
    for (const gap of [' '.repeat(70_000), ` ${'q'.repeat(70_000)} `]) {
      const text = `Hello${gap}world said.`;
      const doc = parseDocument(text);
      expect(doc.tokens.map((t) => [t.value, t.start])).toEqual([
        ['Hello', 0],
        ['world', 5 + gap.length],
        ['said', 11 + gap.length],
        ['.', 15 + gap.length],
      ]);
    }
  });

  it('have lemma, normal form and POS', () => {
    const doc = parseDocument('Critics slammed the plans.');
    const slammed = doc.tokens[1];
    expect(slammed).toMatchObject({ value: 'slammed', normal: 'slammed', lemma: 'slam', pos: 'VERB', isWord: true });
  });

  it('falls back to the normal form where wink gives no lemma ("cannot" in some contexts)', () => {
    const doc = parseDocument('A rule like this cannot, should not and will not stand.');
    expect(doc.tokens.find((t) => t.value === 'cannot')?.lemma).toBe('cannot');
    for (const t of doc.tokens) expect(typeof t.lemma).toBe('string');
  });

  it('tokenises a text the same whatever the process read before', () => {
    // wink remembers "Zorbly's." as one lexeme and would later keep "Zorbly's" whole; slant makes it forget.
    const probe = "The firm welcomed Mike Zorbly's appointment.";
    const before = parseDocument(probe).tokens.map((t) => t.value);
    parseDocument("It belongs to Zorbly's.");
    expect(parseDocument(probe).tokens.map((t) => t.value)).toEqual(before);
    expect(before).toContain("'s");
  });

  it('count words as tokens with a letter or digit', () => {
    expect(parseDocument('One, two — 3!').wordCount).toBe(3);
    expect(parseDocument('').wordCount).toBe(0);
  });
});

describe('sentences and paragraphs', () => {
  const sentencesOf = (text: string): string[] => parseDocument(text).sentences.map((x) => text.slice(x.start, x.end));

  it('does not end a sentence after a title or a party-state abbreviation', () => {
    expect(sentencesOf('Sens. John Smith and Jane Doe said the bill would pass.')).toEqual([
      'Sens. John Smith and Jane Doe said the bill would pass.',
    ]);
    expect(sentencesOf('Sen. Chris Murphy (D-Conn.) said the vote was close.')).toEqual([
      'Sen. Chris Murphy (D-Conn.) said the vote was close.',
    ]);
    expect(sentencesOf('Prof. Kim arrived. Adm. Rogers spoke.')).toEqual(['Prof. Kim arrived.', 'Adm. Rogers spoke.']);
    expect(sentencesOf('Rep. Ann Lee (D-Md.), chair of the panel, said the vote was close.')).toHaveLength(1);
    expect(sentencesOf('Rep. Tom Hale (D-N.Y.) said the vote was close.')).toHaveLength(1);
    expect(sentencesOf('He met Ann Lee (D-Md.). Then he left.')).toHaveLength(2);
  });

  it('still ends sentences after ordinary abbreviations and parentheses', () => {
    expect(sentencesOf('The U.S. economy grew. It was a good year.')).toEqual(['The U.S. economy grew.', 'It was a good year.']);
    expect(sentencesOf('He lives on Main St. The house is old.')).toEqual(['He lives on Main St.', 'The house is old.']);
    expect(sentencesOf('Sales rose (see chart.) Profits fell.')).toHaveLength(2);
  });

  it('splits paragraphs at line breaks and never lets a sentence cross one', () => {
    const text = 'A headline without a full stop\nFirst sentence here. Second one follows.\n\nA new paragraph.';
    const doc = parseDocument(text);
    expect(doc.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'A headline without a full stop',
      'First sentence here. Second one follows.',
      'A new paragraph.',
    ]);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'A headline without a full stop',
      'First sentence here.',
      'Second one follows.',
      'A new paragraph.',
    ]);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    expect(doc.paragraphs[1]).toMatchObject({ sentenceStart: 1, sentenceEnd: 3 });
  });
});

describe('quotations', () => {
  it('finds straight double quotes and puts their words in the quoted voice', () => {
    const doc = parseDocument('"We will not back down," the mayor said on Monday.');
    expect(kinds(doc)).toEqual(['direct:We will not back down,']);
    expect(quoted(doc)).toBe('We will not back down');
    expect(doc.tokens.find((t) => t.value === 'mayor')?.voice).toBe('writer');
  });

  it('finds curly double quotes', () => {
    const doc = parseDocument('The mayor said: “We will not back down.” Then she left.');
    expect(kinds(doc)).toEqual(['direct:We will not back down.']);
  });

  it('finds single-quote quotations but not apostrophes, decades or possessives', () => {
    const doc = parseDocument("'We don't take sides,' she said of the Joneses' dispute in the '90s.");
    expect(kinds(doc)).toEqual(["direct:We don't take sides,"]);
    expect(quoted(doc)).toBe("We do n't take sides");
  });

  it('finds a curly single-quote quotation after a colon', () => {
    const doc = parseDocument('He told the court: ‘I was not there at all.’');
    expect(kinds(doc)).toEqual(['direct:I was not there at all.']);
  });

  it('handles nested quotes', () => {
    const doc = parseDocument('"She told me \'never again\' and walked out," the witness said.');
    expect(kinds(doc)).toEqual(["direct:She told me 'never again' and walked out,", 'direct:never again']);
    expect(doc.quotations[1].parent).toBe(0);
    expect(quoted(doc)).toBe('She told me never again and walked out');
  });

  it('joins a quotation running over three paragraphs (no closing mark until the end)', () => {
    const text = [
      '"The first thing we did was count the boats,',
      '"then we counted the people on each of them,',
      '"and only then did we call for help," the captain said.',
      'Rescuers arrived at dawn.',
    ].join('\n');
    const doc = parseDocument(text);
    expect(doc.quotations).toHaveLength(1);
    const q = doc.quotations[0];
    expect(q.kind).toBe('block');
    expect(q.segments.map((s) => text.slice(s.start, s.end))).toEqual([
      'The first thing we did was count the boats,',
      'then we counted the people on each of them,',
      'and only then did we call for help,',
    ]);
    expect(doc.tokens.find((t) => t.value === 'captain')?.voice).toBe('writer');
    expect(doc.tokens.find((t) => t.value === 'Rescuers')?.voice).toBe('writer');
    expect(doc.tokens.find((t) => t.value === 'counted')?.voice).toBe('quoted');
  });

  it('ends an unclosed quotation at its paragraph when the next paragraph does not continue it', () => {
    const text = 'The leaflet read "Vote early and often\nCouncillors met later that day.';
    const doc = parseDocument(text);
    expect(doc.quotations).toHaveLength(1);
    expect(doc.quotations[0].closed).toBe(false);
    expect(doc.tokens.find((t) => t.value === 'Councillors')?.voice).toBe('writer');
  });

  it('ends a quotation re-opened by a new sentence in the same paragraph (its closer left out)', () => {
    // paragraphs run together: the first quotation's closer is missing, so the next opener starts a new quotation
    const text =
      'Marco Bellini says the side has changed. "We made mistakes in 2000. "It would not happen now," he said. ' +
      'Bellini says the owner changed the club.\n"The club is different," he added.';
    const doc = parseDocument(text);
    expect(kinds(doc)).toEqual(['direct:We made mistakes in 2000.', 'direct:It would not happen now,', 'direct:The club is different,']);
    expect(doc.quotations[0].closed).toBe(false);
    expect(doc.quotations[0].parent).toBe(-1);
    expect(doc.quotations[1].parent).toBe(-1);
    // the writer's words between the quotations stay the writer's
    expect(doc.tokens.find((t) => t.value === 'owner')?.voice).toBe('writer');
    expect(doc.tokens.find((t) => t.value === 'he')?.voice).toBe('writer');
  });

  it('still nests a double quotation that does not start a new sentence', () => {
    const doc = parseDocument('"They told me "go home" and left," she said.');
    expect(doc.quotations).toHaveLength(2);
    expect(doc.quotations[1].parent).toBe(0);
  });
  it('treats a few words with no speaker as a scare quote in the writer voice', () => {
    const doc = parseDocument('The so-called "reforms" cut pensions by a third.');
    expect(kinds(doc)).toEqual(['scare:reforms']);
    expect(quoted(doc)).toBe('');
    const doc2 = parseDocument('The government\'s "temporary" measures are now in their fifth year.');
    expect(kinds(doc2)).toEqual(['scare:temporary']);
  });

  it('keeps a short quotation with a speaker in the quoted voice', () => {
    const doc = parseDocument('The minister called the report "deeply flawed" on Tuesday.');
    expect(kinds(doc)).toEqual(['direct:deeply flawed']);
    expect(quoted(doc)).toBe('deeply flawed');
    const doc2 = parseDocument('"No comment," he said.');
    expect(kinds(doc2)).toEqual(['direct:No comment,']);
  });

  it('handles guillemets and German quotes', () => {
    const doc = parseDocument(
      'The sign read «we are leaving at dawn tomorrow» in French. A banner read „we are staying here for good“ too.',
    );
    expect(kinds(doc)).toEqual(['direct:we are leaving at dawn tomorrow', 'direct:we are staying here for good']);
  });

  it("reads two straight apostrophes as a double quotation mark (''…'', a newspaper archive's convention)", () => {
    const text = "''We are not done,'' the mayor said. He called it ''a dead end.''\n''It was over by noon,'' she said.";
    const doc = parseDocument(text);
    expect(kinds(doc)).toEqual(['direct:We are not done,', 'direct:a dead end.', 'direct:It was over by noon,']);
    expect(doc.quotations.map((q) => text.slice(q.start, q.end))).toEqual([
      "''We are not done,''",
      "''a dead end.''",
      "''It was over by noon,''",
    ]);
    expect(doc.tokens.find((t) => t.value === 'mayor')?.voice).toBe('writer');
    expect(doc.tokens.find((t) => t.value === 'done')?.voice).toBe('quoted');
    // an apostrophe pair at a paragraph start continues the quotation of the paragraph before
    const long = "''We counted the boats,\n''and then we called for help,'' the captain said.";
    const d2 = parseDocument(long);
    expect(d2.quotations).toHaveLength(1);
    expect(d2.quotations[0].segments.map((s) => long.slice(s.start, s.end))).toEqual([
      'We counted the boats,',
      'and then we called for help,',
    ]);
  });

  it('survives stray quote marks without crashing or inventing long quotations', () => {
    const doc = parseDocument('He measured 6\' 2" tall. A lone " mark. 5\'11" and "');
    // no direct quotation (nothing is put in a speaker's voice) and no scare quote longer than a few words
    expect(doc.quotations.filter((q) => q.kind !== 'scare' || q.end - q.start > 15)).toEqual([]);
    expect(doc.tokens.filter((t) => t.voice !== 'writer').map((t) => t.value)).toEqual([]);
    expect(doc.tokens.find((t) => t.value === 'tall')?.voice).toBe('writer');
  });
});

describe('helpers', () => {
  const text = 'First one. "Second one," she said. Third one.';
  const doc = parseDocument(text);
  it('finds the sentence at an offset', () => {
    expect(text.slice(doc.sentenceAt(text.indexOf('Third'))!.start, doc.sentenceAt(text.indexOf('Third'))!.end)).toBe('Third one.');
  });
  it('reports the voice of a span', () => {
    expect(doc.voiceOf(text.indexOf('Second'), text.indexOf('Second') + 6)).toBe('quoted');
    expect(doc.voiceOf(0, 5)).toBe('writer');
  });
  it('clamps spans to the text', () => {
    expect(doc.spanOf(-5, 3)).toEqual({ start: 0, end: 3, text: 'Fir' });
    expect(doc.spanOf(40, 999).end).toBe(text.length);
  });
});
