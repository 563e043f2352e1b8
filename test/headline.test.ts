import { findHeadline, isHeadlineSentence } from '../src/headline';
import { parseDocument } from '../src/document/build';

describe('headline detection', () => {
  it('takes a short first line without a full stop, followed by a line break, as the headline', () => {
    const text = 'Council Votes to Close Library\nThe council voted on Monday to close the library.';
    const doc = parseDocument(text);
    const h = findHeadline(doc);
    expect(h && text.slice(h.start, h.end)).toBe('Council Votes to Close Library');
    expect(isHeadlineSentence(h, 0)).toBe(true);
    expect(isHeadlineSentence(h, 1)).toBe(false);
  });

  it('accepts question marks, colons and quotation marks in a headline', () => {
    const doc = parseDocument('Is the bridge safe? Engineers disagree\n\nThe bridge was built in 1950.');
    const h = findHeadline(doc);
    expect(h?.sentenceEnd).toBe(2);
    expect(findHeadline(parseDocument('Flood could be ‘worst in a century’: agency\nRain continued.'))).toBeDefined();
  });

  it('does not take a first line that is a sentence, a long paragraph, a lone line or one word', () => {
    expect(findHeadline(parseDocument('The council voted on Monday.\nThe library will close.'))).toBeUndefined();
    const long = `${'word '.repeat(40).trim()}\nBody text.`;
    expect(findHeadline(parseDocument(long))).toBeUndefined();
    expect(findHeadline(parseDocument('Council Votes to Close Library'))).toBeUndefined();
    expect(findHeadline(parseDocument('Breaking\nThe council voted.'))).toBeUndefined();
    expect(findHeadline(parseDocument(''))).toBeUndefined();
  });

  it('a quoted sentence ending in a full stop inside the marks is no headline', () => {
    expect(findHeadline(parseDocument('“We will rebuild.”\nThe mayor spoke on Monday.'))).toBeUndefined();
  });
});
