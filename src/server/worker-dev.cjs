// Worker bootstrap when slant runs from its TypeScript sources (tests, `npm run bench:serve`): the published
// package uses dist/server-worker.js instead. tsx is a development dependency.
require('tsx/cjs/api').register();
module.exports = require('./worker.ts');
