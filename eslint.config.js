// ESLint (flat config): typescript-eslint's recommended rules over src, test, bench, scripts and
// migrations, plus the import boundaries of README § Architecture. `npm run lint`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The domain modules (src/<module>/): platform/ may import none of them. */
export const DOMAIN_MODULES = [
  'access',
  'accounts',
  'agreements',
  'audit',
  'chains',
  'demo',
  'enterprises',
  'imports',
  'intake',
  'leads',
  'matching',
  'news',
  'notifications',
  'policies',
  'projects',
  'reference',
  'web',
  'cli',
];

const domainPattern = `^(?:\\.\\./)+(?:${DOMAIN_MODULES.join('|')})/`;

/** A module's files may use another module's entity as a type, never as a value (to query or write it). */
function entityBoundary(module) {
  return {
    files: [`src/${module}/**/*.ts`],
    ignores: ['src/**/*.entity.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?:\\.\\./)+(?!${module}/)[a-z-]+/(?:[\\w.-]+/)*[\\w.-]+\\.entity\\.js$`,
              allowTypeImports: true,
              message: "Another module's table is written and queried through that module's service (one writer per table).",
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'warn' } },
  {
    ignores: [
      'scripts/.*',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'src/web/assets/**',
      'test/support/api-schema.d.ts',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_` names mark what is deliberately unused (destructuring away, required parameters)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // tests and raw SQL rows: `any` is a judgement call there, not an error
      '@typescript-eslint/no-explicit-any': 'off',
      // the platform's Proxy/merging code and Nest's decorators need `Function`-typed values in places
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // `a || b.push(x)` and friends are idiom here
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // input hygiene matches NUL and other control characters on purpose
      'no-control-regex': 'off',
      // stylistic in this code base (a default kept for readability, a rethrow with its own message)
      'no-useless-assignment': 'off',
      'preserve-caught-error': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['src/web/assets/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // pages talk to services and queries: no TypeORM (anywhere in src/web) …
  {
    files: ['src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'typeorm', message: 'Pages inject services and queries (<module>.queries.ts), never DataSource/TypeORM.' }] },
      ],
    },
  },
  // … and no controllers (a module file registers its own)
  {
    files: ['src/web/**/*.ts'],
    ignores: ['src/web/**/*.module.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '\\.controller\\.js$', message: 'Pages call services, never controllers.' }] },
      ],
    },
  },
  // the platform knows no domain module
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: domainPattern, message: 'platform/ names no domain module: the composition root hands such things in.' }] },
      ],
    },
  },
  // demo/ seeds fixtures across every module (like the composition root), and web/ has its own rules above
  ...DOMAIN_MODULES.filter((m) => m !== 'web' && m !== 'demo').map(entityBoundary),
);
