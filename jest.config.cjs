// Packages that ship only ES modules (Markdown input): transformed, all other node_modules left alone.
const ESM_ONLY = [
  'mdast-util-[^/]+',
  'micromark[^/]*',
  'unist-util-[^/]+',
  'decode-named-character-reference',
  'character-entities',
  'devlop',
  'escape-string-regexp',
  'fault',
  'format',
  'zwitch',
  'longest-streak',
  'ccount',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Many tests load wink's model and the built-in resources (about 1 s on an idle 2-core machine, several times that
  // on a loaded one, where jest's 5 s default failed test/batch/summary.test.ts): a hang still fails, a slow machine not.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, resolveJsonModule: true, isolatedModules: true },
        diagnostics: false,
      },
    ],
    // ESM-only dependencies of Markdown input, rewritten to CommonJS for jest
    '^.+\\.js$': '<rootDir>/test/esm-transform.cjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: {
    '^slant$': '<rootDir>/src/index.ts',
    '^slant/testing$': '<rootDir>/src/testing/index.ts',
    '^slant/node$': '<rootDir>/src/node.ts',
    '^slant/dom$': '<rootDir>/src/dom/index.ts',
  },
};
