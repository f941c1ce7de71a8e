import { randomBytes } from 'node:crypto';
import { SessionsService } from '../../src/access/sessions.service.js';
import { IntakeService } from '../../src/intake/intake.service.js';
import { shanghaiDate } from '../../src/platform/format/units.js';
import { http, startTestApp, type TestApp } from '../support/app.js';
import { actor, TEST_PASSWORD, type TestActor } from '../support/auth.js';
import { enterpriseBody, nextUscc, policyBody, projectBody } from '../support/factories.js';

/**
 * The generated access matrix: every route the application serves (read from Express's router,
 * and cross-checked against the OpenAPI document) × every kind of outsider — anonymous, the user of
 * another enterprise, an officer and a bureau lead of another region — against objects of 尉氏县
 * (410223) and of one enterprise there. Each route is classified in ROUTES below, keyed by
 * `METHOD /express/path`; the test fails when the app has a route the table lacks (or the table a
 * route the app lacks), so a new route cannot escape. For every call:
 *  - the status is what the table says (denials: 401 anonymous, 403 role or action refused, 404
 *    object hidden — see README "Access control");
 *  - no answer to an outsider contains any of the world's secrets (names, contacts, e-mails, draft
 *    titles), whatever its status — lists must filter, pages must not render them;
 *  - a body route is called again with extra fields (mass assignment): 400 for callers the route
 *    otherwise accepts, never 2xx for anyone.
 * The admin column is the positive control: it proves each request is well-formed, so the
 * outsiders' refusals are refusals, not broken requests.
 *
 * Adding a route: add one line to ROUTES (pages: `'GET /portal/x': page.enterprise()` etc.).
 */

type Caller = 'anonymous' | 'otherEnterprise' | 'otherOfficer' | 'otherLead' | 'admin';
const OUTSIDERS: Caller[] = ['anonymous', 'otherEnterprise', 'otherOfficer', 'otherLead'];
/** An exact status, one of several, any 2xx ('ok'), any 3xx ('redirect'), or anything but 5xx ('any'). */
type Want = number | number[] | 'ok' | 'redirect' | 'any';

interface World {
  enterprise: { id: number; name: string };
  enterpriseUser: TestActor;
  draftProject: number;
  publishedProject: number;
  deletableProject: number;
  draftPolicy: number;
  publishedPolicy: number;
  draftIncentive: number;
  publishedIncentive: number;
  deletablePolicy: number;
  deletableIncentive: number;
  deletableEnterprise: number;
  /** Two records of one enterprise of 尉氏县 (same name after normalising) for the merge. */
  mergeWinner: number;
  mergeLoser: number;
  match: number;
  bureauId: number;
  bureauOfficer: number;
  run: number;
  /** A message of the world (an invitation to the bureau's officer, holding its link). */
  notification: number;
  /** Leads of the enterprise in 尉氏县 (an open one, a lost one), an assignment rule, an import. */
  lead: number;
  lostLead: number;
  rule: number;
  importJob: number;
  /** 招商资讯 of 尉氏县: a draft, a published article, and confirmed submissions waiting for review (one per moderation route). */
  draftArticle: number;
  publishedArticle: number;
  submissions: { apiApprove: number; apiReject: number; pageApprove: number; pageReject: number };
  /** An intake document of 尉氏县 (its title a secret) with two proposed project drafts, and an admin's industry keyword. */
  intakeDocument: number;
  intakeDrafts: [number, number, number, number];
  intakeKeyword: number;
  /** An agreement on a signed lead of the enterprise (tranches: one releasable, one requested by another officer), and a signed lead without one. */
  agreement: number;
  tranches: number[];
  unagreedLead: number;
  today: string;
  /** A 产业链 of 尉氏县 (its name a secret). */
  chain: number;
  /** A published project in a region without a bureau (an inquiry about it names no officer), and a 消息中心 message of the enterprise user. */
  inquiryProject: number;
  inboxMessage: number;
  /** Strings no outsider may ever receive. */
  secrets: string[];
  /** Unique per call. */
  seq: () => number;
}

interface Case {
  /** What the call is about (shown in failures). */
  about?: string;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Send the body as a browser form (application/x-www-form-urlencoded). */
  form?: boolean;
  want: Record<Caller, Want>;
  /** Extra fields for the mass-assignment call (default: an id and a timestamp); false: no such call. */
  massAssign?: Record<string, unknown> | false;
  /** Call with a session of its own (logout ends it). */
  freshSession?: boolean;
  /** A further check of an answer: a message when it fails. */
  check?: (caller: Caller, body: unknown, w: World) => string | null;
}

// ---- expectation presets -------------------------------------------------------------------
const all = (want: Want = 'ok'): Record<Caller, Want> => ({
  anonymous: want,
  otherEnterprise: want,
  otherOfficer: want,
  otherLead: want,
  admin: want,
});
/** Anonymous 401; the others as given; admin succeeds. */
const deny = (enterprise: Want, officer: Want, lead: Want = officer, admin: Want = 'ok'): Record<Caller, Want> => ({
  anonymous: 401,
  otherEnterprise: enterprise,
  otherOfficer: officer,
  otherLead: lead,
  admin,
});
const adminOnly = (admin: Want = 'ok') => deny(403, 403, 403, admin);
/** Staff-only routes on a hidden object (a draft, an enterprise that is none of their business): 404 for other staff. */
const staffHidden = deny(403, 404);
/** Staff-only actions on a public object of another region: 403. */
const staffVisible = deny(403, 403);
/** Objects that exist only for staff in scope or their owner: 404 to any outsider. */
const hidden = deny(404, 404);
/** Pages (HTML): anonymous callers may be redirected to the login page instead of a 401. */
const LOGIN = [302, 303, 401];
const page = {
  public: (): Case => ({ path: () => '', want: all('ok') }),
  enterprise: (path: (w: World) => string): Case => ({
    path,
    want: { anonymous: LOGIN, otherEnterprise: [403, 404], otherOfficer: [403, 404], otherLead: [403, 404], admin: 'any' },
  }),
  staff: (path: (w: World) => string): Case => ({
    path,
    want: { anonymous: LOGIN, otherEnterprise: [403, 404], otherOfficer: 'ok', otherLead: 'ok', admin: 'ok' },
  }),
};
/** The enterprise portal: an enterprise user's own pages (their own data is fine); staff and admins are refused. */
const portal = (own: Want): Record<Caller, Want> => ({
  anonymous: LOGIN,
  otherEnterprise: own,
  otherOfficer: 403,
  otherLead: 403,
  admin: 403,
});
const at = (path: string, c: Partial<Case> & { want: Record<Caller, Want> }): Case => ({ path: () => path, ...c });
/** Console pages: a hidden object (a draft, an enterprise of another region) is 404 for other staff; a visible one read-only (403). */
const consoleHidden: Record<Caller, Want> = { anonymous: LOGIN, otherEnterprise: 403, otherOfficer: 404, otherLead: 404, admin: 'ok' };
const consoleReadOnly: Record<Caller, Want> = { anonymous: LOGIN, otherEnterprise: 403, otherOfficer: 403, otherLead: 403, admin: 'ok' };
/** Console form posts: anonymous 401 (no redirect for a POST), enterprises 403, other staff as given, the admin redirected after the change (or the form again). */
const consoleWrite = (staff: Want, admin: Want = 'redirect'): Record<Caller, Want> => ({
  anonymous: 401,
  otherEnterprise: 403,
  otherOfficer: staff,
  otherLead: staff,
  admin,
});

/** No audit entry an outsider sees may concern a region outside 洛阳市 (410300). */
const auditInScope = (caller: Caller, body: unknown) => {
  if (caller !== 'otherLead') return null;
  const items = (body as { items?: Array<{ region: { code: string } | null }> }).items ?? [];
  const bad = items.filter((i) => !i.region || !i.region.code.startsWith('4103'));
  return bad.length ? `audit entries outside the lead's region: ${JSON.stringify(bad.slice(0, 2))}` : null;
};
const sameBureauOnly = (caller: Caller, body: unknown, w: World) => {
  if (caller !== 'otherLead') return null;
  const items = (body as { items?: Array<{ bureauId: number }> }).items ?? [];
  return items.some((u) => u.bureauId === w.bureauId) ? "another bureau's users listed" : null;
};

// ---- the table -----------------------------------------------------------------------------
const project = (w: World, over: Record<string, unknown> = {}) => projectBody({ code: `MX-${w.seq()}`, regionCode: '410223', ...over });
const enterprise = (_w: World) => enterpriseBody({ uscc: nextUscc('410223'), homeRegionCode: '410223', targetRegionCodes: ['410223'] });

