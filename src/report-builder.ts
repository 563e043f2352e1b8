import type { SlantDocument } from './document';
import { applyAssessment, assessEvidence, overallScore } from './evidence/assess';
import {
  SCHEMA_VERSION,
  type AnalyzerResult,
  type Finding,
  type Report,
  type ReportAttribution,
  type ReportQuotation,
  type ReportSource,
  type Rule,
  type SentenceStatus,
} from './report';
import { round } from './round';

/** Assembles the report from the document, the findings and each analyzer's result. */
export function buildReport(
  doc: SlantDocument,
  findings: Finding[],
  analyzers: Record<string, AnalyzerResult>,
  sentences: SentenceStatus[],
  rules: Record<string, Rule> = {},
): Report {
  const attribution = doc.attribution;
  const sourceName = new Map(attribution.sources.map((s) => [s.id, s.name]));
  const quotations: ReportQuotation[] = doc.quotations.map((q) => {
    const out: ReportQuotation = {
      index: q.index,
      kind: q.kind,
      span: doc.spanOf(q.start, q.end),
      content: doc.spanOf(q.contentStart, q.contentEnd),
      segments: q.segments.map((s) => doc.spanOf(s.start, s.end)),
      closed: q.closed,
      words: q.wordCount,
    };
    if (q.parent >= 0) out.parent = q.parent;
    const speaker = attribution.quotationSpeakers.get(q.index);
    if (speaker !== undefined) {
      out.speaker = speaker;
      const name = sourceName.get(speaker);
      if (name !== undefined) out.speakerName = name;
    }
    return out;
  });
  const attributions: ReportAttribution[] = attribution.relations.map((r) => {
    const out: ReportAttribution = {
      index: r.index,
      kind: r.kind,
      cue: r.cue,
      cueLemma: r.cueLemma,
      cueClass: r.cueClass,
      sentence: r.sentence,
      confidence: r.confidence,
    };
    if (r.source) out.source = r.source;
    if (r.sourceId !== undefined) out.sourceId = r.sourceId;
    if (r.content) out.content = r.content;
    if (r.contentParts.length > 1) out.contentParts = r.contentParts;
    if (r.quotation !== undefined) out.quotation = r.quotation;
    return out;
  });
  const sources: ReportSource[] = attribution.sources.map((s) => {
    const out: ReportSource = { id: s.id, name: s.name, type: s.type, mentions: s.mentions, attributions: s.attributions };
    if (s.role) out.role = s.role;
    return out;
  });

  let quotedWords = 0;
  for (const t of doc.tokens) if (t.isWord && t.voice === 'quoted') quotedWords++;

  // Thin evidence lowers confidence (and the overall score shrinks); text that is not English gets no scores.
  const assessment = assessEvidence(doc.text, doc.wordCount, doc.sentences.length);
  applyAssessment(analyzers, assessment);

  const weights: Record<string, number> = {};
  let weighted = 0;
  let total = 0;
  const scored: string[] = [];
  for (const [id, r] of Object.entries(analyzers)) {
    weights[id] = r.weight;
    if (r.score === null || r.weight <= 0) continue;
    weighted += r.score * r.weight;
    total += r.weight;
    scored.push(id);
  }
  const raw = total > 0 ? weighted / total : null;
  const { overall, note } = overallScore(raw, assessment);
  const basis = assessment.withhold
    ? `${assessment.withhold} (see warnings)`
    : scored.length
      ? `weighted mean of ${scored.length} analyzer score${scored.length > 1 ? 's' : ''} (${scored.map((id) => `${id} ×${weights[id]}`).join(', ')})${note}`
      : 'no analyzer with a weight above 0 produced a score';

  // ties by analyzer id in code-unit order: ids are ASCII kebab-case, and localeCompare (ICU) costs far more per call
  findings.sort(
    (a, b) => a.span.start - b.span.start || b.span.end - a.span.end || (a.analyzer < b.analyzer ? -1 : a.analyzer > b.analyzer ? 1 : 0),
  );
  sentences.sort((a, b) => a.index - b.index);
  return {
    schemaVersion: SCHEMA_VERSION,
    input: { format: 'text', characters: doc.text.length, offsets: 'utf16' },
    stats: {
      characters: doc.text.length,
      words: doc.wordCount,
      sentences: doc.sentences.length,
      paragraphs: doc.paragraphs.length,
      quotations: doc.quotations.length,
      quotedWords,
    },
    score: {
      overall: overall === null ? null : round(overall, 4),
      raw: raw === null ? null : round(raw, 4),
      confidence: assessment.confidence,
      weights,
      basis,
    },
    analyzers,
    rules,
    findings,
    quotations,
    attributions,
    sources,
    sentences,
    warnings: assessment.warnings,
  };
}
