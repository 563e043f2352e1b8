// Type-checked as a CommonJS consumer (moduleResolution node16) by test/package.test.ts.
import slant = require('slant');
import testing = require('slant/testing');

const report: slant.Report = slant.analyze('The council approved the budget.');
const tester: testing.AnalyzerTester = new testing.AnalyzerTester();
export const ok: boolean = report.schemaVersion.length > 0 && tester !== undefined;