const ROUTES: Record<string, Case | Case[]> = {
  // platform
  'GET /health': at('/health', { want: all('ok') }),
  'GET /docs': at('/docs', { want: all('any') }),
  'GET /docs/': at('/docs/', { want: all('any') }),
  'GET /docs/index.html': at('/docs/index.html', { want: all('any') }),
  'GET /docs/LICENSE': at('/docs/LICENSE', { want: all('any') }),
  'GET /docs/swagger-ui-init.js': at('/docs/swagger-ui-init.js', { want: all('any') }),
  'GET /docs/docs/swagger-ui-init.js': at('/docs/docs/swagger-ui-init.js', { want: all('any') }),
  'GET /docs/openapi.json': at('/docs/openapi.json', { want: all('ok') }),
  'GET /docs-yaml': at('/docs-yaml', { want: all('ok') }),
  'GET /regions': at('/regions?parent=410200', { want: all('ok') }),
  'GET /regions/:code': at('/regions/410223', { want: all('ok') }),
  'GET /industries': at('/industries', { want: all('ok') }),
  'GET /industries/:code': at('/industries/C13', { want: all('ok') }),

  // auth and accounts
  'POST /auth/login': at('/auth/login', {
    body: () => ({ email: 'nobody-at-all@example.com', password: 'Wrong-password-1' }),
    want: all(401),
  }),
  'POST /auth/logout': { path: () => '/auth/logout', want: { ...all(204), anonymous: 401 }, freshSession: true },
  'GET /auth/me': at('/auth/me', { want: { ...all('ok'), anonymous: 401 } }),
  'POST /auth/signup': {
    path: () => '/auth/signup',
    body: (w) => ({ email: `signup-${w.seq()}@example.com`, password: 'Signup-pass-2026', name: '张三', enterprise: enterprise(w) }),
    want: all(201),
    massAssign: { role: 'admin', emailVerified: true },
  },
  'POST /auth/verify-email': at('/auth/verify-email', { body: () => ({ token: 'not-a-real-token-at-all' }), want: all(400) }),
  'GET /auth/verify-email': at('/auth/verify-email?token=not-a-real-token-at-all', { want: all(400) }),
  'POST /auth/verify-email/resend': {
    path: () => '/auth/verify-email/resend',
    body: (w) => ({ email: `unverified-${w.seq()}@example.com` }),
    want: all(202),
  },
  'POST /auth/password/forgot': {
    path: () => '/auth/password/forgot',
    body: (w) => ({ email: `nobody-${w.seq()}@example.com` }),
    want: all(202),
  },
  'GET /auth/reset-password': at('/auth/reset-password?token=not-a-real-token-at-all', { want: all(400) }),
  'POST /auth/reset-password': at('/auth/reset-password', {
    body: () => ({ token: 'not-a-real-token-at-all', password: 'Another-pass-2026' }),
    want: all(400),
  }),
  'POST /auth/password': at('/auth/password', {
    body: () => ({ currentPassword: 'Not-my-password-1', newPassword: 'Another-pass-2026' }),
    want: { ...all(400), anonymous: 401 },
  }),

  // platform administration
  'POST /admin/bureaus': at('/admin/bureaus', { body: () => ({ name: '矩阵测试招商局', regionCode: '410223' }), want: adminOnly(201) }),
  'GET /admin/bureaus': at('/admin/bureaus', { want: adminOnly() }),
  'PATCH /admin/bureaus/:id': { path: (w) => `/admin/bureaus/${w.bureauId}`, body: () => ({ idleLimitDays: 21 }), want: adminOnly() },
  'POST /admin/users': {
    path: () => '/admin/users',
    body: (w) => ({ email: `matrix-${w.seq()}@example.com`, name: '矩阵', role: 'officer', bureauId: w.bureauId, password: TEST_PASSWORD }),
    want: adminOnly(201),
    massAssign: { active: false, failedLogins: 0 },
  },
  'GET /admin/users': at('/admin/users', { want: adminOnly() }),
  'GET /admin/users/:id': { path: (w) => `/admin/users/${w.bureauOfficer}`, want: adminOnly() },
  'PATCH /admin/users/:id': {
    path: (w) => `/admin/users/${w.bureauOfficer}`,
    body: () => ({ name: '改名' }),
    want: adminOnly(),
    massAssign: { email: 'x@example.com' },
  },
  'POST /admin/users/:id/invite': { path: (w) => `/admin/users/${w.bureauOfficer}/invite`, want: adminOnly(202) },

  // a bureau lead's own bureau
  'GET /bureau': at('/bureau', { want: { ...deny(403, 403, 'ok'), admin: 403 } }),
  'PATCH /bureau': at('/bureau', {
    body: () => ({ idleLimitDays: 10 }),
    want: { ...deny(403, 403, 'ok'), admin: 403 },
    massAssign: { regionCode: '410223' },
  }),
  'GET /bureau/users': at('/bureau/users', { want: { ...deny(403, 403, 'ok'), admin: 403 }, check: sameBureauOnly }),
  'POST /bureau/users': {
    path: () => '/bureau/users',
    body: (w) => ({ email: `invitee-${w.seq()}@example.com`, name: '受邀人' }),
    want: { ...deny(403, 403, 201), admin: 403 },
    massAssign: { role: 'bureau_lead' },
  },
  'POST /bureau/users/:id/deactivate': {
    path: (w) => `/bureau/users/${w.bureauOfficer}/deactivate`,
    want: { ...deny(403, 403, 404), admin: 403 },
  },
  'POST /bureau/users/:id/activate': {
    path: (w) => `/bureau/users/${w.bureauOfficer}/activate`,
    want: { ...deny(403, 403, 404), admin: 403 },
  },
  'POST /bureau/users/:id/invite': { path: (w) => `/bureau/users/${w.bureauOfficer}/invite`, want: { ...deny(403, 403, 404), admin: 403 } },

  // audit log
  'GET /audit': at('/audit?pageSize=100', { want: deny(403, 403, 'ok'), check: auditInScope }),

  // enterprises
  'POST /enterprises': {
    path: () => '/enterprises',
    body: enterprise,
    want: deny(403, 403, 403, 201),
    massAssign: { verifiedCertifications: ['high_tech'] },
  },
  'GET /enterprises': [
    at('/enterprises?pageSize=100', { want: deny(403, 'ok') }),
    at('/enterprises?region=410223', { want: deny(403, 'ok') }),
  ],
  'GET /enterprises/:id': { path: (w) => `/enterprises/${w.enterprise.id}`, want: hidden },
  'PATCH /enterprises/:id': {
    path: (w) => `/enterprises/${w.enterprise.id}`,
    body: () => ({ description: '矩阵测试修改' }),
    want: hidden,
    massAssign: { certifications: [{ kind: 'high_tech', status: 'verified' }] },
  },
  'DELETE /enterprises/:id': { path: (w) => `/enterprises/${w.deletableEnterprise}`, want: adminOnly(204) },
  'GET /enterprises/duplicates': at('/enterprises/duplicates?pageSize=100', { want: deny(403, 'ok') }),
  'POST /enterprises/:id/merge': {
    path: (w) => `/enterprises/${w.mergeWinner}/merge`,
    body: (w) => ({ duplicateId: w.mergeLoser, reason: '矩阵合并' }),
    want: deny(403, 404),
  },
  'POST /enterprises/:id/certifications/:kind/verify': {
    path: (w) => `/enterprises/${w.enterprise.id}/certifications/high_tech/verify`,
    body: () => ({ note: '核验' }),
    want: staffHidden,
  },
  'POST /enterprises/:id/certifications/:kind/reject': {
    path: (w) => `/enterprises/${w.enterprise.id}/certifications/specialized_sme/reject`,
    body: () => ({ note: '驳回' }),
    want: staffHidden,
  },
  // certificate evidence: only the enterprise attaches (multipart: without a file its own call is a 400); only it and staff of its home region read
  'PUT /enterprises/:id/certifications/:kind/evidence': {
    path: (w) => `/enterprises/${w.enterprise.id}/certifications/high_tech/evidence`,
    want: { anonymous: 401, otherEnterprise: 404, otherOfficer: 404, otherLead: 404, admin: 403 },
    massAssign: false,
  },
  'GET /enterprises/:id/certifications/:kind/evidence': {
    path: (w) => `/enterprises/${w.enterprise.id}/certifications/high_tech/evidence`,
    want: hidden,
  },
  'GET /enterprises/:id/incentives': { path: (w) => `/enterprises/${w.enterprise.id}/incentives`, want: hidden },
  'GET /enterprises/:id/incentives/:incentiveId': {
    path: (w) => `/enterprises/${w.enterprise.id}/incentives/${w.publishedIncentive}`,
    want: hidden,
  },
  'GET /enterprises/:id/matches': { path: (w) => `/enterprises/${w.enterprise.id}/matches`, want: hidden },
  'GET /enterprises/:id/matches/explain': {
    path: (w) => `/enterprises/${w.enterprise.id}/matches/explain?projectId=${w.publishedProject}`,
    want: hidden,
  },

  // projects
  'POST /projects': {
    path: () => '/projects',
    body: (w) => project(w),
    want: deny(403, 403, 403, 201),
    massAssign: { status: 'published' },
  },
  'GET /projects': [
    at('/projects?pageSize=100', { want: all('ok') }),
    at('/projects?pageSize=100&includeDrafts=true', { want: all('ok') }),
  ],
  'GET /projects/:id': [
    { about: 'a draft', path: (w) => `/projects/${w.draftProject}`, want: { ...all(404), admin: 'ok' } },
    { about: 'a published project', path: (w) => `/projects/${w.publishedProject}`, want: all('ok') },
  ],
  'PATCH /projects/:id': [
    {
      about: 'a draft',
      path: (w) => `/projects/${w.draftProject}`,
      body: () => ({ description: '改' }),
      want: staffHidden,
      massAssign: { stage: 'signed' },
    },
    {
      about: 'a published project',
      path: (w) => `/projects/${w.publishedProject}`,
      body: () => ({ description: '改' }),
      want: staffVisible,
      massAssign: { status: 'draft' },
    },
  ],
  'DELETE /projects/:id': { path: (w) => `/projects/${w.deletableProject}`, want: deny(403, 404, 404, 204) },
  'POST /projects/:id/publish': { path: (w) => `/projects/${w.draftProject}`.concat('/publish'), want: staffHidden },
  'POST /projects/:id/unpublish': { path: (w) => `/projects/${w.publishedProject}/unpublish`, want: staffVisible },
  'POST /projects/:id/stage': {
    path: (w) => `/projects/${w.publishedProject}/stage`,
    body: () => ({ stage: 'signed' }),
    want: staffVisible,
  },
  'GET /projects/:id/matches': [
    { about: 'a published project', path: (w) => `/projects/${w.publishedProject}/matches`, want: staffVisible },
    { about: 'a draft', path: (w) => `/projects/${w.draftProject}/matches`, want: staffHidden },
  ],

  // policies and incentives
  'POST /policies': {
    path: () => '/policies',
    body: () => policyBody({ regionCode: '410223' }),
    want: deny(403, 403, 403, 201),
    massAssign: { status: 'published' },
  },
  'GET /policies': [
    at('/policies?pageSize=100', { want: all('ok') }),
    at('/policies?pageSize=100&includeDrafts=true', { want: all('ok') }),
  ],
  'GET /policies/:id': [
    { about: 'a draft', path: (w) => `/policies/${w.draftPolicy}`, want: { ...all(404), admin: 'ok' } },
    { about: 'a published policy', path: (w) => `/policies/${w.publishedPolicy}`, want: all('ok') },
  ],
  'PATCH /policies/:id': [
    { about: 'a draft', path: (w) => `/policies/${w.draftPolicy}`, body: () => ({ issuer: '尉氏县人民政府' }), want: staffHidden },
    {
      about: 'a published policy',
      path: (w) => `/policies/${w.publishedPolicy}`,
      body: () => ({ issuer: '尉氏县人民政府' }),
      want: staffVisible,
    },
  ],
  'DELETE /policies/:id': { path: (w) => `/policies/${w.deletablePolicy}`, want: deny(403, 404, 404, 204) },
  'POST /policies/:id/publish': { path: (w) => `/policies/${w.draftPolicy}/publish`, want: staffHidden },
  'POST /policies/:id/unpublish': { path: (w) => `/policies/${w.publishedPolicy}/unpublish`, want: staffVisible },
  'POST /policies/:id/incentives': {
    path: (w) => `/policies/${w.draftPolicy}/incentives`,
    body: () => ({ kind: 'subsidy', title: '矩阵补贴', conditions: [] }),
    want: deny(403, 404, 404, 201),
    massAssign: { policyId: 1 },
  },
  'GET /incentives/:id': [
    { about: 'an incentive of a draft policy', path: (w) => `/incentives/${w.draftIncentive}`, want: { ...all(404), admin: 'ok' } },
    { about: 'a published incentive', path: (w) => `/incentives/${w.publishedIncentive}`, want: all('ok') },
  ],
  'PATCH /incentives/:id': [
    {
      about: 'an incentive of a draft policy',
      path: (w) => `/incentives/${w.draftIncentive}`,
      body: () => ({ description: '改' }),
      want: staffHidden,
    },
    {
      about: 'a published incentive',
      path: (w) => `/incentives/${w.publishedIncentive}`,
      body: () => ({ description: '改' }),
      want: staffVisible,
    },
  ],
  'DELETE /incentives/:id': { path: (w) => `/incentives/${w.deletableIncentive}`, want: deny(403, 404, 404, 204) },
  'GET /incentives/:id/eligible-enterprises': [
    {
      about: 'an incentive of a draft policy',
      path: (w) => `/incentives/${w.draftIncentive}/eligible-enterprises?status=eligible_or_needs_info`,
      want: staffHidden,
    },
    // published: any officer may ask, but only enterprises of their own business come back (the secrets check)
    {
      about: 'a published incentive',
      path: (w) => `/incentives/${w.publishedIncentive}/eligible-enterprises?status=eligible_or_needs_info`,
      want: deny(403, 'ok'),
    },
  ],

  // matching
  'GET /matches/:id': { path: (w) => `/matches/${w.match}`, want: hidden },
  'POST /matches/:id/interest': { path: (w) => `/matches/${w.match}/interest`, want: deny(404, 403, 403, 403) },
  'POST /matches/:id/dismiss': { path: (w) => `/matches/${w.match}/dismiss`, want: deny(404, 403, 403, 403) },
  'POST /matching/rematch': at('/matching/rematch', { want: adminOnly(202) }),
  'GET /matching/runs': at('/matching/runs', { want: adminOnly() }),
  'GET /matching/runs/:id': { path: (w) => `/matching/runs/${w.run}`, want: adminOnly() },

  // leads (src/leads) and imports (src/imports)
  'GET /leads': [at('/leads?pageSize=100', { want: deny('ok', 'ok') }), at('/leads?region=410223', { want: deny('ok', 403) })],
  'POST /leads/inquiries': {
    path: () => '/leads/inquiries',
    body: (w) => ({ projectId: w.inquiryProject, message: '咨询用地条件' }),
    want: deny('ok', 403, 403, 403),
  },
  'GET /inbox': at('/inbox', { want: { ...all('ok'), anonymous: 401 } }),
  'GET /inbox/unread-count': at('/inbox/unread-count', { want: { ...all('ok'), anonymous: 401 } }),
  'POST /inbox/read-all': at('/inbox/read-all', { want: { ...all('ok'), anonymous: 401 } }),
  // someone else's message: unknown to everyone but its user (the admin too)
  'POST /inbox/:id/read': { path: (w) => `/inbox/${w.inboxMessage}/read`, want: { ...hidden, admin: 404 } },
  'POST /leads': {
    path: () => '/leads',
    body: (w) => ({ enterpriseId: w.enterprise.id, regionCode: '410223' }),
    want: deny(403, 403, 403, 'ok'),
    massAssign: { stage: 'signed', signingKind: 'new' },
  },
  'GET /leads/export': at('/leads/export?format=csv', { want: deny(403, 'ok') }),
  'GET /leads/figures': at('/leads/figures?groupBy=owner', { want: deny(403, 'ok') }),
  'GET /leads/figures/export': at('/leads/figures/export?format=csv&groupBy=owner', { want: deny(403, 'ok') }),
  'GET /leads/:id': { path: (w) => `/leads/${w.lead}`, want: hidden },
  'PATCH /leads/:id': { path: (w) => `/leads/${w.lead}`, body: () => ({ expectedInvestmentYuan: 100_000_000 }), want: staffHidden },
  'POST /leads/:id/stage': {
    path: (w) => `/leads/${w.lead}/stage`,
    body: () => ({ stage: 'contacted' }),
    want: staffHidden,
    massAssign: { signingKind: 'new' },
  },
  'POST /leads/:id/reopen': { path: (w) => `/leads/${w.lostLead}/reopen`, body: () => ({ reason: '企业重新表达意向' }), want: staffHidden },
  'POST /leads/:id/activities': {
    path: (w) => `/leads/${w.lead}/activities`,
    body: () => ({ kind: 'call', summary: '电话沟通' }),
    want: staffHidden,
  },
  'POST /leads/:id/assign': {
    path: (w) => `/leads/${w.lead}/assign`,
    body: (w) => ({ ownerId: w.bureauOfficer }),
    want: deny(403, 403, 404),
  },
  // agreements (src/agreements): staff of the region, the enterprise's own users read-only; another region 404
  'POST /leads/:id/agreement': {
    path: (w) => `/leads/${w.unagreedLead}/agreement`,
    body: (w) => ({
      signedOn: w.today,
      pledges: { investmentYuan: 50_000_000 },
      tranches: [{ amountYuan: 1_000_000, condition: 'date', dueOn: w.today }],
    }),
    want: deny(403, 404, 404, 201),
    massAssign: { status: 'met' },
  },
  'GET /agreements/warnings': at('/agreements/warnings?pageSize=100', { want: deny(403, 'ok') }),
  'GET /agreements/figures': at('/agreements/figures', { want: deny(403, 'ok') }),
  'GET /agreements/figures/export': at('/agreements/figures/export?format=csv', { want: deny(403, 'ok') }),
  'GET /agreements/:id': { path: (w) => `/agreements/${w.agreement}`, want: hidden },
  'POST /agreements/:id/actuals': {
    path: (w) => `/agreements/${w.agreement}/actuals`,
    body: (w) => ({ kind: 'capital', occurredOn: w.today, amountYuan: 1_000_000, source: '矩阵', note: '矩阵' }),
    want: deny(403, 404, 404, 201),
  },
  'POST /agreements/:id/tranches/:trancheId/release': {
    path: (w) => `/agreements/${w.agreement}/tranches/${w.tranches[0]}/release`,
    body: () => ({}),
    want: deny(403, 404),
  },
  'POST /agreements/:id/tranches/:trancheId/approve': {
    path: (w) => `/agreements/${w.agreement}/tranches/${w.tranches[1]}/approve`,
    body: () => ({}),
    want: deny(403, 404),
  },
  // no recovery case in this world (nothing breached): staff in scope get past validation to the 409
  'POST /agreements/:id/recovery': {
    path: (w) => `/agreements/${w.agreement}/recovery`,
    body: () => ({ step: 'notified', reason: '矩阵' }),
    want: deny(403, 404, 404, 409),
  },
  // 产业链招商 (src/chains): staff of the chain's region; another region 404; enterprise users 403 by role
  'GET /chains/templates': at('/chains/templates', { want: deny(403, 'ok') }),
  'GET /chains': at('/chains?pageSize=100', { want: deny(403, 'ok') }),
  'POST /chains': at('/chains', {
    body: () => ({ name: '矩阵产业链', regionCode: '410223', segments: [{ name: '矩阵环节', position: 1, industryCodes: ['C13'] }] }),
    want: deny(403, 403, 403, 201),
  }),
  // the region's chains by chain and segment: another region's officer gets their own (none of this chain's)
  'GET /chains/figures': at('/chains/figures', { want: deny(403, 'ok') }),
  'GET /chains/figures/export': at('/chains/figures/export?format=csv', { want: deny(403, 'ok') }),
  'GET /chains/:id': { path: (w) => `/chains/${w.chain}`, want: deny(403, 404) },
  'PATCH /chains/:id': { path: (w) => `/chains/${w.chain}`, body: () => ({ strongMin: 4 }), want: deny(403, 404) },
  'GET /chains/:id/map': { path: (w) => `/chains/${w.chain}/map`, want: deny(403, 404) },
  'GET /chains/:id/targets': { path: (w) => `/chains/${w.chain}/targets`, want: deny(403, 404) },
  'GET /chains/:id/targets/export': { path: (w) => `/chains/${w.chain}/targets/export?format=csv`, want: deny(403, 404) },
  // the world's enterprise is local to the chain, so not a target: staff in scope get past the access check to the 400
  'GET /chains/:id/figures': { path: (w) => `/chains/${w.chain}/figures`, want: deny(403, 404) },
  'GET /chains/:id/figures/export': { path: (w) => `/chains/${w.chain}/figures/export?format=csv`, want: deny(403, 404) },
  'POST /chains/:id/leads': {
    path: (w) => `/chains/${w.chain}/leads`,
    body: (w) => ({ enterpriseId: w.enterprise.id }),
    want: deny(403, 404, 404, 400),
  },
  'GET /lead-assignment-rules': { path: (w) => `/lead-assignment-rules?bureauId=${w.bureauId}`, want: deny(403, 403, 404) },
  'POST /lead-assignment-rules': {
    path: () => '/lead-assignment-rules',
    body: (w) => ({ bureauId: w.bureauId, userId: w.bureauOfficer, industryCode: 'C13' }),
    want: deny(403, 403, 404),
  },
  'DELETE /lead-assignment-rules/:id': { path: (w) => `/lead-assignment-rules/${w.rule}`, want: deny(403, 403, 404, 204) },
  // no multipart body here: staff get past the roles to the missing file (400); the import tests upload real files
  'POST /imports/:kindOrId': at('/imports/enterprises', { want: deny(403, 400, 400, 400) }),
  'GET /imports': at('/imports', { want: deny(403, 'ok') }),
  'GET /imports/:kindOrId': { path: (w) => `/imports/${w.importJob}`, want: staffHidden },
  // policy-document intake (src/intake)
  'POST /intake/documents': at('/intake/documents', {
    body: () => ({ title: '2021年尉氏县政府工作报告', text: '计划投资2亿元,建设尉氏县食用菌产业园项目。' }),
    want: deny(403, 'ok'),
  }),
  'GET /intake/documents': at('/intake/documents', { want: deny(403, 'ok') }),
  'GET /intake/documents/:id': { path: (w) => `/intake/documents/${w.intakeDocument}`, want: staffHidden },
  'POST /intake/drafts/:id/accept': { path: (w) => `/intake/drafts/${w.intakeDrafts[0]}/accept`, body: () => ({}), want: staffHidden },
  'POST /intake/drafts/:id/reject': { path: (w) => `/intake/drafts/${w.intakeDrafts[1]}/reject`, want: staffHidden },
  'GET /intake/industry-keywords': at('/intake/industry-keywords', { want: deny(403, 'ok') }),
  'POST /intake/industry-keywords': {
    path: () => '/intake/industry-keywords',
    body: (w) => ({ keyword: `关键词${w.seq()}`, codes: ['A0151'] }),
    want: adminOnly(),
  },
  'DELETE /intake/industry-keywords/:id': { path: (w) => `/intake/industry-keywords/${w.intakeKeyword}`, want: adminOnly() },
  'GET /imports/templates/:kind': at('/imports/templates/leads?format=csv', { want: deny(403, 'ok') }),

  // notifications (src/notifications)
  'GET /notifications/preferences': at('/notifications/preferences', { want: { ...all('ok'), anonymous: 401 } }),
  'PATCH /notifications/preferences': at('/notifications/preferences', {
    body: () => ({ language: 'zh-CN' }),
    want: { ...all('ok'), anonymous: 401 },
    massAssign: { userId: 1 },
  }),
  'GET /notifications/unsubscribe': at('/notifications/unsubscribe?token=forged.token', { want: all(400) }),
  'POST /notifications/unsubscribe': at('/notifications/unsubscribe?token=forged.token', { want: all(400) }),
  'GET /notifications/settings': at('/notifications/settings?token=forged.token', { want: all(400) }),
  'POST /notifications/settings': at('/notifications/settings?token=forged.token', {
    form: true,
    body: () => ({ matchFrequency: 'daily' }),
    want: all(400),
    massAssign: false,
  }),
  'GET /notifications': at('/notifications?pageSize=100', { want: deny(403, 'ok') }),
  'GET /notifications/:id': { path: (w) => `/notifications/${w.notification}`, want: staffHidden },
  'POST /notifications/:id/resend': { path: (w) => `/notifications/${w.notification}/resend`, want: adminOnly([200, 409]) },

  // 招商资讯 and 投稿 (src/news): submissions and drafts exist only for staff of their region
  'GET /articles': [at('/articles?pageSize=100', { want: all('ok') }), at('/articles?region=410223&q=尉氏县', { want: all('ok') })],
  'GET /articles/moderation': at('/articles/moderation?pageSize=100', { want: deny(403, 'ok') }),
  'GET /articles/:id': [
    { about: 'a draft', path: (w) => `/articles/${w.draftArticle}`, want: { ...all(404), admin: 'ok' } },
    { about: 'a submission', path: (w) => `/articles/${w.submissions.apiApprove}`, want: { ...all(404), admin: 'ok' } },
    { about: 'a published article', path: (w) => `/articles/${w.publishedArticle}`, want: all('ok') },
  ],
  'POST /articles': {
    path: () => '/articles',
    body: () => ({ title: '矩阵资讯', body: '尉氏县招商动态', regionCode: '410223' }),
    want: deny(403, 403, 403, 201),
    massAssign: { origin: 'submission', createdBy: 1 },
  },
  'PATCH /articles/:id': [
    {
      about: 'a submission',
      path: (w) => `/articles/${w.submissions.apiApprove}`,
      body: () => ({ summary: '改' }),
      want: staffHidden,
      massAssign: { status: 'published' },
    },
    {
      about: 'a published article',
      path: (w) => `/articles/${w.publishedArticle}`,
      body: () => ({ summary: '改' }),
      want: staffVisible,
      massAssign: { status: 'draft' },
    },
  ],
  'POST /articles/:id/publish': { path: (w) => `/articles/${w.draftArticle}/publish`, want: staffHidden },
  'POST /articles/submissions': {
    path: () => '/articles/submissions',
    body: (w) => ({
      title: '矩阵投稿',
      body: '尉氏县招商动态',
      regionCode: '410223',
      submitterName: '访客',
      submitterEmail: `guest-${w.seq()}@example.com`,
    }),
    want: all(201),
    massAssign: { status: 'published', confirmedAt: '2026-01-01T00:00:00Z' },
  },
  'POST /articles/submissions/confirm': at('/articles/submissions/confirm', {
    body: () => ({ token: 'not-a-real-token-at-all' }),
    want: all(400),
  }),
  'POST /articles/:id/approve': { path: (w) => `/articles/${w.submissions.apiApprove}/approve`, want: staffHidden },
  'POST /articles/:id/reject': {
    path: (w) => `/articles/${w.submissions.apiReject}/reject`,
    body: () => ({ reason: '矩阵退回' }),
    want: staffHidden,
  },

  // pages (src/web)
  'GET /': { ...page.public(), path: () => '/' },
  'GET /library/projects': { ...page.public(), path: () => '/library/projects?region=410223' },
  'GET /library/projects/:id': [
    { about: 'a draft', path: (w) => `/library/projects/${w.draftProject}`, want: all(404) },
    { ...page.public(), about: 'a published project', path: (w) => `/library/projects/${w.publishedProject}` },
  ],
  'GET /library/policies': { ...page.public(), path: () => '/library/policies?region=410223' },
  'GET /library/policies/:id': [
    { about: 'a draft', path: (w) => `/library/policies/${w.draftPolicy}`, want: all(404) },
    { ...page.public(), about: 'a published policy', path: (w) => `/library/policies/${w.publishedPolicy}` },
  ],
  'GET /news': { ...page.public(), path: () => '/news?region=410223&q=尉氏县' },
  'GET /news/feed.xml': [at('/news/feed.xml', { want: all('ok') }), at('/news/feed.xml?region=410223', { want: all('ok') })],
  'GET /news/submit': at('/news/submit', { want: all('ok') }),
  'POST /news/submit': at('/news/submit', {
    form: true,
    body: () => ({ _action: 'refresh', region1: '410000' }),
    want: all('ok'),
    massAssign: false,
  }),
  'GET /news/submit/done': at('/news/submit/done', { want: all('ok') }),
  'GET /news/submit/confirm': at('/news/submit/confirm?token=not-a-real-token-at-all', { want: all(400) }),
  'GET /news/:id': [
    { about: 'a submission', path: (w) => `/news/${w.submissions.pageApprove}`, want: all(404) },
    { about: 'a draft', path: (w) => `/news/${w.draftArticle}`, want: all(404) },
    { ...page.public(), about: 'a published article', path: (w) => `/news/${w.publishedArticle}` },
  ],
  'GET /sitemap.xml': at('/sitemap.xml', { want: all('ok') }),
  'GET /login': at('/login', { want: { ...all('redirect'), anonymous: 'ok' } }), // signed in: on to one's home page
  'POST /login': at('/login', {
    form: true,
    body: () => ({ email: 'nobody-at-all@example.com', password: 'Wrong-password-1' }),
    want: all(401),
    massAssign: false,
  }),
  'GET /join': at('/join', { want: { ...all('redirect'), anonymous: 'ok' } }),
  'POST /join': at('/join', {
    form: true,
    body: () => ({ accountName: '张三', email: 'join@example.com' }),
    want: all('any'),
    massAssign: false,
  }),
  'GET /join/done': at('/join/done', { want: all('ok') }),
  // 认领's mailed link: a made-up token is refused for everyone (the page says the link is invalid)
  'GET /join/claim': at('/join/claim?token=made-up-token-000000000000', { want: all(400) }),
  'POST /join/claim': at('/join/claim', { form: true, body: () => ({ token: 'x'.repeat(43) }), want: all(400), massAssign: false }),
  'GET /legal/:kind': at('/legal/privacy', { want: all('ok') }),
  'GET /verify-email/resend': at('/verify-email/resend', { want: all('ok') }),
  'POST /verify-email/resend': {
    path: () => '/verify-email/resend',
    form: true,
    body: (w) => ({ email: `page-resend-${w.seq()}@example.com` }),
    want: all('ok'),
    massAssign: false,
  },
  'GET /password/forgot': at('/password/forgot', { want: all('ok') }),
  'POST /password/forgot': {
    path: () => '/password/forgot',
    form: true,
    body: (w) => ({ email: `page-forgot-${w.seq()}@example.com` }),
    want: all('ok'),
    massAssign: false,
  },
  'GET /portal': at('/portal', { want: portal('redirect') }),
  'GET /portal/matches': at('/portal/matches', { want: portal('ok') }),
  // old mails' links: staff who may read the match are sent to the console (303), others get 404 as from the API
  'GET /portal/matches/:id': {
    path: (w) => `/portal/matches/${w.match}`,
    want: { anonymous: LOGIN, otherEnterprise: 404, otherOfficer: 404, otherLead: 404, admin: 'redirect' },
  },
  'POST /portal/matches/:id/interest': {
    path: (w) => `/portal/matches/${w.match}/interest`,
    form: true,
    want: { ...portal(404), anonymous: 401 },
  },
  'POST /portal/matches/:id/dismiss': {
    path: (w) => `/portal/matches/${w.match}/dismiss`,
    form: true,
    want: { ...portal(404), anonymous: 401 },
  },
  'GET /portal/incentives': at('/portal/incentives', { want: portal('ok') }),
  'GET /portal/profile': at('/portal/profile', { want: portal('ok') }),
  'POST /portal/certifications/:kind/evidence': at('/portal/certifications/high_tech/evidence', {
    form: true,
    body: () => ({}),
    want: { ...portal(400), anonymous: 401 },
    massAssign: false,
  }),
  'POST /portal/profile': at('/portal/profile', {
    form: true,
    body: () => ({ _action: 'preview' }),
    want: { ...portal('ok'), anonymous: 401 },
    massAssign: false,
  }),
  'GET /portal/leads': at('/portal/leads', { want: portal('ok') }),
  'GET /portal/agreements': at('/portal/agreements', { want: portal('ok') }),
  'POST /portal/inquiries': at('/portal/inquiries', {
    form: true,
    body: (w) => ({ projectId: String(w.inquiryProject), message: '咨询' }),
    want: { ...portal('redirect'), anonymous: 401 },
    massAssign: false,
  }),
  'GET /messages': at('/messages', { want: { ...all('ok'), anonymous: LOGIN } }),
  'POST /messages/read-all': at('/messages/read-all', { form: true, want: { ...all('redirect'), anonymous: 401 } }),
  'POST /messages/:id/open': { path: (w) => `/messages/${w.inboxMessage}/open`, form: true, want: { ...all(404), anonymous: 401 } },
  'POST /logout': { path: () => '/logout', form: true, want: all('redirect'), freshSession: true, massAssign: false },
  'GET /portal/notifications': at('/portal/notifications', { want: portal('ok') }),
  'POST /portal/notifications': at('/portal/notifications', {
    form: true,
    body: () => ({ matchFrequency: 'daily', language: '' }),
    want: { ...portal('redirect'), anonymous: 401 },
    massAssign: false,
  }),

  // console pages (src/web/console): the API's rules — drafts and enterprises of another region 404, their public objects read-only (403 on writes).
  // Page forms read only the fields they name, so extra fields are ignored rather than refused (massAssign: false).
  'GET /console': page.staff(() => '/console'),
  'GET /console/projects': page.staff(() => '/console/projects?region=410223'),
  'GET /console/projects/new': page.staff(() => '/console/projects/new'),
  'POST /console/projects/new': at('/console/projects/new', {
    form: true,
    body: () => ({ _action: 'refresh', region1: '410000' }),
    want: consoleWrite('ok', 'ok'),
    massAssign: false,
  }),
  'GET /console/projects/:id': [
    { about: 'a draft', path: (w) => `/console/projects/${w.draftProject}`, want: consoleHidden },
    { ...page.staff((w) => `/console/projects/${w.publishedProject}`), about: 'a published project (read-only for other regions)' },
  ],
  'GET /console/projects/:id/edit': [
    { about: 'a draft', path: (w) => `/console/projects/${w.draftProject}/edit`, want: consoleHidden },
    { about: 'a published project', path: (w) => `/console/projects/${w.publishedProject}/edit`, want: consoleReadOnly },
  ],
  'POST /console/projects/:id/edit': {
    path: (w) => `/console/projects/${w.publishedProject}/edit`,
    form: true,
    body: () => ({ _action: 'refresh' }),
    want: consoleWrite(403, 'ok'),
    massAssign: false,
  },
  'POST /console/projects/:id/publish': { path: (w) => `/console/projects/${w.draftProject}/publish`, form: true, want: consoleWrite(404) },
  'POST /console/projects/:id/unpublish': {
    path: (w) => `/console/projects/${w.publishedProject}/unpublish`,
    form: true,
    want: consoleWrite(403),
  },
  'POST /console/projects/:id/stage': {
    path: (w) => `/console/projects/${w.publishedProject}/stage`,
    form: true,
    body: () => ({ stage: 'producing' }),
    want: consoleWrite(403, [303, 409]),
    massAssign: false,
  },
  'GET /console/policies': page.staff(() => '/console/policies?region=410223'),
  'GET /console/policies/new': page.staff(() => '/console/policies/new'),
  'POST /console/policies/new': at('/console/policies/new', {
    form: true,
    body: () => ({ _action: 'refresh' }),
    want: consoleWrite('ok', 'ok'),
    massAssign: false,
  }),
  'GET /console/policies/:id': [
    { about: 'a draft', path: (w) => `/console/policies/${w.draftPolicy}`, want: consoleHidden },
    { ...page.staff((w) => `/console/policies/${w.publishedPolicy}`), about: 'a published policy (read-only for other regions)' },
  ],
  'GET /console/policies/:id/edit': [
    { about: 'a draft', path: (w) => `/console/policies/${w.draftPolicy}/edit`, want: consoleHidden },
    { about: 'a published policy', path: (w) => `/console/policies/${w.publishedPolicy}/edit`, want: consoleReadOnly },
  ],
  'POST /console/policies/:id/edit': {
    path: (w) => `/console/policies/${w.publishedPolicy}/edit`,
    form: true,
    body: () => ({ _action: 'refresh' }),
    want: consoleWrite(403, 'ok'),
    massAssign: false,
  },
  'POST /console/policies/:id/publish': { path: (w) => `/console/policies/${w.draftPolicy}/publish`, form: true, want: consoleWrite(404) },
  'POST /console/policies/:id/unpublish': {
    path: (w) => `/console/policies/${w.publishedPolicy}/unpublish`,
    form: true,
    want: consoleWrite(403),
  },
  'GET /console/policies/:id/incentives/new': [
    { about: 'a draft', path: (w) => `/console/policies/${w.draftPolicy}/incentives/new`, want: consoleHidden },
    { about: 'a published policy', path: (w) => `/console/policies/${w.publishedPolicy}/incentives/new`, want: consoleReadOnly },
  ],
  'POST /console/policies/:id/incentives/new': {
    path: (w) => `/console/policies/${w.draftPolicy}/incentives/new`,
    form: true,
    body: () => ({ _action: 'add-condition', cond_count: '0', new_cond_type: 'industry' }),
    want: consoleWrite(404, 'ok'),
    massAssign: false,
  },
  'GET /console/incentives/:id': [
    { about: 'an incentive of a draft policy', path: (w) => `/console/incentives/${w.draftIncentive}`, want: consoleHidden },
    // 政策找企业 on a published incentive: any officer may look, but only their own business comes back (the secrets check)
    { ...page.staff((w) => `/console/incentives/${w.publishedIncentive}`), about: 'a published incentive' },
  ],
  'GET /console/incentives/:id/edit': [
    { about: 'an incentive of a draft policy', path: (w) => `/console/incentives/${w.draftIncentive}/edit`, want: consoleHidden },
    { about: 'a published incentive', path: (w) => `/console/incentives/${w.publishedIncentive}/edit`, want: consoleReadOnly },
  ],
  'POST /console/incentives/:id/edit': {
    path: (w) => `/console/incentives/${w.publishedIncentive}/edit`,
    form: true,
    body: () => ({ _action: 'preview', cond_count: '0' }),
    want: consoleWrite(403, 'ok'),
    massAssign: false,
  },
  'GET /console/enterprises': page.staff(() => '/console/enterprises?region=410223'),
  'GET /console/enterprises/duplicates': page.staff(() => '/console/enterprises/duplicates'),
  'GET /console/enterprises/claims': page.staff(() => '/console/enterprises/claims'),
  // a claim nobody in scope has: staff and the admin alike learn nothing (404)
  'POST /console/enterprises/claims/:id': at('/console/enterprises/claims/999999999', {
    form: true,
    body: () => ({ decision: 'approve' }),
    want: consoleWrite(404, 404),
    massAssign: false,
  }),
  // the API row merged the pair already: the admin's page answer is the list again with the error (400)
  'POST /console/enterprises/:id/merge': {
    path: (w) => `/console/enterprises/${w.mergeWinner}/merge`,
    form: true,
    body: (w) => ({ duplicateId: String(w.mergeLoser), reason: '矩阵合并' }),
    want: consoleWrite(404, [303, 400]),
    massAssign: false,
  },
  'GET /console/enterprises/:id': { path: (w) => `/console/enterprises/${w.enterprise.id}`, want: consoleHidden },
  'POST /console/enterprises/:id/certifications/:kind/:decision': {
    path: (w) => `/console/enterprises/${w.enterprise.id}/certifications/high_tech/verify`,
    form: true,
    body: () => ({ note: '核验' }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'GET /console/leads': [
    page.staff(() => '/console/leads'),
    { about: 'the board of another region', path: () => '/console/leads?region=410223', want: consoleReadOnly },
  ],
  'GET /console/leads/new': page.staff((w) => `/console/leads/new?enterpriseId=${w.enterprise.id}`),
  // another region's officers get the form back with the refusal (the enterprise is not named to them)
  'POST /console/leads/new': {
    path: () => '/console/leads/new',
    form: true,
    body: (w) => ({ enterpriseId: String(w.enterprise.id), region: '410223' }),
    want: consoleWrite(403, 'redirect'),
    massAssign: false,
  },
  'GET /console/leads/:id': { path: (w) => `/console/leads/${w.lead}`, want: consoleHidden },
  'POST /console/leads/:id/stage': {
    path: (w) => `/console/leads/${w.lead}/stage`,
    form: true,
    body: () => ({ stage: 'negotiating' }),
    want: consoleWrite(404, [303, 409]),
    massAssign: false,
  },
  'POST /console/leads/:id/activities': {
    path: (w) => `/console/leads/${w.lead}/activities`,
    form: true,
    body: () => ({ kind: 'call', summary: '电话沟通' }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'POST /console/leads/:id/assign': {
    path: (w) => `/console/leads/${w.lead}/assign`,
    form: true,
    body: (w) => ({ ownerId: String(w.bureauOfficer) }),
    want: { ...consoleWrite(403, [303, 409]), otherLead: 404 },
    massAssign: false,
  },
  'POST /console/leads/:id/update': {
    path: (w) => `/console/leads/${w.lead}/update`,
    form: true,
    body: () => ({ nextFollowUpOn: '' }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'POST /console/leads/:id/reopen': {
    path: (w) => `/console/leads/${w.lostLead}/reopen`,
    form: true,
    body: () => ({ reopenReason: '企业重新表达意向' }),
    want: consoleWrite(404, [303, 400, 409]),
    massAssign: false,
  },
  'GET /console/chains': page.staff(() => '/console/chains'),
  'GET /console/chains/new': page.staff(() => '/console/chains/new'),
  'POST /console/chains/new': at('/console/chains/new', {
    form: true,
    body: () => ({ _action: 'refresh', region1: '410000' }),
    want: consoleWrite('ok', 'ok'),
    massAssign: false,
  }),
  'GET /console/chains/:id': { path: (w) => `/console/chains/${w.chain}`, want: consoleHidden },
  'GET /console/chains/:id/edit': { path: (w) => `/console/chains/${w.chain}/edit`, want: consoleHidden },
  'POST /console/chains/:id/edit': {
    path: (w) => `/console/chains/${w.chain}/edit`,
    form: true,
    body: () => ({ _action: 'refresh' }),
    want: consoleWrite(404, 'ok'),
    massAssign: false,
  },
  'POST /console/chains/:id/leads': {
    path: (w) => `/console/chains/${w.chain}/leads`,
    form: true,
    body: (w) => ({ enterpriseId: String(w.enterprise.id) }),
    want: consoleWrite(404, 400),
    massAssign: false,
  },
  'GET /console/news': page.staff(() => '/console/news'),
  'GET /console/news/new': page.staff(() => '/console/news/new'),
  'POST /console/news/new': at('/console/news/new', {
    form: true,
    body: () => ({ _action: 'refresh', region1: '410000' }),
    want: consoleWrite('ok', 'ok'),
    massAssign: false,
  }),
  'GET /console/news/:id': [
    { about: 'a submission', path: (w) => `/console/news/${w.submissions.pageApprove}`, want: consoleHidden },
    { ...page.staff((w) => `/console/news/${w.publishedArticle}`), about: 'a published article (read-only for other regions)' },
  ],
  'POST /console/news/:id/edit': [
    {
      about: 'a submission',
      path: (w) => `/console/news/${w.submissions.pageApprove}/edit`,
      form: true,
      body: () => ({ title: '矩阵修改', body: '尉氏县招商动态' }),
      want: consoleWrite(404),
      massAssign: false,
    },
    {
      about: 'a published article',
      path: (w) => `/console/news/${w.publishedArticle}/edit`,
      form: true,
      body: () => ({ title: '尉氏县公开资讯', body: '尉氏县招商动态' }),
      want: consoleWrite(403),
      massAssign: false,
    },
  ],
  'POST /console/news/:id/publish': {
    path: (w) => `/console/news/${w.draftArticle}/publish`,
    form: true,
    want: consoleWrite(404, [303, 409]),
  }, // the API row may have published it first
  'POST /console/news/:id/approve': {
    path: (w) => `/console/news/${w.submissions.pageApprove}/approve`,
    form: true,
    want: consoleWrite(404),
  },
  'POST /console/news/:id/reject': {
    path: (w) => `/console/news/${w.submissions.pageReject}/reject`,
    form: true,
    body: () => ({ reason: '矩阵退回' }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'GET /console/intake': page.staff(() => '/console/intake'),
  'POST /console/intake': at('/console/intake', {
    form: true,
    body: () => ({ _action: 'refresh', region1: '410000' }),
    want: consoleWrite('ok', 'ok'),
    massAssign: false,
  }),
  'GET /console/intake/:id': { path: (w) => `/console/intake/${w.intakeDocument}`, want: consoleHidden },
  'POST /console/intake/drafts/:id/accept': {
    path: (w) => `/console/intake/drafts/${w.intakeDrafts[2]}/accept`,
    form: true,
    body: (w) => ({
      documentId: String(w.intakeDocument),
      draftKind: 'project',
      title: '矩阵项目',
      amount: '6800',
      amountUnit: '万元',
      industryCodes: 'D4620',
    }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'POST /console/intake/drafts/:id/reject': {
    path: (w) => `/console/intake/drafts/${w.intakeDrafts[3]}/reject`,
    form: true,
    body: (w) => ({ documentId: String(w.intakeDocument) }),
    want: consoleWrite(404),
    massAssign: false,
  },
  'GET /console/agreements': page.staff(() => '/console/agreements'),
  // 录入投资协议 on the signed lead the API row above gave an agreement: the admin is sent to it (or, the row not run yet, gets the form)
  'GET /console/agreements/new': {
    path: (w) => `/console/agreements/new?lead=${w.unagreedLead}`,
    want: { ...consoleHidden, admin: [200, 303] },
  },
  'POST /console/agreements/new': {
    path: (w) => `/console/agreements/new?lead=${w.unagreedLead}`,
    form: true,
    body: (w) => ({ signedOn: w.today, investmentWan: '5000', trancheAmountWan: '100', trancheCondition: 'date', trancheDueOn: w.today }),
    want: consoleWrite(404, [303, 409]),
    massAssign: false,
  },
  'GET /console/agreements/:id': { path: (w) => `/console/agreements/${w.agreement}`, want: consoleHidden },
  'POST /console/agreements/:id/actuals': {
    path: (w) => `/console/agreements/${w.agreement}/actuals`,
    form: true,
    body: (w) => ({ kind: 'capital', occurredOn: w.today, amountWan: '1', source: '矩阵', note: '矩阵' }),
    want: consoleWrite(404),
    massAssign: false,
  },
  // the API rows before these asked for the first tranche and approved the second: the admin's page answer is the 409 form
  'POST /console/agreements/:id/tranches/:trancheId/release': {
    path: (w) => `/console/agreements/${w.agreement}/tranches/${w.tranches[0]}/release`,
    form: true,
    want: consoleWrite(404, [303, 409]),
  },
  'POST /console/agreements/:id/tranches/:trancheId/approve': {
    path: (w) => `/console/agreements/${w.agreement}/tranches/${w.tranches[1]}/approve`,
    form: true,
    want: consoleWrite(404, [303, 409]),
  },
  'POST /console/agreements/:id/recovery': {
    path: (w) => `/console/agreements/${w.agreement}/recovery`,
    form: true,
    body: () => ({ step: 'notified', reason: '矩阵' }),
    want: consoleWrite(404, 409),
    massAssign: false,
  },
  'GET /console/import': page.staff(() => '/console/import'),
  'POST /console/import': at('/console/import', {
    form: true,
    body: () => ({ kind: 'enterprises' }),
    want: consoleWrite(400, 400),
    massAssign: false,
  }), // no file: refused by the import itself
  'GET /console/import/:id': { path: (w) => `/console/import/${w.importJob}`, want: consoleHidden },
  // a bureau lead's own bureau (officers, idle limit, assignment rules): other bureaus' officers and rules are not theirs
  'GET /console/bureau': at('/console/bureau', {
    want: { anonymous: LOGIN, otherEnterprise: 403, otherOfficer: 403, otherLead: 'ok', admin: 403 },
  }),
  'POST /console/bureau/settings': at('/console/bureau/settings', {
    form: true,
    body: () => ({ idleLimitDays: '10' }),
    want: { ...consoleWrite(403), otherLead: 'redirect', admin: 403 },
    massAssign: false,
  }),
  'POST /console/bureau/officers': {
    path: () => '/console/bureau/officers',
    form: true,
    body: (w) => ({ email: `page-invitee-${w.seq()}@example.com`, name: '受邀人' }),
    want: { ...consoleWrite(403), otherLead: 'redirect', admin: 403 },
    massAssign: false,
  },
  'POST /console/bureau/officers/:id/:action': {
    path: (w) => `/console/bureau/officers/${w.bureauOfficer}/deactivate`,
    form: true,
    want: { ...consoleWrite(403), otherLead: 404, admin: 403 },
  },
  'POST /console/bureau/rules': {
    path: () => '/console/bureau/rules',
    form: true,
    body: (w) => ({ userId: String(w.bureauOfficer), ruleIndustry1: 'C' }),
    want: { ...consoleWrite(403), otherLead: 400, admin: 403 },
    massAssign: false,
  },
  'POST /console/bureau/rules/:id/delete': {
    path: (w) => `/console/bureau/rules/${w.rule}/delete`,
    form: true,
    want: { ...consoleWrite(403), otherLead: 404, admin: 403 },
  },
  'GET /console/notifications': page.staff(() => '/console/notifications'),
  'POST /console/notifications/preferences': at('/console/notifications/preferences', {
    form: true,
    body: () => ({ matchFrequency: '', language: '' }),
    want: consoleWrite('redirect'),
    massAssign: false,
  }),
  'POST /console/notifications/:id/resend': {
    path: (w) => `/console/notifications/${w.notification}/resend`,
    form: true,
    want: consoleWrite(403, [303, 409]),
  },
  'GET /console/admin/users': at('/console/admin/users', { want: { ...consoleReadOnly, admin: 'ok' } }),
  'POST /console/admin/users': {
    path: () => '/console/admin/users',
    form: true,
    body: (w) => ({
      email: `matrix-page-${w.seq()}@example.com`,
      name: '矩阵',
      role: 'officer',
      bureauId: String(w.bureauId),
      password: TEST_PASSWORD,
    }),
    want: consoleWrite(403),
    massAssign: false,
  },
  'POST /console/admin/users/:id/active': {
    path: (w) => `/console/admin/users/${w.bureauOfficer}/active`,
    form: true,
    body: () => ({ active: '1' }),
    want: consoleWrite(403),
    massAssign: false,
  },
  'POST /console/admin/users/:id/invite': {
    path: (w) => `/console/admin/users/${w.bureauOfficer}/invite`,
    form: true,
    want: consoleWrite(403),
  },
  'GET /console/admin/bureaus': at('/console/admin/bureaus', { want: { ...consoleReadOnly, admin: 'ok' } }),
  'GET /console/admin/legal': at('/console/admin/legal', { want: { ...consoleReadOnly, admin: 'ok' } }),
  // an empty text publishes nothing: the admin gets the form again with the error
  'POST /console/admin/legal/:kind': at('/console/admin/legal/terms', {
    form: true,
    body: () => ({ body: '' }),
    want: consoleWrite(403, 400),
    massAssign: false,
  }),
  'POST /console/admin/bureaus': at('/console/admin/bureaus', {
    form: true,
    body: () => ({ _action: 'refresh' }),
    want: consoleWrite(403, 'ok'),
    massAssign: false,
  }),
  'POST /console/admin/bureaus/:id': {
    path: (w) => `/console/admin/bureaus/${w.bureauId}`,
    form: true,
    body: () => ({ idleLimitDays: '21' }),
    want: consoleWrite(403),
    massAssign: false,
  },
};

// ---- the run -------------------------------------------------------------------------------
const isMiddleware = (methods: string[]) => methods.length > 20; // `app.use`/`forRoutes` layers answer every method

/** Every route Express serves, as `METHOD /path`. */
function appRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
  const stack = (express.router ?? express._router)!.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  const out = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    if (isMiddleware(methods)) continue;
    for (const m of methods) out.add(`${m.toUpperCase()} ${layer.route.path}`);
  }
  return [...out].sort();
}

function matches(want: Want, status: number): boolean {
  if (want === 'ok') return status >= 200 && status < 300;
  if (want === 'redirect') return status >= 300 && status < 400;
  if (want === 'any') return status < 500;
  return Array.isArray(want) ? want.includes(status) : want === status;
}

describe('access matrix: every route × every outsider × objects of another region or enterprise', () => {
  let t: TestApp;
  let w: World;
  const callers = {} as Record<Exclude<Caller, 'anonymous'>, TestActor>;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const tag = randomBytes(3).toString('hex');
    const secret = (s: string) => `${s}${tag}`;
    const admin = await actor(t, 'admin');
    callers.admin = admin;
    callers.otherOfficer = await actor(t, 'officer', { region: '410300' }); // 洛阳市
    callers.otherLead = await actor(t, 'bureau_lead', { bureauId: callers.otherOfficer.bureauId! });
    const ok = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
      const r = await admin.call(method, path, body);
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body as T;
    };
    // the other enterprise (洛阳市) and its user
    const other = await ok(
      'POST',
      '/enterprises',
      enterpriseBody({ uscc: nextUscc('410300'), homeRegionCode: '410300', targetRegionCodes: ['410300'] }),
    );
    callers.otherEnterprise = await actor(t, 'enterprise', { enterpriseId: other.id });

    // the world of 尉氏县
    const contactPhone = `139${String(Date.now()).slice(-8)}`;
    const contactEmail = secret('contact-') + '@example.com';
    const e = await ok('POST', '/enterprises', {
      ...enterpriseBody({ uscc: nextUscc('410223'), homeRegionCode: '410223', targetRegionCodes: ['410223'] }),
      name: secret('机密企业'),
      certifications: [{ kind: 'high_tech' }, { kind: 'specialized_sme' }, { kind: 'industry_education_integration' }],
      contacts: [{ name: '机密联系人', phone: contactPhone, email: contactEmail }],
    });
    const enterpriseUser = await actor(t, 'enterprise', { enterpriseId: e.id, email: secret('owner-') + '@example.com' });
    // its certificate for one claim (what GET …/evidence serves)
    const certificate = new FormData();
    certificate.set(
      'file',
      new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n% 机密证书\n%%EOF\n'))], { type: 'application/pdf' }),
      'high-tech.pdf',
    );
    const attached = await fetch(`${t.url}/enterprises/${e.id}/certifications/high_tech/evidence`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${enterpriseUser.token}` },
      body: certificate,
    });
    if (attached.status !== 200) throw new Error(`certificate: ${attached.status} ${await attached.text()}`);
    const deletableEnterprise = await ok('POST', '/enterprises', {
      ...enterpriseBody({ uscc: nextUscc('410223') }),
      name: secret('待删企业'),
    });
    const mergeWinner = await ok('POST', '/enterprises', {
      ...enterpriseBody({ uscc: nextUscc('410223') }),
      name: secret('尉氏县合并测试有限公司'),
    });
    const mergeLoser = await ok('POST', '/enterprises', {
      ...enterpriseBody({ uscc: nextUscc('410223') }),
      name: secret('尉氏县合并测试（集团）股份有限公司'),
    });

    const draftProject = await ok(
      'POST',
      '/projects',
      projectBody({ code: secret('SECRET-D-'), title: secret('机密草稿项目'), regionCode: '410223' }),
    );
    const publishedProject = await ok(
      'POST',
      '/projects',
      projectBody({ code: `PUB-${tag}`, title: '尉氏县公开项目', regionCode: '410223' }),
    );
    await ok('POST', `/projects/${publishedProject.id}/publish`);
    const deletableProject = await ok(
      'POST',
      '/projects',
      projectBody({ code: secret('DEL-'), title: secret('待删草稿'), regionCode: '410223' }),
    );

    const incentive = (title: string) => ({ kind: 'subsidy', title, conditions: [{ type: 'homeRegion', anyOf: ['410223'] }] });
    const draftPolicy = await ok(
      'POST',
      '/policies',
      policyBody({
        title: secret('机密草稿政策'),
        regionCode: '410223',
        incentives: [incentive(secret('机密草稿措施')), incentive(secret('待删措施'))],
      }),
    );
    const publishedPolicy = await ok(
      'POST',
      '/policies',
      policyBody({ title: '尉氏县公开政策', regionCode: '410223', incentives: [incentive('尉氏县公开措施')] }),
    );
    await ok('POST', `/policies/${publishedPolicy.id}/publish`);
    const deletablePolicy = await ok('POST', '/policies', policyBody({ title: secret('待删政策'), regionCode: '410223', incentives: [] }));

    // a match of the enterprise with the published project (what the matching engine would write)
    const [{ id: matchId }] = await t.dataSource.query(
      `INSERT INTO match (enterprise_id, project_id, score) VALUES ($1, $2, 80) RETURNING id`,
      [e.id, publishedProject.id],
    );
    // leads of the enterprise (before the bureau exists: unassigned, so the admin can assign one), one of them lost
    const lead = await ok('POST', '/leads', { enterpriseId: e.id, projectId: publishedProject.id });
    const lostLead = await ok('POST', '/leads', { enterpriseId: e.id, projectId: draftProject.id });
    await ok('POST', `/leads/${lostLead.id}/stage`, { stage: 'lost', lostReason: secret('机密流失原因') });
    // an import of the admin's (a file with a bad row: rejected, nothing written)
    const form = new FormData();
    form.set(
      'file',
      new Blob(['统一社会信用代码,企业名称\n123,' + secret('机密导入企业') + '\n'], { type: 'text/csv' }),
      'enterprises.csv',
    );
    const upload = await fetch(`${t.url}/imports/enterprises`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    if (upload.status !== 201) throw new Error(`import: ${upload.status} ${await upload.text()}`);
    const importJob = (await upload.json()) as { id: number };
    // a bureau of 尉氏县 with an officer (created by the admin: the audit log then names them)
    const bureau = await ok('POST', '/admin/bureaus', { name: '尉氏县招商局', regionCode: '410223' });
    const officer = await ok('POST', '/admin/users', {
      email: secret('weishi-officer-') + '@example.com',
      name: '尉氏专员',
      role: 'officer',
      bureauId: bureau.id,
      password: TEST_PASSWORD,
    });
    const run = await ok('POST', '/matching/rematch');
    await ok('POST', `/admin/users/${officer.id}/invite`);
    const [{ id: notification }] = await t.dataSource.query(`SELECT id FROM notification WHERE recipient_email = $1`, [officer.email]);
    const rule = await ok('POST', '/lead-assignment-rules', { bureauId: bureau.id, userId: officer.id, regionCode: '410223' });
    // 招商资讯 of 尉氏县
    const draftArticle = await ok('POST', '/articles', { title: secret('机密草稿资讯'), body: '尉氏县草稿', regionCode: '410223' });
    const publishedArticle = await ok('POST', '/articles', {
      title: '尉氏县公开资讯',
      body: '尉氏县招商动态',
      regionCode: '410223',
      status: 'published',
    });
    const submit = async (name: string) => {
      const r = await enterpriseUser.call('POST', '/articles/submissions', {
        title: secret(name),
        body: '尉氏县投稿正文',
        regionCode: '410223',
      });
      if (r.status !== 201) throw new Error(`submission: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as number;
    };
    const submissions = {
      apiApprove: await submit('机密投稿甲'),
      apiReject: await submit('机密投稿乙'),
      pageApprove: await submit('机密投稿丙'),
      pageReject: await submit('机密投稿丁'),
    };
    // an intake document of 尉氏县, read into drafts right here (no workers in this app)
    const intake = await ok('POST', '/intake/documents', {
      title: secret('机密文档'),
      regionCode: '410223',
      text:
        '计划投资11亿元,开工建设尉氏县生猪现代农业产业园项目。加快推进总投资14.85亿元的尉氏县香菇加工产业园项目。' +
        '计划投资6800万元,完成尉北污水处理厂建设。计划投资9416万元,完成第三水厂一期工程建设。',
    });
    await t.get(IntakeService).process(intake.id);
    const intakeDrafts = ((await ok('GET', `/intake/documents/${intake.id}`)).drafts as Array<{ id: number }>).map((d) => d.id);
    if (intakeDrafts.length < 4) throw new Error(`intake: expected four drafts, got ${intakeDrafts.length}`);
    const intakeKeyword = await ok('POST', '/intake/industry-keywords', { keyword: '测试关键词', codes: ['A0151'] });

    // an agreement (on a signed lead of the region, no project): two date tranches due today, the second asked for by the bureau's officer
    const today = shanghaiDate(new Date());
    const signed = async () => {
      const l = await ok('POST', '/leads', { enterpriseId: e.id, regionCode: '410223' });
      await ok('POST', `/leads/${l.id}/stage`, { stage: 'signed', amountYuan: 50_000_000 });
      return l.id as number;
    };
    const agreedLead = await signed();
    const agreement = await ok('POST', `/leads/${agreedLead}/agreement`, {
      signedOn: today,
      pledges: { investmentYuan: 50_000_000, landMu: 20 },
      tranches: [1, 2].map(() => ({ amountYuan: 1_000_000, condition: 'date', dueOn: today })),
    });
    const tranches = ((await ok('GET', `/agreements/${agreement.id}`)).tranches as Array<{ id: number }>).map((x) => x.id);
    const requester = await actor(t, 'officer', { region: '410223' });
    const asked = await requester.call('POST', `/agreements/${agreement.id}/tranches/${tranches[1]}/release`, {});
    if (asked.status !== 200) throw new Error(`release request: ${asked.status} ${JSON.stringify(asked.body)}`);
    const unagreedLead = await signed();
    const chain = await ok('POST', '/chains', { regionCode: '410223', templateKey: 'auto-parts', name: secret('机密产业链') });
    const inquiryProject = await ok(
      'POST',
      '/projects',
      projectBody({ code: `INQ-${tag}`, title: '郑州市公开项目', regionCode: '410102' }),
    );
    await ok('POST', `/projects/${inquiryProject.id}/publish`);
    const [{ id: inboxMessage }] = await t.dataSource.query(
      `INSERT INTO inbox_message (user_id, kind, title, link, dedupe_key) VALUES ($1, 'certification', $2, '/portal/profile', 'matrix') RETURNING id`,
      [enterpriseUser.userId, secret('机密消息')],
    );

    w = {
      chain: chain.id,
      inquiryProject: inquiryProject.id,
      inboxMessage: Number(inboxMessage),
      agreement: agreement.id,
      tranches,
      unagreedLead,
      today,
      enterprise: { id: e.id, name: e.name },
      enterpriseUser,
      draftProject: draftProject.id,
      publishedProject: publishedProject.id,
      deletableProject: deletableProject.id,
      draftPolicy: draftPolicy.id,
      publishedPolicy: publishedPolicy.id,
      draftIncentive: draftPolicy.incentives[0].id,
      publishedIncentive: publishedPolicy.incentives[0].id,
      deletablePolicy: deletablePolicy.id,
      deletableIncentive: draftPolicy.incentives[1].id,
      deletableEnterprise: deletableEnterprise.id,
      mergeWinner: mergeWinner.id,
      mergeLoser: mergeLoser.id,
      match: Number(matchId),
      bureauId: bureau.id,
      bureauOfficer: officer.id,
      run: run.id,
      notification: Number(notification),
      lead: lead.id,
      lostLead: lostLead.id,
      rule: rule.id,
      importJob: importJob.id,
      draftArticle: draftArticle.id,
      publishedArticle: publishedArticle.id,
      submissions,
      intakeDocument: intake.id,
      intakeDrafts: [intakeDrafts[0], intakeDrafts[1], intakeDrafts[2], intakeDrafts[3]],
      intakeKeyword: intakeKeyword.id,
      secrets: [
        draftArticle.title,
        secret('机密投稿甲'),
        secret('机密投稿乙'),
        secret('机密投稿丙'),
        secret('机密投稿丁'),
        secret('机密文档'),
        secret('机密产业链'),
        secret('机密流失原因'),
        secret('机密消息'),
        secret('机密导入企业'),
        e.name,
        e.uscc,
        contactPhone,
        contactEmail,
        enterpriseUser.email,
        deletableEnterprise.name,
        draftProject.title,
        draftProject.code,
        deletableProject.title,
        draftPolicy.title,
        draftPolicy.incentives[0].title,
        draftPolicy.incentives[1].title,
        deletablePolicy.title,
        officer.email,
      ],
      seq: () => ++seq,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases = (key: string): Case[] => {
    const c = ROUTES[key];
    return Array.isArray(c) ? c : [c];
  };

  async function call(caller: Caller, c: Case, body: unknown): Promise<{ status: number; text: string; json: unknown }> {
    const path = c.path(w);
    const headers: Record<string, string> = { 'x-forwarded-for': `10.${w.seq() % 250}.${w.seq() % 250}.1` };
    if (caller !== 'anonymous') {
      const token = c.freshSession ? (await t.get(SessionsService).create(callers[caller].userId, 'api')).token : callers[caller].token;
      headers.authorization = `Bearer ${token}`;
    }
    const [method] = keyOf.get(c)!.split(' ');
    let payload: string | undefined;
    if (body !== undefined) {
      if (c.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams(body as Record<string, string>).toString();
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
    }
    const res = await fetch(t.url + path, { method, headers, body: payload, redirect: 'manual' });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* a page */
    }
    return { status: res.status, text, json };
  }
  const keyOf = new Map<Case, string>();
  for (const [key, c] of Object.entries(ROUTES)) for (const one of Array.isArray(c) ? c : [c]) keyOf.set(one, key);

  it('classifies exactly the routes the application serves (a new route must get a line in ROUTES)', async () => {
    const served = appRoutes(t);
    expect(served.length).toBeGreaterThan(60);
    const missing = served.filter((r) => !(r in ROUTES));
    const stale = Object.keys(ROUTES).filter((r) => !served.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('covers every operation of the OpenAPI document too', async () => {
    const doc = (await http(t.url, 'GET', '/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => !(o in ROUTES))).toEqual([]);
  });

  /** Reads first, then the writes (the admin's writes change the shared objects: publish, unpublish, delete). */
  const order = () => Object.keys(ROUTES).sort((a, b) => Number(!a.startsWith('GET ')) - Number(!b.startsWith('GET ')));

  const run = async (who: Caller[]) => {
    const failures: string[] = [];
    for (const key of order()) {
      for (const c of cases(key)) {
        for (const caller of who) {
          const label = `${key}${c.about ? ` (${c.about})` : ''} as ${caller}`;
          const body = c.body?.(w);
          const r = await call(caller, c, body);
          if (!matches(c.want[caller], r.status))
            failures.push(`${label}: ${r.status}, wanted ${JSON.stringify(c.want[caller])} — ${r.text.slice(0, 200)}`);
          if (caller !== 'admin') {
            const leaked = w.secrets.filter((s) => r.text.includes(s));
            if (leaked.length) failures.push(`${label}: answer (${r.status}) contains ${leaked.join(', ')}`);
          }
          const extra = c.check?.(caller, r.json, w);
          if (extra) failures.push(`${label}: ${extra}`);
          if (body !== undefined && c.massAssign !== false) {
            const extraFields = c.massAssign ?? { id: 424242, createdAt: '2000-01-01T00:00:00Z' };
            const m = await call(caller, c, { ...(body as object), ...extraFields });
            const accepted = r.status >= 200 && r.status < 300;
            if (accepted ? m.status !== 400 : ![400, 401, 403, 404].includes(m.status)) {
              failures.push(
                `${label} with ${Object.keys(extraFields).join(', ')} (mass assignment): ${m.status} — ${m.text.slice(0, 200)}`,
              );
            }
          }
        }
      }
    }
    return failures;
  };

  // every route × four callers, sequentially: on a busy 2-core machine this outlasts the default 60 s
  const MATRIX_TIMEOUT = 240_000;

  it(
    'refuses outsiders (401/403/404 as classified) and never answers them with data they may not see',
    async () => {
      expect(await run(OUTSIDERS)).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );

  it(
    'serves the admin on every route (the positive control: the requests are well-formed)',
    async () => {
      expect(await run(['admin'])).toEqual([]);
    },
    MATRIX_TIMEOUT,
  );
});
