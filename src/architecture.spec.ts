import { ESLint } from 'eslint';

/**
 * The import boundaries of eslint.config.js fail the lint on a violation (and only on one): each
 * case lints a small text as if it were a file at that path.
 */
describe('import boundaries (npm run lint)', () => {
  const eslint = new ESLint();
  const errorsOf = async (filePath: string, code: string) => {
    const [r] = await eslint.lintText(code, { filePath });
    return r!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
  };
  const boundary = expect.stringMatching(/^(@typescript-eslint\/)?no-restricted-imports: /);

  it('refuses TypeORM and controllers in a page of src/web', async () => {
    expect(
      await errorsOf('src/web/console/boundary-fixture.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n"),
    ).toEqual([boundary]);
    expect(
      await errorsOf(
        'src/web/boundary-fixture.ts',
        "import { LeadsController } from '../leads/leads.controller.js';\nexport const x = LeadsController;\n",
      ),
    ).toEqual([boundary]);
    // a page may use a service
    expect(
      await errorsOf(
        'src/web/boundary-fixture.ts',
        "import { LeadsService } from '../leads/leads.service.js';\nexport const x = LeadsService;\n",
      ),
    ).toEqual([]);
  });

  it('refuses a domain module in src/platform', async () => {
    expect(
      await errorsOf(
        'src/platform/http/boundary-fixture.ts',
        "import { Public } from '../../access/decorators.js';\nexport const x = Public;\n",
      ),
    ).toEqual([boundary]);
    expect(
      await errorsOf('src/platform/http/boundary-fixture.ts', "import { notFound } from './problem.js';\nexport const x = notFound;\n"),
    ).toEqual([]);
  });

  it("refuses another module's entity as a value (to query or write it), not as a type", async () => {
    const value = "import { Enterprise } from '../enterprises/enterprise.entity.js';\nexport const x = Enterprise;\n";
    const type = "import type { Enterprise } from '../enterprises/enterprise.entity.js';\nexport type X = Enterprise;\n";
    expect(await errorsOf('src/leads/boundary-fixture.ts', value)).toEqual([boundary]);
    expect(await errorsOf('src/leads/boundary-fixture.ts', type)).toEqual([]);
    expect(await errorsOf('src/enterprises/boundary-fixture.ts', value.replace('../enterprises/', './'))).toEqual([]);
  });
});
