import { answer, apiClient, type ApiClient } from '../support/api-client.js';
import { enterpriseBody, nextUscc, policyBody, projectBody } from '../support/factories.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, type TestActor } from '../support/auth.js';

/** The routes through the generated client (api-schema.d.ts), so the document cannot drift from the code; bad input the document forbids goes by hand. */

describe('foundation API over HTTP', () => {
  let t: TestApp;
  let admin: TestActor;
  /** as a platform admin */
  let api: ApiClient;
  /** anonymously */
  let anon: ApiClient;
  /** by hand, for bodies and parameters the document does not allow */
  const call = <T = any>(method: string, path: string, body?: unknown) => admin.call<T>(method, path, body);
  const register = (body: ReturnType<typeof enterpriseBody>) => answer(api.POST('/enterprises', { body: body as never }));
  const newProject = (body: ReturnType<typeof projectBody>) => answer(api.POST('/projects', { body: body as never }));
  const newPolicy = (body: ReturnType<typeof policyBody>) => answer(api.POST('/policies', { body: body as never }));
  const stage = (id: number, body: { stage: string; at?: string; note?: string }) =>
    answer(api.POST('/projects/{id}/stage', { params: { path: { id } }, body: body as never }));
  const verify = (id: number, note?: string) =>
    answer(
      api.POST('/enterprises/{id}/certifications/{kind}/verify', {
        params: { path: { id, kind: 'industry_education_integration' } },
        body: note ? { note } : {},
      }),
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await actor(t, 'admin');
    api = admin.api;
    anon = apiClient(t.url);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('health and docs', () => {
    it('reports database and Redis up', async () => {
      const r = await answer(anon.GET('/health'));
      expect(r.status).toBe(200);
      expect(r.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    });

    it('documents every route in OpenAPI', async () => {
      const r = await http(t.url, 'GET', '/docs/openapi.json');
      expect(r.status).toBe(200);
      const paths = Object.keys(r.body.paths);
      for (const p of [
        '/enterprises',
        '/enterprises/{id}',
        '/enterprises/{id}/incentives',
        '/projects',
        '/projects/{id}/stage',
        '/policies',
        '/incentives/{id}/eligible-enterprises',
        '/regions',
        '/industries/{code}',
        '/health',
      ]) {
        expect(paths).toContain(p);
      }
      // request bodies are named components: follow the $ref
      const ref: string = r.body.paths['/enterprises'].post.requestBody.content['application/json'].schema.$ref;
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(r.body.components.schemas[ref.split('/').pop()!].properties.uscc).toBeDefined();
    });
  });

  describe('reference trees', () => {
    it('lists a region with its ancestors and children', async () => {
      const r = await answer(api.GET('/regions/{code}', { params: { path: { code: '410223' } } }));
      expect(r.body.fullName).toBe('河南省开封市尉氏县');
      expect(r.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['410000', '410200']);
      const kids = await answer(api.GET('/regions', { params: { query: { parent: '410200' } } }));
      expect(kids.body.items.map((k: { code: string }) => k.code)).toContain('410223');
    });
    it('lists industry groups under a division', async () => {
      const r = await answer(api.GET('/industries', { params: { query: { parent: 'C13' } } }));
      expect(r.body.items.map((k: { code: string }) => k.code)).toEqual(['C131', 'C132', 'C133', 'C134', 'C135', 'C136', 'C137', 'C139']);
    });
    it('answers 404 for an unknown code', async () => {
      expect((await answer(api.GET('/regions/{code}', { params: { path: { code: '999999' } } }))).status).toBe(404);
    });
  });

  describe('enterprise registration (企业入驻)', () => {
    it('registers (recorded by staff; enterprises sign up through POST /auth/signup), with certifications only claimed', async () => {
      const r = await register(enterpriseBody());
      expect(r.status).toBe(201);
      expect(r.body.homeRegion).toEqual({ code: '410223', name: '河南省开封市尉氏县' });
      expect(r.body.certifications).toEqual([
        expect.objectContaining({ kind: 'industry_education_integration', status: 'claimed', label: '产教融合型企业' }),
      ]);
      expect(r.body.investmentMinYuan).toBe(50_000_000);
    });

    it('refuses a duplicate USCC with 409 and writes nothing', async () => {
      const body = enterpriseBody();
      expect((await register(body)).status).toBe(201);
      const again = await register({ ...body, name: '另一家公司' });
      expect(again.status).toBe(409);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'uscc', code: 'duplicate' })]);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM enterprise WHERE uscc = $1', [body.uscc]);
      expect(n).toBe(1);
    });

    it.each([
      ['an invalid check digit', { uscc: '91110108551385082A' }, 'uscc', /校验位/],
      ['a forbidden letter', { uscc: '9111010855138508IO' }, 'uscc', /不允许的字符/],
      ['an unknown region', { homeRegionCode: '419999' }, 'homeRegionCode', /未知的行政区划/],
      ['an unknown industry', { industryCodes: ['C9999'] }, 'industryCodes[0]', /未知的行业代码/],
      ['a negative amount', { investmentMinYuan: -1 }, 'investmentMinYuan', /不能小于 0/],
      ['an absurd amount', { investmentMaxYuan: 10 ** 15 }, 'investmentMaxYuan', /1 万亿元/],
      ['a fractional amount', { investmentMinYuan: 1.5 }, 'investmentMinYuan', /整数/],
      ['a wrong type', { investmentMinYuan: '100' }, 'investmentMinYuan', /应为数字/],
      ['an overlong name', { name: '企'.repeat(201) }, 'name', /200/],
      ['a reversed range', { investmentMinYuan: 9e8, investmentMaxYuan: 1e8 }, 'investmentMaxYuan', /不能小于最低/],
      ['an unknown field', { rating: 5 }, 'rating', /不允许的字段/],
      [
        'self-verification (mass assignment)',
        { certifications: [{ kind: 'high_tech', status: 'verified' }] },
        'certifications[0].status',
        /不允许的字段/,
      ],
      ['a bad e-mail', { contacts: [{ name: '李', email: 'not-an-email' }] }, 'contacts[0].email', /电子邮箱/],
      ['no contact', { contacts: [] }, 'contacts', /至少 1 项/],
    ])('answers 400 for %s, naming the field', async (_what, patch, field, message) => {
      const r = await register(enterpriseBody(patch));
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ status: 400, type: 'urn:investmatch:problem:validation-failed' });
      const err = r.body.errors.find((e: { field: string }) => e.field === field);
      expect(err).toBeDefined();
      expect(err.message).toMatch(message);
    });

    it('answers 400 for malformed JSON and for a missing body', async () => {
      const bad = await http(t.url, 'POST', '/enterprises', '{"uscc": ', { 'content-type': 'application/json' });
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toMatch(/JSON/);
      const missing = await call('POST', '/enterprises');
      expect(missing.status).toBe(400);
    });

    it('lists all errors at once', async () => {
      const r = await register({ uscc: 'x' } as never);
      expect(r.status).toBe(400);
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['uscc', 'name', 'industryCodes', 'homeRegionCode', 'contacts']));
    });

    it('keeps the USCC immutable and edits the profile', async () => {
      const created = (await register(enterpriseBody())).body;
      expect((await call('PATCH', `/enterprises/${created.id}`, { uscc: nextUscc() })).status).toBe(400);
      const r = await answer(
        api.PATCH('/enterprises/{id}', { params: { path: { id: created.id } }, body: { targetRegionCodes: ['410100'], size: 'large' } }),
      );
      expect(r.status).toBe(200);
      expect(r.body.targetRegions).toEqual([{ code: '410100', name: '河南省郑州市' }]);
      expect(r.body.name).toBe(created.name);
    });

    it('answers 400 for a non-numeric id and 404 for a missing one', async () => {
      const bad = await call('GET', '/enterprises/abc');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('id');
      expect((await answer(api.GET('/enterprises/{id}', { params: { path: { id: 987654 } } }))).status).toBe(404);
    });

    it('filters by region and industry subtree, certification and text', async () => {
      const a = (await register(enterpriseBody({ name: '尉氏县食用菌合作社', industryCodes: ['A0142'], description: '香菇食用菌种植' })))
        .body;
      await verify(a.id);
      const inKaifeng = await answer(
        api.GET('/enterprises', { params: { query: { region: '410200', industry: ['A01'], pageSize: 100 } } }),
      );
      expect(inKaifeng.body.items.map((e: { id: number }) => e.id)).toContain(a.id);
      const elsewhere = await answer(api.GET('/enterprises', { params: { query: { region: '410300', pageSize: 100 } } }));
      expect(elsewhere.body.items.map((e: { id: number }) => e.id)).not.toContain(a.id);
      const certified = await answer(
        api.GET('/enterprises', { params: { query: { certification: ['industry_education_integration'], pageSize: 100 } } }),
      );
      expect(certified.body.items.map((e: { id: number }) => e.id)).toContain(a.id);
      const text = await answer(api.GET('/enterprises', { params: { query: { q: '食用菌' } } }));
      expect(text.body.items.map((e: { id: number }) => e.id)).toEqual([a.id]);
    });
  });

  describe('projects', () => {
    it('lists 尉氏县 projects under 开封市 (410200) and not under 洛阳市', async () => {
      const p = (await newProject(projectBody())).body;
      expect((await answer(api.POST('/projects/{id}/publish', { params: { path: { id: p.id } } }))).status).toBe(200);
      const kaifeng = await answer(anon.GET('/projects', { params: { query: { region: '410200' } } }));
      expect(kaifeng.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
      const luoyang = await answer(api.GET('/projects', { params: { query: { region: '410300' } } }));
      expect(luoyang.body.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
      const byIndustry = await answer(api.GET('/projects', { params: { query: { industry: ['C13'] } } }));
      expect(byIndustry.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
      const search = await answer(api.GET('/projects', { params: { query: { q: '尉氏 生猪' } } }));
      expect(search.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
    });

    it('hides drafts from the public list', async () => {
      const p = (await newProject(projectBody())).body;
      expect(p.status).toBe('draft');
      const list = await answer(anon.GET('/projects', { params: { query: { pageSize: 100, includeDrafts: 'true' } } }));
      expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
      expect((await answer(anon.GET('/projects/{id}', { params: { path: { id: p.id } } }))).status).toBe(404);
      const staff = await answer(api.GET('/projects', { params: { query: { pageSize: 100, includeDrafts: 'true' } } }));
      expect(staff.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
    });

    it('moves stages forward only, records each, and never reopens a closed project', async () => {
      const p = (await newProject(projectBody({ stageSince: '2025-01-10' }))).body;
      const early = await stage(p.id, { stage: 'signed', at: '2024-12-01' });
      expect(early.status).toBe(400);
      expect(early.body.errors[0].field).toBe('at');
      expect((await stage(p.id, { stage: 'signed', at: '2025-03-01' })).status).toBe(200);
      const back = await stage(p.id, { stage: 'open' });
      expect(back.status).toBe(409);
      expect(back.body.errors[0]).toMatchObject({ field: 'stage', code: 'invalid_transition' });
      const started = await stage(p.id, { stage: 'started', note: '开工' });
      expect(started.body.stageHistory.map((h: { to: string }) => h.to)).toEqual(['open', 'signed', 'started']);
      expect((await stage(p.id, { stage: 'closed' })).status).toBe(200);
      expect((await stage(p.id, { stage: 'producing' })).status).toBe(409);
      expect((await call('POST', `/projects/${p.id}/stage`, { stage: 'nonsense' })).status).toBe(400);
    });

    it('shows the public only the incentives of published policies', async () => {
      const draft = (await newPolicy(policyBody({ title: '尚未发布的政策' }))).body;
      const published = (await newPolicy(policyBody({ title: '已发布的政策' }))).body;
      await answer(api.POST('/policies/{id}/publish', { params: { path: { id: published.id } } }));
      const ids = [draft.incentives[0].id, published.incentives[0].id];
      const p = (await newProject(projectBody({ incentiveIds: ids }))).body;
      await answer(api.POST('/projects/{id}/publish', { params: { path: { id: p.id } } }));
      const pub = await answer(anon.GET('/projects/{id}', { params: { path: { id: p.id } } }));
      expect(pub.body.incentives.map((i: { id: number }) => i.id)).toEqual([published.incentives[0].id]);
      const listed = await answer(anon.GET('/projects', { params: { query: { q: '生猪', pageSize: 100 } } }));
      expect(listed.body.items.find((x: { id: number }) => x.id === p.id).incentives.map((i: { id: number }) => i.id)).toEqual([
        published.incentives[0].id,
      ]);
      const staff = await answer(api.GET('/projects/{id}', { params: { path: { id: p.id } } }));
      expect(staff.body.incentives.map((i: { id: number }) => i.id).sort()).toEqual([...ids].sort());
    });

    it('refuses unknown incentives, duplicate codes and bad amounts', async () => {
      const unknown = await newProject(projectBody({ incentiveIds: [999999] }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('incentiveIds[0]');
      const body = projectBody();
      await newProject(body);
      expect((await newProject(body)).status).toBe(409);
      expect((await newProject(projectBody({ totalInvestmentYuan: 0 }))).status).toBe(400);
      expect((await newProject(projectBody({ landAreaMu: 1.234 }))).status).toBe(400);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM project WHERE code = $1`, [body.code]);
      expect(n).toBe(1);
    });
  });

  describe('policies, incentives and eligibility', () => {
    it('validates eligibility conditions when saved', async () => {
      const r = await newPolicy(
        policyBody({ incentives: [{ kind: 'subsidy', title: 'x', conditions: [{ type: 'certification', anyOf: ['made_up'] }] }] }),
      );
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('incentives[0].conditions[0].anyOf[0]');
      const unknownType = await call(
        'POST',
        '/policies',
        policyBody({ incentives: [{ kind: 'subsidy', title: 'x', conditions: [{ type: 'astrology' }] }] }),
      );
      expect(unknownType.status).toBe(400);
      const badDates = await newPolicy(policyBody({ validFrom: '2024-01-01', validTo: '2023-01-01' }));
      expect(badDates.status).toBe(400);
      expect(badDates.body.errors[0].field).toBe('validTo');
    });

    it("calculates an enterprise's incentives and finds eligible enterprises", async () => {
      const policy = (await newPolicy(policyBody())).body;
      await answer(api.POST('/policies/{id}/publish', { params: { path: { id: policy.id } } }));
      const incentiveId = policy.incentives[0].id;
      const e = (await register(enterpriseBody())).body;
      const incentivesOf = (status?: 'eligible') =>
        answer(api.GET('/enterprises/{id}/incentives', { params: { path: { id: e.id }, query: status ? { status } : {} } }));
      const eligibleFor = (status?: 'needs_info') =>
        answer(
          api.GET('/incentives/{id}/eligible-enterprises', {
            params: { path: { id: incentiveId }, query: { pageSize: 100, ...(status ? { status } : {}) } },
          }),
        );

      const before = await incentivesOf();
      const item = before.body.items.find((x: { incentive: { id: number } }) => x.incentive.id === incentiveId);
      expect(item.status).toBe('needs_info');
      expect(item.missing.join()).toMatch(/待主管部门核验/);
      const pending = await eligibleFor('needs_info');
      expect(pending.body.items.map((x: { enterprise: { id: number } }) => x.enterprise.id)).toContain(e.id);

      await verify(e.id, '已核对入库名单');
      const after = await incentivesOf('eligible');
      expect(after.body.items.map((x: { incentive: { id: number } }) => x.incentive.id)).toContain(incentiveId);
      const eligible = await eligibleFor();
      const row = eligible.body.items.find((x: { enterprise: { id: number } }) => x.enterprise.id === e.id);
      expect(row.status).toBe('eligible');
      expect(row.checks.map((c: { reason: string }) => c.reason).join()).toMatch(/已核验为产教融合型企业/);
    });
  });
});
