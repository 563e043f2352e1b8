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
