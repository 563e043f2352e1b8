// Jest transform for the ESM-only packages behind Markdown input (mdast-util-from-markdown, micromark and their
// helpers): esbuild rewrites them to CommonJS, as tsup bundles them into dist/ (see jest.config.cjs, tsup.config.ts).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { loader: 'js', format: 'cjs', target: 'node20', sourcemap: true, sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update('esm-transform-1').update(filename).update(source).digest('hex');
  },
};
