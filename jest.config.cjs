/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, resolveJsonModule: true, isolatedModules: true }, diagnostics: false }],
  },
  moduleNameMapper: { '^slant$': '<rootDir>/src/index.ts', '^slant/testing$': '<rootDir>/src/testing/index.ts', '^slant/node$': '<rootDir>/src/node.ts' },
};
