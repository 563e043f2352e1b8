// Type-checked as an ES module consumer (moduleResolution node16) by test/package.test.ts.
import { analyze, createPipeline, isConfigError, type Report } from 'slant';
import { AnalyzerTester } from 'slant/testing';
import { analyzeMany } from 'slant/node';
import { highlightFindings, type HighlightHandle } from 'slant/dom';

const report: Report = analyze('The council approved the budget.');
const pipeline = createPipeline({ analyzers: [] });
export const ok: boolean =
  report.schemaVersion.length > 0 && pipeline.analyzerIds.length === 0 && !isConfigError(null) && AnalyzerTester !== undefined;
export const nodeAndDom: [typeof analyzeMany, (root: Node) => HighlightHandle] = [analyzeMany, (root) => highlightFindings(root, report)];
