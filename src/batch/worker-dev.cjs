// Worker bootstrap when slant runs from its TypeScript sources (tests, `npm run bench`): the published package
// uses dist/batch-worker.js instead. tsx is a development dependency.
require('tsx/cjs/api').register();
module.exports = require('./worker.ts');
