/**
 * The one swc transform for TypeScript run without a build: jest (jest.config.js) and child processes
 * (ts-loader.mjs: worker processes in the fault tests, the benchmarks). Legacy decorators with metadata
 * and no define-for-class-fields, because Nest's dependency injection reads constructor parameter types.
 */
export const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
