/**
 * The `content-shape` features of the cue model (src/attribution/content-shape.ts), on texts written for these
 * tests: a content that holds a clause against a bare object, its length, and the kind of the source.
 */
import modelFile from '../../models/attribution-cue-model.json';
import { contentShapeNames, sourceKind } from '../../src/attribution/content-shape';
import { findCandidates, groupMask, type Candidate } from '../../src/attribution/detect';
import { CUE_MODEL } from '../../src/attribution/model';
import { parseDocument } from '../../src/document/build';

function shapes(text: string, lemma: string): { names: string[]; c: Candidate; text: string } {
  const doc = parseDocument(text);
  const { ctx, candidates } = findCandidates(doc);
  const c = candidates.find((x) => x.lemma === lemma);
  if (!c) throw new Error(`no candidate "${lemma}" in: ${candidates.map((x) => x.lemma).join(', ')}`);
  return { names: contentShapeNames(ctx, c), c, text };
}

describe('content-shape features', () => {
  it('a content with its own clause ("said the harbour fees rose") against a bare object ("signed the harbour bill")', () => {
    expect(shapes('The mayor said the harbour fees rose last year.', 'say').names).toContain('clause');
    const signed = shapes('The mayor signed the harbour bill last year.', 'sign');
    expect(signed.names).not.toContain('clause');
    expect(signed.names).toContain('no-clause');
  });

  it('the content length, binned', () => {
    expect(shapes('The mayor said the harbour fees rose sharply in the spring.', 'say').names).toContain('clen:4-8');
    expect(shapes('The mayor said nothing.', 'say').names).toContain('clen:1-3');
  });

  it('the kind of the source: a person, a body, a thing, a name', () => {
    const kind = (text: string, lemma: string) => {
      const doc = parseDocument(text);
      const c = findCandidates(doc).candidates.find((x) => x.lemma === lemma)!;
      return sourceKind(doc.tokens, c.source);
    };
    expect(kind('The spokeswoman said the ferry would run.', 'say')).toBe('person');
    expect(kind('She said the ferry would run.', 'say')).toBe('person');
    expect(kind('The union said the ferry would run.', 'say')).toBe('body');
    expect(kind('The new rule requires that every ferry carry a nurse.', 'require')).toBe('thing');
    expect(kind('Maria Lopez said the ferry would run.', 'say')).toBe('name');
  });

  it('the shipped cue model uses the group, and the group adds its buckets to every candidate', () => {
    expect(modelFile.groups).toContain('content-shape');
    expect((CUE_MODEL.groups ?? 0) & groupMask(['content-shape'])).not.toBe(0);
    const { c, names } = shapes('The mayor said the harbour fees rose last year.', 'say');
    // each shape feature plain and crossed with the cue's form
    expect(names).toEqual(['clen:4-8', 'clause', 'src:person']);
    expect(c.lexicalGroup.filter((g) => g === groupMask(['content-shape'])).length).toBe(2 * names.length);
  });
});
