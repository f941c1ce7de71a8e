/**
 * Generated from /docs/openapi.json by openapi-typescript — do not edit.
 * Regenerate: npm run openapi:types (test/e2e/openapi.e2e.spec.ts fails when this file is stale).
 */

export interface paths {
    "/admin/bureaus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: all bureaus
         * @description Roles: admin.
         */
        get: operations["AdminController_bureaus"];
        put?: never;
        /**
         * Admin: create a bureau (招商局) for a region
         * @description Roles: admin.
         */
        post: operations["AdminController_createBureau"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/bureaus/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a bureau, move its region (its officers' scope follows) or change its idle-lead limit
         * @description Roles: admin.
         */
        patch: operations["AdminController_updateBureau"];
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: users, filtered by role, bureau, enterprise or text
         * @description Roles: admin.
         */
        get: operations["AdminController_list"];
        put?: never;
        /**
         * Create a user; without a password the user gets an invitation e-mail with a set-password link
         * @description Roles: admin.
         */
        post: operations["AdminController_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: one user
         * @description Roles: admin.
         */
        get: operations["AdminController_user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's name, role (with bureau/enterprise) or activation; audited, sessions end on access changes
         * @description Roles: admin.
         */
        patch: operations["AdminController_updateUser"];
        trace?: never;
    };
    "/admin/users/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the invitation (set-password link) again
         * @description Roles: admin.
         */
        post: operations["AdminController_reinvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agreement with each pledge's status as of now, tranches, actuals, warnings and the recovery case; its enterprise's users get a read-only view */
        get: operations["AgreementsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/actuals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an actual (到资, 开工/竣工/投产/达产, annual output/tax, jobs) with date, source and a document or note; append-only (a correction names correctsId); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["AgreementsController_recordActual"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A step of the recovery case (notified › agreed / recovered / waived) with reason and document; audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["AgreementsController_recoveryStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/tranches/{trancheId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a requested release (another officer of the region than the requester); the tranche is released; audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["AgreementsController_approveRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/tranches/{trancheId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a releasable tranche's release (the first of four eyes); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["AgreementsController_requestRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agreement figures by region subtree and signing period: agreements by status, 到资率, pledges by status, tranches released/withheld, recovery
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["AgreementsController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/figures/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agreement figures as XLSX or CSV (same filters as /agreements/figures, plus format); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["AgreementsController_exportFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 项目预警 that hold now, region-scoped, paged, filter by kind: items {agreementId, leadId, kind, since, pledge}
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["AgreementsController_warnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 招商资讯: published articles; region/industry subtree, tag and full-text filters */
        get: operations["NewsController_list"];
        put?: never;
        /**
         * Staff: an article of one's region, as a draft or published at once
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["NewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published article (staff of its region: any status, with suggestions) */
        get: operations["NewsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Staff of its region: edit (also a submission under review; confirm suggested regions, industries, projects)
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["NewsController_update"];
        trace?: never;
    };
    "/articles/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Officers of its region: publish a submission (others: 404); the submitter is told by mail
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["NewsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff of its region: publish a draft
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["NewsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Officers of its region: reject a submission with a reason (others: 404); the submitter is told by mail
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["NewsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's region: its articles, confirmed submissions waiting for review first
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["NewsController_moderation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 投稿: anyone submits an article for a region (guests confirm by an e-mailed link); rate-limited */
        post: operations["NewsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/submissions/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A guest's e-mailed confirmation token: the submission enters the moderation queue */
        post: operations["NewsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first: admins see everything, bureau leads the entries concerning their region
         * @description Roles: admin, bureau_lead.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in. API clients get a bearer token; `?mode=cookie` sets the browser session cookie and returns its CSRF token. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (token or cookie) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I (and the CSRF token of a browser session) */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's own password (other sessions end) */
        post: operations["AccountsController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a single-use password-reset link valid for 1 hour (same answer for unknown addresses) */
        post: operations["AccountsController_forgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The e-mailed reset or invitation link: a set-password form (the token is used when the form is sent) */
        get: operations["AccountsController_resetForm"];
        put?: never;
        /** Set a new password with a reset or invitation token; every session of the account ends */
        post: operations["AccountsController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 企业入驻 with an account: the registration and the first user; a verification e-mail follows (login works once verified) */
        post: operations["AccountsController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The e-mailed verification link (a page for people; API clients POST the token instead) */
        get: operations["AccountsController_verifyEmailPage"];
        put?: never;
        /** Use the e-mailed verification token */
        post: operations["AccountsController_verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the verification e-mail again (same answer for unknown addresses) */
        post: operations["AccountsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bureau": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lead's own bureau
         * @description Roles: bureau_lead.
         */
        get: operations["BureauController_bureau"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The bureau's settings (days before an idle lead is flagged)
         * @description Roles: bureau_lead.
         */
        patch: operations["BureauController_update"];
        trace?: never;
    };
    "/bureau/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bureau's officers and leads
         * @description Roles: bureau_lead.
         */
        get: operations["BureauController_list"];
        put?: never;
        /**
         * Invite an officer into this bureau (an e-mail with a set-password link)
         * @description Roles: bureau_lead.
         */
        post: operations["BureauController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bureau/users/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate an officer of this bureau
         * @description Roles: bureau_lead.
         */
        post: operations["BureauController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bureau/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate an officer of this bureau (their sessions end at once)
         * @description Roles: bureau_lead.
         */
        post: operations["BureauController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bureau/users/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an officer's invitation again
         * @description Roles: bureau_lead.
         */
        post: operations["BureauController_reinvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chains of the caller's region subtree
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_list"];
        put?: never;
        /**
         * Staff of the region: a chain with its segments, or adopt a template (templateKey)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ChainsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff covering its region: the chain, its segments, 链长 and 链主 (others: 404)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Staff covering its region: rename, 链长, 链主, thresholds; segments replace the list
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["ChainsController_update"];
        trace?: never;
    };
    "/chains/{id}/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 三个一批 of the chain and of each segment for a period (default this year), 补链 leads signed, agreements
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}/figures/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chain figures as XLSX or CSV (a row per segment and the chain); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_exportFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff covering its region: turn a target into a lead (source 产业链招商); an open one is returned
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ChainsController_createLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chain map: per segment local enterprises, open projects, landed leads and status strong/weak/gap
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_map"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Enterprises outside the region fitting a gap or weak segment, ranked, with reasons
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_targets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/{id}/targets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ranked targets (first 5 000) as XLSX or CSV; audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_exportTargets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 三个一批 by chain and segment for every chain of the region subtree (the caller's scope; default this year), with each chain's 补链 leads signed and agreements
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_figuresOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/figures/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /chains/figures as XLSX or CSV (a row per segment and per chain); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_exportFiguresOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chains/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The chain templates (产业链模板) a region may adopt
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ChainsController_templates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List enterprises (region/industry subtree, certification, size, text)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["EnterprisesController_list"];
        put?: never;
        /**
         * Staff: record an enterprise registered in (or investing into) their region. Enterprises register themselves with POST /auth/signup.
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["EnterprisesController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enterprise (contacts for its own users and the staff covering it) */
        get: operations["EnterprisesController_get"];
        put?: never;
        post?: never;
        /**
         * Admin: delete an enterprise (audited)
         * @description Roles: admin.
         */
        delete: operations["EnterprisesController_remove"];
        options?: never;
        head?: never;
        /** Edit the profile (the USCC cannot change; certification claims restart as 待核验) */
        patch: operations["EnterprisesController_update"];
        trace?: never;
    };
    "/enterprises/{id}/certifications/{kind}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attached certificate, with its content type: the enterprise itself and staff of its home region only */
        get: operations["EnterprisesController_evidence"];
        /** Enterprise: attach its certificate to a claimed certification (a reviewed claim goes back to 待核验); audited */
        put: operations["EnterprisesController_attachEvidence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/certifications/{kind}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Officer: reject a claimed certification
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["EnterprisesController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/certifications/{kind}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Officer: verify a claimed certification (only verified ones count for eligibility)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["EnterprisesController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/incentives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策计算器: which incentives the enterprise gets, which need more information (and what), which not and why */
        get: operations["EnterpriseIncentivesController_incentives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/incentives/{incentiveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策计算器 for one incentive, whatever its region: the verdict and every condition's check with its reason */
        get: operations["EnterpriseIncentivesController_incentive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enterprise's matched projects, best first, with the score breakdown and reasons (the enterprise itself, or staff) */
        get: operations["MatchingController_forEnterprise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/matches/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a project is (or is not) a match for the enterprise: every factor scored now, the requirement that excludes it, the threshold */
        get: operations["MatchingController_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge the record duplicateId into :id, which stays: matches (one per project, the one further along), leads, certifications, timeline, agreements, mail log and users move; the merged id answers 308 to :id from then on; audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["EnterpriseDuplicatesController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Likely duplicate enterprises registered in the caller's region: the same normalised name (有限公司/股份/(集团)/spaces/full-width set aside) or a shared contact phone or e-mail; pairs, lower id first, paged
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["EnterpriseDuplicatesController_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database and Redis reachability (503 when either is down) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One's own imports, newest first (admins: all)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ImportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{kindOrId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import: status, progress, counts and the bad rows (line, field, column, reason)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ImportsController_get"];
        put?: never;
        /**
         * Upload enterprises, projects or leads (CSV/XLSX), read row by row. Every row is validated like the API; a file with a bad row imports nothing unless validOnly=true. Re-importing is idempotent; with mode=upsert (enterprises) an existing USCC is updated with only the columns the file names (empty cells change nothing; audited; re-matched). 201 with the result and each row's outcome, or 202 for a large file (poll GET /imports/:id).
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A template for a kind of import: the columns (Chinese headers) with an example row; the XLSX has a sheet explaining each column
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["ImportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息中心：我的站内消息（新匹配、意向、分派、跟进到期、认定审核、项目预警），最新在前 */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记一条消息为已读；答复其链接 */
        post: operations["InboxController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部标记为已读 */
        post: operations["InboxController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读消息数（最多数到 100） */
        get: operations["InboxController_unread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incentives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incentive with its eligibility conditions */
        get: operations["IncentivesController_get"];
        put?: never;
        post?: never;
        /**
         * Delete an incentive
         * @description Roles: admin, bureau_lead, officer.
         */
        delete: operations["IncentivesController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit an incentive (conditions validated)
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["IncentivesController_update"];
        trace?: never;
    };
    "/incentives/{id}/eligible-enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 政策找企业: enterprises eligible (or needing more information) for an incentive — those the caller's bureau may see
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["IncentivesController_eligibleEnterprises"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/industries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GB/T 4754-2017 industries: sections, or children of `parent`, or name search `q` */
        get: operations["ReferenceController_listIndustries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/industries/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An industry with its ancestors and children */
        get: operations["ReferenceController_industry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Documents of one's region, newest first, with their draft counts
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["IntakeController_list"];
        put?: never;
        /**
         * Upload a 政府工作报告, 招商 article or 政策文件 (file or JSON); 201 {id}; drafts are read by a job (poll GET /intake/documents/:id)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["IntakeController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A document: status (processing|ready|failed), progress, region and drafts with evidence offsets
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["IntakeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/drafts/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 采用: validate the reviewed fields like the project/policy API and create an unpublished project or policy
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["IntakeController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/drafts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 忽略: reject a draft
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["IntakeController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/industry-keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Industry keywords admins added to the shipped table (recognition/industry-keywords.csv)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["IntakeController_keywords"];
        put?: never;
        /**
         * Admins: add an industry keyword (used by the next extractions)
         * @description Roles: admin.
         */
        post: operations["IntakeController_addKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/industry-keywords/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Admins: remove an industry keyword
         * @description Roles: admin.
         */
        delete: operations["IntakeController_removeKeyword"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lead-assignment-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bureau's automatic assignment rules (region and/or industry subtree → officer)
         * @description Roles: admin, bureau_lead.
         */
        get: operations["AssignmentRulesController_list"];
        put?: never;
        /**
         * Add a rule: new leads in the region/industry subtree go to this officer (round-robin among equally specific rules)
         * @description Roles: admin, bureau_lead.
         */
        post: operations["AssignmentRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lead-assignment-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an assignment rule
         * @description Roles: admin, bureau_lead.
         */
        delete: operations["AssignmentRulesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Leads: staff see their region subtree, enterprise users their own (read-only view). Filters: stage, owner (me/none/id), region and industry subtrees, source, followUpDue, text. Paged by page (up to 10,000 rows) or by cursor (nextCursor). */
        get: operations["LeadsController_list"];
        put?: never;
        /**
         * Create a lead: from a match (matchId, source "match") or by hand (enterpriseId + projectId or regionCode). Assigned automatically unless ownerId is given. Answers 201, or 200 with the existing lead (same match, or an open lead of the same enterprise on the same project/region).
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["LeadsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A lead with its timeline (staff covering its region); its enterprise's users get a read-only status view */
        get: operations["LeadsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Next follow-up date, expected investment
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["LeadsController_update"];
        trace?: never;
    };
    "/leads/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a call, visit, meeting or note (optionally with the next follow-up date)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["LeadsController_addActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The agreement of a signed lead: signing date, pledges (any subset) and incentive tranches with their release condition. Staff of the lead's region; answers 201 {id}; audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["AgreementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bureau lead: reassign to an officer of a bureau covering the lead (audited)
         * @description Roles: admin, bureau_lead.
         */
        post: operations["LeadsController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen a lost lead (explicit, with a reason; on the timeline and audited)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["LeadsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move along the pipeline (new › contacted › negotiating › signed › started › producing, or lost with a reason): forward only; signing needs amountYuan (a second signing on a project is an increase: only its amount counts); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["LeadsController_changeStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The filtered leads as XLSX or CSV (the lead import columns, so a file can come back); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["LeadsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 三个一批 figures: leads reaching each stage, projects and amounts signed/started/producing (a project counts once; an increase counts its increase), conversion of the period's new leads, median days per stage; by region subtree, industry, officer and period (groupBy region/industry/owner/month/quarter)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["LeadsController_getFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/figures/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 三个一批 figures as XLSX or CSV (same filters as /leads/figures, plus format); audited
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["LeadsController_exportFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leads/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 主动咨询: a signed-in enterprise asks about a published project (projectId) or policy (policyId) without a match; creates its lead (source "inquiry") for the responsible bureau. Answers 201, or 200 with the open lead it already has; says who will call.
         * @description Roles: enterprise.
         */
        post: operations["LeadsController_inquire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One match; the enterprise opening it marks it as viewed */
        get: operations["MatchingController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Not interested (不感兴趣): hidden unless its score later rises materially
         * @description Roles: enterprise.
         */
        post: operations["MatchingController_dismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches/{id}/interest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The enterprise is interested (感兴趣): becomes a lead for the bureau
         * @description Roles: enterprise.
         */
        post: operations["MatchingController_interest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/rematch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: start a full re-match now (also runs nightly); answers the run and its job id
         * @description Roles: admin.
         */
        post: operations["MatchingController_rematch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: recent full re-match runs
         * @description Roles: admin.
         */
        get: operations["MatchingController_listRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matching/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: progress of a full re-match run
         * @description Roles: admin.
         */
        get: operations["MatchingController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 通知列表及发送状态（工作人员：本辖区；管理员：全部）
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 通知详情（状态、尝试次数、失败原因、内容快照）
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["NotificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重发一条发送失败的通知（管理员）
         * @description Roles: admin.
         */
        post: operations["NotificationsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知设置（匹配邮件频率、跟进提醒、语言） */
        get: operations["NotificationsController_getPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改我的通知设置；null 恢复默认（企业用户随企业设置，工作人员为即时） */
        patch: operations["NotificationsController_updatePreferences"];
        trace?: never;
    };
    "/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知设置页（邮件中的签名链接，无需登录） */
        get: operations["NotificationsController_settingsForm"];
        put?: never;
        /** 保存通知设置（签名链接的表单） */
        post: operations["NotificationsController_saveSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 退订确认页（邮件中的签名链接，无需登录） */
        get: operations["NotificationsController_unsubscribeForm"];
        put?: never;
        /** 退订（确认页的表单，或邮件客户端的 RFC 8058 一键退订 POST） */
        post: operations["NotificationsController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Policy library: by region subtree or applicable region, incentive kind, 免申即享, validity, text */
        get: operations["PoliciesController_list"];
        put?: never;
        /**
         * Create a policy for one's own region, with its incentives (eligibility conditions validated)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["PoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A policy with its incentives (a draft only for staff covering its region) */
        get: operations["PoliciesController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a policy (audited)
         * @description Roles: admin, bureau_lead, officer.
         */
        delete: operations["PoliciesController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a policy
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["PoliciesController_update"];
        trace?: never;
    };
    "/policies/{id}/incentives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an incentive to a policy
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["PoliciesController_addIncentive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a policy (enterprises are matched to its incentives)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["PoliciesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policies/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a published policy back to draft
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["PoliciesController_unpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目库: published projects by region/industry subtree, stage, incentive kind, investment, text */
        get: operations["ProjectsController_list"];
        put?: never;
        /**
         * Create a project in one's own region (a draft until published)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ProjectsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project (a draft only for staff covering its region) */
        get: operations["ProjectsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a draft (published projects are closed instead)
         * @description Roles: admin, bureau_lead, officer.
         */
        delete: operations["ProjectsController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a project
         * @description Roles: admin, bureau_lead, officer.
         */
        patch: operations["ProjectsController_update"];
        trace?: never;
    };
    "/projects/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's matched enterprises, best first (staff whose region covers the project)
         * @description Roles: admin, bureau_lead, officer.
         */
        get: operations["MatchingController_forProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft (matching starts)
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ProjectsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move to a later stage (签约/开工/投产) or close; recorded with its date
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ProjectsController_changeStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a published project back to draft
         * @description Roles: admin, bureau_lead, officer.
         */
        post: operations["ProjectsController_unpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GB/T 2260 regions: provinces, or children of `parent`, or name search `q` */
        get: operations["ReferenceController_listRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A region with its ancestors and children */
        get: operations["ReferenceController_region"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Accepted: {
            /** @enum {boolean} */
            accepted: true;
        };
        AccountsChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        AccountsResendRequest: {
            email: string;
        };
        AccountsSignupRequest: {
            consent?: {
                privacyVersion: number;
                termsVersion: number;
            };
            email: string;
            enterprise: components["schemas"]["EnterprisesRegisterRequest"];
            name: string;
            password: string;
        };
        AccountsVerifyEmailRequest: {
            token: string;
        };
        AdminCreateBureauRequest: {
            /** @default 14 */
            idleLimitDays?: number;
            name: string;
            regionCode: string;
        };
        AdminCreateUserRequest: {
            /** @default null */
            bureauId?: number | null;
            email: string;
            /** @default null */
            enterpriseId?: number | null;
            name: string;
            password?: string;
            /** @default null */
            phone?: string | null;
            /** @enum {string} */
            role: "admin" | "bureau_lead" | "officer" | "enterprise";
        };
        AdminUpdateBureauRequest: {
            idleLimitDays?: number;
            name?: string;
            regionCode?: string;
        };
        AdminUpdateUserRequest: {
            active?: boolean;
            bureauId?: number | null;
            enterpriseId?: number | null;
            name?: string;
            phone?: string | null;
            /** @enum {string} */
            role?: "admin" | "bureau_lead" | "officer" | "enterprise";
        };
        AgreementsApproveReleaseRequest: {
            /** @default  */
            note?: string;
            releasedOn?: string;
        };
        AgreementsCreateRequest: {
            pledges: {
                annualTaxYuanPerMu?: number;
                investmentIntensityYuanPerMu?: number;
                investmentYuan?: number;
                jobs?: number;
                landMu?: number;
                productionBy?: string;
                reachOutputBy?: string;
                startBy?: string;
            };
            signedOn: string;
            /** @default [] */
            tranches?: {
                amountYuan: number;
                /** @enum {string} */
                condition: "started" | "producing" | "reached_output" | "date";
                dueOn: string;
                incentiveId?: number;
            }[];
        };
        AgreementsRecordActualRequest: {
            amountYuan?: number;
            correctsId?: number;
            count?: number;
            /** @default  */
            document?: string;
            /** @enum {string} */
            kind: "capital" | "started" | "completed" | "producing" | "reached_output" | "annual_output" | "annual_tax" | "jobs";
            /** @default  */
            note?: string;
            occurredOn: string;
            source: string;
        };
        AgreementsRecoveryStepRequest: {
            amountYuan?: number;
            /** @default  */
            document?: string;
            reason: string;
            /** @enum {string} */
            step: "notified" | "agreed" | "recovered" | "waived";
        };
        AgreementsRequestReleaseRequest: {
            /** @default  */
            note?: string;
        };
        Article: {
            author: string;
            /** @description Markdown as written (absent in lists) */
            body?: string;
            /** @description The body rendered and sanitised (absent in lists) */
            bodyHtml?: string;
            confirmed?: boolean;
            createdAt?: string;
            id: number;
            industries: {
                code: string;
                name: string;
            }[];
            /**
             * @description Staff of the region only (also the fields below)
             * @enum {string}
             */
            origin?: "staff" | "submission";
            publishedAt: string | null;
            /** @description The owning region (its officers edit and moderate) */
            region: {
                code: string;
                name: string;
            };
            regions: {
                code: string;
                name: string;
            }[];
            rejectionReason?: string | null;
            relatedPolicyIds: number[];
            relatedProjectIds: number[];
            source: string;
            sourceUrl: string | null;
            /** @enum {string} */
            status: "draft" | "submitted" | "published" | "rejected";
            statusLabel: string;
            submitterName?: string;
            /** @description What the recognisers found and the article does not have yet, for the editor to confirm */
            suggestions?: {
                amounts: {
                    text: string;
                    yuan: number;
                }[];
                industryCodes: string[];
                projectIds: number[];
                regionCodes: string[];
                tags: string[];
            };
            summary: string;
            tags: string[];
            title: string;
            updatedAt?: string;
        };
        ArticlePage: {
            items: components["schemas"]["Article"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AssignmentRule: {
            bureauId: number;
            /** Format: date-time */
            createdAt?: string;
            id: number;
            industryCode: string | null;
            regionCode: string | null;
            userId: number;
            userName?: string;
        };
        AssignmentRuleList: {
            items: components["schemas"]["AssignmentRule"][];
        };
        AssignmentRulesCreateRequest: {
            bureauId?: number;
            industryCode?: string | null;
            /** @default null */
            regionCode?: string | null;
            userId: number;
        };
        AuditEntry: {
            /** @description e.g. lead.stage_changed */
            action: string;
            actionLabel: string;
            actor: {
                email: string | null;
                role: string | null;
                userId: number | null;
            } | null;
            /** Format: date-time */
            at: string;
            /** @description what changed, by action */
            detail: {
                [key: string]: unknown;
            };
            id: number;
            ip: string;
            region: components["schemas"]["CodeRef"] | null;
            target: {
                id: string | null;
                type: string;
            } | null;
            userAgent: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuthLoginRequest: {
            email: string;
            password: string;
        };
        Bureau: {
            id: number;
            idleLimitDays: number;
            name: string;
            region: components["schemas"]["CodeRef"];
        };
        BureauInviteRequest: {
            email: string;
            name: string;
        };
        BureauList: {
            items: components["schemas"]["Bureau"][];
        };
        BureauUpdateRequest: {
            idleLimitDays: number;
        };
        Certification: {
            certificateNo: string | null;
            /** @description the attached certificate (GET /enterprises/{id}/certifications/{kind}/evidence) */
            evidence: {
                contentType: string;
                fileName: string;
                size: number;
                /** Format: date-time */
                uploadedAt: string | null;
            } | null;
            /** @enum {string} */
            kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
            label: string;
            /** Format: date-time */
            reviewedAt: string | null;
            /** @description the officer's note; on 已驳回 the reason */
            reviewNote: string | null;
            /** @enum {string} */
            status: "claimed" | "verified" | "rejected";
            statusLabel: string;
            /** @description YYYY-MM-DD */
            validUntil: string | null;
        };
        Chain: {
            anchorEnterprises: {
                id: number;
                name: string;
            }[];
            createdAt: string;
            id: number;
            leaderName: string | null;
            leaderUserId: number | null;
            name: string;
            regionCode: string;
            regionName: string;
            segments: {
                id: number;
                industryCodes: string[];
                keywords: string[];
                name: string;
                position: number;
                /** @enum {string|null} */
                tier: "upstream" | "midstream" | "downstream" | null;
            }[];
            strongMin: number;
            templateKey: string | null;
            updatedAt: string;
            weakMin: number;
        };
        ChainCreated: {
            id: number;
        };
        ChainFigures: {
            agreements: {
                byStatus: {
                    at_risk: number;
                    breached: number;
                    met: number;
                    performing: number;
                };
                capitalRate: number | null;
                capitalYuan: number;
                pledgedYuan: number;
                pledges: {
                    at_risk: number;
                    breached: number;
                    met: number;
                    on_track: number;
                };
                recovery: {
                    cases: number;
                    dueYuan: number;
                    recoveredYuan: number;
                };
                total: number;
                tranches: {
                    released: number;
                    releasedYuan: number;
                    withheld: number;
                    withheldYuan: number;
                };
            };
            chainId: number;
            chainLeadsSigned: number;
            name: string;
            period: {
                from: string;
                to: string;
            };
            segments: {
                milestones: {
                    amountYuan: number;
                    increases: number;
                    label: string;
                    leads: number;
                    projects: number;
                    /** @enum {string} */
                    stage: "signed" | "started" | "producing";
                }[];
                name: string;
                segmentId: number;
            }[];
            total: {
                amountYuan: number;
                increases: number;
                label: string;
                leads: number;
                projects: number;
                /** @enum {string} */
                stage: "signed" | "started" | "producing";
            }[];
        };
        ChainLeadCreated: {
            created: boolean;
            id: number;
            reasons: string[];
        };
        ChainMap: {
            chainId: number;
            name: string;
            regionCode: string;
            regionName: string;
            rule: string;
            segments: {
                anchorEnterpriseIds: number[];
                enterprises: number;
                id: number;
                industryCodes: string[];
                keywords: string[];
                name: string;
                openProjects: number;
                position: number;
                producingLeads: number;
                signedLeads: number;
                startedLeads: number;
                /** @enum {string} */
                status: "strong" | "weak" | "gap";
                /** @enum {string|null} */
                tier: "upstream" | "midstream" | "downstream" | null;
            }[];
            thresholds: {
                strongMin: number;
                weakMin: number;
            };
        };
        ChainPage: {
            items: {
                id: number;
                name: string;
                regionCode: string;
                regionName: string;
                segmentCount: number;
                templateKey: string | null;
            }[];
            page: number;
            pageSize: number;
            total: number;
        };
        ChainsCreateLeadRequest: {
            enterpriseId: number;
            segmentId?: number;
        };
        ChainsCreateRequest: {
            anchorEnterpriseIds?: number[];
            /** @default null */
            leaderUserId?: number | null;
            name?: string;
            regionCode: string;
            segments?: {
                industryCodes: string[];
                keywords?: string[];
                name: string;
                position: number;
                /**
                 * @default null
                 * @enum {string|null}
                 */
                tier?: "upstream" | "midstream" | "downstream" | null;
            }[];
            /** @default 3 */
            strongMin?: number;
            /** @enum {string} */
            templateKey?: "auto-parts" | "meat-products" | "tea" | "beef-cattle" | "refractory" | "cross-border-ecommerce" | "tcm";
            /** @default 1 */
            weakMin?: number;
        };
        ChainsFigures: {
            items: components["schemas"]["ChainFigures"][];
            period: {
                from: string;
                to: string;
            };
            total: number;
        };
        ChainsUpdateRequest: {
            anchorEnterpriseIds?: number[];
            leaderUserId?: number | null;
            name?: string;
            segments?: {
                industryCodes: string[];
                keywords?: string[];
                name: string;
                position: number;
                /**
                 * @default null
                 * @enum {string|null}
                 */
                tier?: "upstream" | "midstream" | "downstream" | null;
            }[];
            strongMin?: number;
            weakMin?: number;
        };
        ChainTargetPage: {
            items: {
                enterpriseId: number;
                enterpriseName: string;
                /** @enum {string} */
                openness: "region" | "province" | "none";
                reasons: string[];
                score: number;
                segmentId: number;
                segmentName: string;
                /** @enum {string} */
                status: "gap" | "weak";
            }[];
            page: number;
            pageSize: number;
            total: number;
        };
        ChainTemplates: {
            items: {
                key: string;
                name: string;
                segments: {
                    industryCodes: string[];
                    keywords: string[];
                    name: string;
                    /** @enum {string} */
                    tier: "upstream" | "midstream" | "downstream";
                }[];
            }[];
        };
        CodeRef: {
            code: string;
            name: string;
        };
        CreatedLead: {
            bureau: {
                id: number;
                name: string | null;
            } | null;
            /** Format: date-time */
            contactedAt: string | null;
            /** @description false: the existing lead was answered (200) */
            created: boolean;
            /** Format: date-time */
            createdAt: string;
            enterprise: {
                id: number;
                name: string | null;
            };
            expectedInvestmentYuan: number | null;
            id: number;
            increaseOfLeadId: number | null;
            industries: components["schemas"]["CodeRef"][];
            /** Format: date-time */
            lastActivityAt: string;
            lost: {
                /** Format: date-time */
                at: string;
                /** @enum {string|null} */
                fromStage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost" | null;
                reason: string | null;
            } | null;
            matchId: number | null;
            /** Format: date-time */
            negotiatingAt: string | null;
            /** @description YYYY-MM-DD */
            nextFollowUpOn: string | null;
            owner: {
                id: number;
                name: string | null;
            } | null;
            producing: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            project: {
                code: string | null;
                id: number;
                title: string | null;
            } | null;
            region: components["schemas"]["CodeRef"];
            signed: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            /** @enum {string|null} */
            signingKind: "new" | "increase" | null;
            signingKindLabel: string | null;
            /** @enum {string} */
            source: "interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry";
            sourceLabel: string;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            /** Format: date-time */
            stageChangedAt: string;
            stageLabel: string;
            started: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            timeline: components["schemas"]["LeadActivity"][];
        };
        DuplicateEnterprisePage: {
            items: components["schemas"]["DuplicateEnterprisePair"][];
            page: number;
            pageSize: number;
            total: number;
            /** @description false: total is a lower bound (more pages follow) */
            totalExact: boolean;
        };
        DuplicateEnterprisePair: {
            a: {
                homeRegion: components["schemas"]["CodeRef"];
                id: number;
                name: string;
                uscc: string;
            };
            b: {
                homeRegion: components["schemas"]["CodeRef"];
                id: number;
                name: string;
                uscc: string;
            };
            /** @description the same name once 有限公司/股份/(集团)/spaces/full-width are set aside */
            sameName: boolean;
            /** @description shared contact phones (p:digits) and e-mails (e:address) */
            sharedContacts: string[];
        };
        EligibilityCheck: {
            /** @description a condition type, or policyRegion / policyValidity */
            condition: string;
            reason: string;
            /** @enum {string} */
            status: "met" | "unmet" | "unknown";
        };
        EligibleEnterprises: {
            items: {
                checks: components["schemas"]["EligibilityCheck"][];
                enterprise: components["schemas"]["Enterprise"];
                missing: string[];
                /**
                 * @description 符合 / 需补充信息 / 不符合
                 * @enum {string}
                 */
                status: "eligible" | "needs_info" | "not_eligible";
            }[];
            page: number;
            pageSize: number;
            policyInForce: boolean;
            /** @description YYYY-MM-DD (Asia/Shanghai) */
            today: string;
            total: number;
        };
        EmailVerified: {
            user: components["schemas"]["User"];
            /** @enum {boolean} */
            verified: true;
        };
        Enterprise: {
            certifications: components["schemas"]["Certification"][];
            /** @description only for the enterprise itself and the staff covering it */
            contacts?: {
                email?: string;
                name: string;
                phone?: string;
                title?: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            description: string;
            homeRegion: components["schemas"]["CodeRef"];
            id: number;
            industries: components["schemas"]["CodeRef"][];
            investmentMaxYuan: number | null;
            investmentMinYuan: number | null;
            name: string;
            needLandMu: number | null;
            needNotes: string;
            needWorkforce: number | null;
            /** @enum {string} */
            notificationFrequency: "instant" | "daily" | "weekly" | "off";
            /** @enum {string} */
            notificationLanguage: "zh-CN" | "en";
            /** @enum {string|null} */
            size: "micro" | "small" | "medium" | "large" | null;
            sizeLabel: string | null;
            targetRegions: components["schemas"]["CodeRef"][];
            /** Format: date-time */
            updatedAt: string;
            /** @description 统一社会信用代码 */
            uscc: string;
        };
        EnterpriseDuplicatesMergeRequest: {
            duplicateId: number;
            reason: string;
        };
        EnterpriseIncentives: {
            counts: {
                eligible: number;
                expired: number;
                needs_info: number;
                not_eligible: number;
            };
            items: {
                checks: components["schemas"]["EligibilityCheck"][];
                incentive: components["schemas"]["Incentive"];
                /** @description what the enterprise still has to provide or have verified */
                missing: string[];
                /**
                 * @description 符合 / 需补充信息 / 不符合 / 已失效
                 * @enum {string}
                 */
                status: "eligible" | "needs_info" | "not_eligible" | "expired";
                statusLabel: string;
            }[];
            page: number;
            pageSize: number;
            /** @description YYYY-MM-DD (Asia/Shanghai), the day the rules were evaluated for */
            today: string;
            total: number;
        };
        /** @description what an enterprise user sees of its own lead (no internal notes) */
        EnterpriseLead: {
            /** @description the officer working the lead and how to reach them */
            contact: {
                bureau: string | null;
                email: string | null;
                name: string | null;
                phone: string | null;
            } | null;
            /** Format: date-time */
            createdAt: string;
            id: number;
            /** Format: date-time */
            producingAt: string | null;
            project: {
                code: string | null;
                id: number;
                title: string | null;
            } | null;
            region: components["schemas"]["CodeRef"];
            /** Format: date-time */
            signedAt: string | null;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            /** Format: date-time */
            stageChangedAt: string;
            stageLabel: string;
            /** Format: date-time */
            startedAt: string | null;
        };
        EnterpriseMatches: {
            /** @description matches by status */
            counts: {
                [key: string]: number;
            };
            items: components["schemas"]["Match"][];
            page: number;
            pageSize: number;
            total: number;
        };
        EnterpriseMergeResult: {
            id: number;
            mergedId: number;
            moved: {
                [key: string]: number;
            };
        };
        EnterprisePage: {
            items: components["schemas"]["Enterprise"][];
            page: number;
            pageSize: number;
            total: number;
        };
        EnterprisesRegisterRequest: {
            /** @default [] */
            certifications?: {
                certificateNo?: string;
                /** @enum {string} */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
                validUntil?: string;
            }[];
            contacts: {
                email?: string;
                name: string;
                phone?: string;
                title?: string;
            }[];
            /** @default  */
            description?: string;
            homeRegionCode: string;
            industryCodes: string[];
            /** @default null */
            investmentMaxYuan?: number | null;
            /** @default null */
            investmentMinYuan?: number | null;
            name: string;
            /** @default null */
            needLandMu?: number | null;
            /** @default  */
            needNotes?: string;
            /** @default null */
            needWorkforce?: number | null;
            /**
             * @default daily
             * @enum {string}
             */
            notificationFrequency?: "instant" | "daily" | "weekly" | "off";
            /**
             * @default zh-CN
             * @enum {string}
             */
            notificationLanguage?: "zh-CN" | "en";
            /**
             * @default null
             * @enum {string|null}
             */
            size?: "micro" | "small" | "medium" | "large" | null;
            targetRegionCodes?: string[];
            uscc: string;
        };
        /**
         * @default {
         *       "note": ""
         *     }
         */
        EnterprisesRejectRequest: {
            /** @description the reason, shown to the enterprise */
            note: string;
        };
        EnterprisesUpdateRequest: {
            certifications?: {
                certificateNo?: string;
                /** @enum {string} */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
                validUntil?: string;
            }[];
            contacts?: {
                email?: string;
                name: string;
                phone?: string;
                title?: string;
            }[];
            description?: string;
            homeRegionCode?: string;
            industryCodes?: string[];
            investmentMaxYuan?: number | null;
            investmentMinYuan?: number | null;
            name?: string;
            needLandMu?: number | null;
            needNotes?: string;
            needWorkforce?: number | null;
            /** @enum {string} */
            notificationFrequency?: "instant" | "daily" | "weekly" | "off";
            /** @enum {string} */
            notificationLanguage?: "zh-CN" | "en";
            /** @enum {string|null} */
            size?: "micro" | "small" | "medium" | "large" | null;
            targetRegionCodes?: string[];
        };
        /** @default {} */
        EnterprisesVerifyRequest: {
            note?: string;
        };
        FunnelFigures: {
            conversion: {
                /** @description the period's new leads */
                cohort: number;
                rates: {
                    contacted: number | null;
                    lost: number | null;
                    negotiating: number | null;
                    producing: number | null;
                    signed: number | null;
                    started: number | null;
                };
                reached: {
                    contacted: number;
                    lost: number;
                    negotiating: number;
                    producing: number;
                    signed: number;
                    started: number;
                };
                stepRates: {
                    contacted: number | null;
                    negotiating: number | null;
                    producing: number | null;
                    signed: number | null;
                    started: number | null;
                };
            };
            funnel: {
                amountYuan?: number;
                /** @description capital increases (增资扩产) */
                increases?: number;
                label: string;
                /** @description leads that reached the stage in the period */
                leads: number;
                /** @description signed/started/producing: projects (a project counts once) */
                projects?: number;
                /** @enum {string} */
                stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            }[];
            key: string;
            label: string;
            medianDays: {
                contacted: {
                    days: number | null;
                    moves: number;
                };
                negotiating: {
                    days: number | null;
                    moves: number;
                };
                new: {
                    days: number | null;
                    moves: number;
                };
                signed: {
                    days: number | null;
                    moves: number;
                };
                started: {
                    days: number | null;
                    moves: number;
                };
            };
        };
        Health: {
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            error?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            info?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
        };
        Import: {
            created: number;
            /** Format: date-time */
            createdAt: string;
            errorCount: number;
            /** @description the first 1,000 field errors */
            errors: {
                code: string;
                column: string | null;
                field: string;
                /** @description line (CSV) or row (XLSX), header = 1 */
                line: number;
                message: string;
            }[];
            errorsTruncated: boolean;
            existing: number;
            failure: string | null;
            fileName: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @enum {string} */
            format: "csv" | "xlsx";
            id: number;
            invalidRows: number;
            /** @enum {string} */
            kind: "enterprises" | "projects" | "leads";
            kindLabel: string;
            /**
             * @description create: new records only; upsert (enterprises): an existing USCC is updated with the columns the file names
             * @enum {string}
             */
            mode: "create" | "upsert";
            modeLabel: string;
            /** @enum {string|null} */
            phase: "validating" | "importing" | null;
            progress: {
                percent: number;
                processedRows: number;
                totalRows: number;
            };
            /** @description each row's outcome (the first 1,000 rows; the counts are complete) */
            rows: {
                /** @description an update: the fields that changed */
                fields?: string[];
                /** @description USCC, project code or lead key */
                key: string | null;
                line: number;
                /** @enum {string} */
                outcome: "created" | "updated" | "unchanged" | "existing" | "error";
                outcomeLabel: string;
            }[];
            rowsTruncated: boolean;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "rejected" | "failed";
            statusLabel: string;
            /** @description upsert: existing enterprises already as the file says */
            unchanged: number;
            /** @description upsert: existing enterprises changed */
            updated: number;
            validOnly: boolean;
        };
        ImportPage: {
            items: components["schemas"]["Import"][];
            page: number;
            pageSize: number;
            total: number;
        };
        InboxMessage: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: number;
            /** @enum {string} */
            kind: "match" | "interest" | "inquiry" | "assignment" | "follow_up" | "certification" | "agreement_warning" | "claim";
            kindLabel: string;
            /** @description a path inside the site */
            link: string;
            /** Format: date-time */
            readAt: string | null;
            title: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxMessage"][];
            page: number;
            pageSize: number;
            total: number;
            unread: number;
        };
        InboxRead: {
            id: number;
            link: string;
        };
        InboxReadAll: {
            marked: number;
        };
        InboxUnread: {
            /** @description counted up to 100 */
            unread: number;
        };
        Incentive: {
            conditions: components["schemas"]["LabelledCondition"][];
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description 免申即享 */
            grantedWithoutApplication: boolean;
            id: number;
            /** @enum {string} */
            kind: "fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent";
            kindLabel: string;
            maxAmountYuan: number | null;
            policy?: components["schemas"]["PolicySummary"];
            policyId: number;
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IncentiveSummary: {
            /** @description 免申即享 */
            grantedWithoutApplication: boolean;
            id: number;
            /** @enum {string} */
            kind: "fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent";
            kindLabel: string;
            maxAmountYuan: number | null;
            policyId: number;
            title: string;
        };
        IncentivesUpdateRequest: {
            conditions?: ({
                anyOf: ("industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500")[];
                /** @enum {string} */
                type: "certification";
            } | {
                anyOf: string[];
                /** @enum {string} */
                type: "industry";
            } | {
                anyOf: string[];
                /** @enum {string} */
                type: "homeRegion";
            } | {
                /** @enum {string} */
                type: "minInvestment";
                yuan: number;
            } | {
                anyOf: ("micro" | "small" | "medium" | "large")[];
                /** @enum {string} */
                type: "enterpriseSize";
            } | {
                minMu?: number;
                /** @enum {string} */
                type: "needsLand";
            })[];
            description?: string;
            grantedWithoutApplication?: boolean;
            /** @enum {string} */
            kind?: "fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent";
            maxAmountYuan?: number | null;
            title?: string;
        };
        IntakeAcceptRequest: {
            code?: unknown;
            conditions?: unknown;
            description?: unknown;
            documentNumber?: unknown;
            grantedWithoutApplication?: unknown;
            industryCodes?: unknown;
            investmentYuan?: unknown;
            issuer?: unknown;
            kind?: unknown;
            landAreaMu?: unknown;
            maxAmountYuan?: unknown;
            policyId?: number;
            regionCode?: unknown;
            stage?: unknown;
            title?: unknown;
            validFrom?: unknown;
            validTo?: unknown;
        };
        IntakeAddKeywordRequest: {
            codes: string[];
            keyword: string;
        };
        InvitationSent: {
            /** @enum {boolean} */
            sent: true;
        };
        LabelledCondition: {
            anyOf: ("industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500")[];
            label: string;
            /** @enum {string} */
            type: "certification";
        } | {
            anyOf: string[];
            label: string;
            /** @enum {string} */
            type: "industry";
        } | {
            anyOf: string[];
            label: string;
            /** @enum {string} */
            type: "homeRegion";
        } | {
            label: string;
            /** @enum {string} */
            type: "minInvestment";
            yuan: number;
        } | {
            anyOf: ("micro" | "small" | "medium" | "large")[];
            label: string;
            /** @enum {string} */
            type: "enterpriseSize";
        } | {
            label: string;
            minMu?: number;
            /** @enum {string} */
            type: "needsLand";
        };
        Lead: {
            bureau: {
                id: number;
                name: string | null;
            } | null;
            /** Format: date-time */
            contactedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            enterprise: {
                id: number;
                name: string | null;
            };
            expectedInvestmentYuan: number | null;
            id: number;
            increaseOfLeadId: number | null;
            industries: components["schemas"]["CodeRef"][];
            /** Format: date-time */
            lastActivityAt: string;
            lost: {
                /** Format: date-time */
                at: string;
                /** @enum {string|null} */
                fromStage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost" | null;
                reason: string | null;
            } | null;
            matchId: number | null;
            /** Format: date-time */
            negotiatingAt: string | null;
            /** @description YYYY-MM-DD */
            nextFollowUpOn: string | null;
            owner: {
                id: number;
                name: string | null;
            } | null;
            producing: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            project: {
                code: string | null;
                id: number;
                title: string | null;
            } | null;
            region: components["schemas"]["CodeRef"];
            signed: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            /** @enum {string|null} */
            signingKind: "new" | "increase" | null;
            signingKindLabel: string | null;
            /** @enum {string} */
            source: "interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry";
            sourceLabel: string;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            /** Format: date-time */
            stageChangedAt: string;
            stageLabel: string;
            started: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
        };
        LeadActivity: {
            /** Format: date-time */
            at: string;
            by: {
                id: number;
                name: string | null;
            } | null;
            details: {
                [key: string]: unknown;
            };
            fromOwner?: {
                id: number;
                name: string | null;
            } | null;
            /** @enum {string|null} */
            fromStage?: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost" | null;
            fromStageLabel?: string | null;
            id: number;
            /** @enum {string} */
            kind: "call" | "visit" | "meeting" | "note" | "created" | "stage_change" | "assignment" | "reopen" | "update";
            kindLabel: string;
            /** Format: date-time */
            recordedAt: string;
            summary: string;
            toOwner?: {
                id: number;
                name: string | null;
            } | null;
            /** @enum {string|null} */
            toStage?: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost" | null;
            toStageLabel?: string | null;
        };
        LeadDetail: {
            bureau: {
                id: number;
                name: string | null;
            } | null;
            /** Format: date-time */
            contactedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            enterprise: {
                id: number;
                name: string | null;
            };
            expectedInvestmentYuan: number | null;
            id: number;
            increaseOfLeadId: number | null;
            industries: components["schemas"]["CodeRef"][];
            /** Format: date-time */
            lastActivityAt: string;
            lost: {
                /** Format: date-time */
                at: string;
                /** @enum {string|null} */
                fromStage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost" | null;
                reason: string | null;
            } | null;
            matchId: number | null;
            /** Format: date-time */
            negotiatingAt: string | null;
            /** @description YYYY-MM-DD */
            nextFollowUpOn: string | null;
            owner: {
                id: number;
                name: string | null;
            } | null;
            producing: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            project: {
                code: string | null;
                id: number;
                title: string | null;
            } | null;
            region: components["schemas"]["CodeRef"];
            signed: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            /** @enum {string|null} */
            signingKind: "new" | "increase" | null;
            signingKindLabel: string | null;
            /** @enum {string} */
            source: "interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry";
            sourceLabel: string;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            /** Format: date-time */
            stageChangedAt: string;
            stageLabel: string;
            started: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            timeline: components["schemas"]["LeadActivity"][];
        } | components["schemas"]["EnterpriseLead"];
        LeadFigures: {
            /** @enum {string} */
            groupBy: "none" | "region" | "industry" | "owner" | "month" | "quarter";
            groups: components["schemas"]["FunnelFigures"][];
            period: {
                from: string;
                to: string;
            };
            scope: {
                industry: string[] | null;
                owner: number | null;
                region: components["schemas"]["CodeRef"] | null;
            };
            total: components["schemas"]["FunnelFigures"];
        };
        LeadInquiry: {
            /** @description the bureau that will answer */
            bureau: string | null;
            /** @description the officer who will call (null until one is assigned) */
            contact: {
                bureau: string | null;
                email: string | null;
                name: string;
                phone: string | null;
            } | null;
            created: boolean;
            /** @description the lead */
            id: number;
        };
        LeadList: {
            /** @description enterprise users get EnterpriseLead items */
            items: (components["schemas"]["LeadListItem"] | components["schemas"]["EnterpriseLead"])[];
            nextCursor: string | null;
            page: number;
            pageSize: number;
            total: number;
            /** @description false: total is capped (use nextCursor to read on) */
            totalExact: boolean;
        };
        LeadListItem: {
            /** Format: date-time */
            createdAt: string;
            enterprise: {
                id: number;
                name: string | null;
            };
            expectedInvestmentYuan: number | null;
            id: number;
            /** Format: date-time */
            lastActivityAt: string;
            /** @description YYYY-MM-DD */
            nextFollowUpOn: string | null;
            owner: {
                id: number;
                name: string | null;
            } | null;
            project: {
                code: string | null;
                id: number;
                title: string | null;
            } | null;
            region: components["schemas"]["CodeRef"];
            signed: {
                amountYuan: number | null;
                /** Format: date-time */
                at: string;
            } | null;
            /** @enum {string|null} */
            signingKind: "new" | "increase" | null;
            /** @enum {string} */
            source: "interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry";
            sourceLabel: string;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
            stageLabel: string;
        };
        LeadsAddActivityRequest: {
            at?: string;
            /** @enum {string} */
            kind: "call" | "visit" | "meeting" | "note";
            nextFollowUpOn?: string | null;
            summary: string;
        };
        LeadsAssignRequest: {
            /** @default  */
            note?: string;
            ownerId: number;
        };
        LeadsChangeStageRequest: {
            amountYuan?: number;
            at?: string;
            increaseOf?: number;
            lostReason?: string;
            /** @default  */
            note?: string;
            /** @enum {string} */
            stage: "new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost";
        };
        LeadsCreateRequest: {
            enterpriseId?: number;
            expectedInvestmentYuan?: number | null;
            incentiveId?: number;
            matchId?: number;
            nextFollowUpOn?: string | null;
            note?: string;
            ownerId?: number;
            projectId?: number;
            regionCode?: string;
            /** @enum {string} */
            source?: "manual" | "match" | "policy";
        };
        LeadsInquireRequest: {
            message: string;
            policyId?: number;
            projectId?: number;
        };
        LeadsReopenRequest: {
            reason: string;
            /** @enum {string} */
            stage?: "new" | "contacted" | "negotiating";
        };
        LeadsUpdateRequest: {
            expectedInvestmentYuan?: number | null;
            nextFollowUpOn?: string | null;
        };
        Login: {
            /** @description browsers (mode=cookie): send as `x-csrf-token` with unsafe methods */
            csrfToken?: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description API clients (mode=token): send as `Authorization: Bearer <token>` */
            token?: string;
            /** @enum {string} */
            tokenType?: "Bearer";
            user: components["schemas"]["User"];
        };
        Match: {
            breakdown: {
                factor: string;
                fit: number;
                label?: string;
                points: number;
                reason: string;
                weight: number;
            }[];
            /** Format: date-time */
            computedAt: string;
            /** Format: date-time */
            createdAt: string;
            eligibleIncentives: {
                grantedWithoutApplication?: boolean;
                id: number;
                kind?: string;
                kindLabel?: string;
                title?: string;
            }[];
            enterpriseId: number;
            id: number;
            needsInfoIncentives: {
                grantedWithoutApplication?: boolean;
                id: number;
                kind?: string;
                kindLabel?: string;
                title?: string;
            }[];
            project: {
                code: string;
                id: number;
                industries: components["schemas"]["CodeRef"][];
                region: components["schemas"]["CodeRef"];
                /** @enum {string} */
                stage: "planning" | "open" | "signed" | "started" | "producing" | "closed";
                stageLabel: string;
                title: string;
                totalInvestmentYuan: number;
            };
            projectId: number;
            reasons: string[];
            score: number;
            /** @enum {string} */
            status: "new" | "notified" | "viewed" | "interested" | "dismissed" | "converted";
            /** Format: date-time */
            statusChangedAt: string;
            statusLabel: string;
            withdrawn: boolean;
            /** Format: date-time */
            withdrawnAt: string | null;
        };
        MatchExplanation: {
            breakdown: {
                factor: string;
                fit: number;
                label?: string;
                points: number;
                reason: string;
                weight: number;
            }[];
            eligibleIncentives: {
                grantedWithoutApplication?: boolean;
                id: number;
                kind?: string;
                kindLabel?: string;
                title?: string;
            }[];
            enterpriseId: number;
            excluded: {
                factor: string;
                reason: string;
            } | null;
            isMatch: boolean;
            needsInfoIncentives: {
                grantedWithoutApplication?: boolean;
                id: number;
                kind?: string;
                kindLabel?: string;
                title?: string;
            }[];
            project: {
                id: number;
                region: components["schemas"]["CodeRef"];
                /** @enum {string} */
                stage: "planning" | "open" | "signed" | "started" | "producing" | "closed";
                stageLabel: string;
                status: string;
                title: string;
            };
            reasons: string[];
            score: number;
            stored: {
                id: number;
                score: number;
                status: string;
                statusLabel: string;
                withdrawn: boolean;
            } | null;
            threshold: number;
            verdict: string;
        };
        MatchingRun: {
            chunks: {
                done: number;
                failed: number;
                size: number;
                total: number;
            };
            /** Format: date-time */
            createdAt: string;
            eligibilityWritten: number;
            enterprises: number;
            error: string | null;
            eventsWritten: number;
            /** Format: date-time */
            finishedAt: string | null;
            id: number;
            jobId: string;
            matchesWithdrawn: number;
            matchesWritten: number;
            pairsScored: number;
            progress: number;
            seconds: number | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed";
            statusLabel: string;
            /** @enum {string} */
            trigger: "manual" | "scheduled";
        };
        MatchingRunList: {
            items: components["schemas"]["MatchingRun"][];
        };
        Me: {
            bureauId: number | null;
            csrfToken?: string;
            email: string;
            enterpriseId: number | null;
            name: string;
            /** @description staff: the region subtree they cover */
            regionScope: string | null;
            /** @enum {string} */
            role: "admin" | "bureau_lead" | "officer" | "enterprise";
            roleLabel: string;
            /** @enum {string} */
            sessionKind?: "browser" | "api";
            userId: number;
        };
        NewsConfirmRequest: {
            token: string;
        };
        NewsConfirmResponse: {
            /** @enum {boolean} */
            confirmed: true;
            id: number;
            /** @enum {string} */
            status: "submitted";
        };
        NewsCreateRequest: {
            /** @default  */
            author?: string;
            body: string;
            industryCodes?: string[];
            /** @default null */
            publishedOn?: string | null;
            regionCode: string;
            regionCodes?: string[];
            relatedPolicyIds?: number[];
            relatedProjectIds?: number[];
            /** @default  */
            source?: string;
            /** @default null */
            sourceUrl?: string | null;
            /**
             * @default draft
             * @enum {string}
             */
            status?: "draft" | "published";
            /** @default  */
            summary?: string;
            tags?: string[];
            title: string;
        };
        NewsRejectRequest: {
            reason: string;
        };
        NewsSubmitRequest: {
            body: string;
            industryCodes?: string[];
            regionCode: string;
            /** @default  */
            source?: string;
            /** @default null */
            sourceUrl?: string | null;
            submitterEmail?: string;
            /** @default  */
            submitterName?: string;
            /** @default  */
            summary?: string;
            title: string;
        };
        NewsSubmitResponse: {
            id: number;
            /** @enum {string} */
            status: "submitted";
        };
        NewsUpdateRequest: {
            author?: string;
            body?: string;
            industryCodes?: string[];
            publishedOn?: string | null;
            regionCode?: string;
            regionCodes?: string[];
            relatedPolicyIds?: number[];
            relatedProjectIds?: number[];
            source?: string;
            sourceUrl?: string | null;
            summary?: string;
            tags?: string[];
            title?: string;
        };
        Notification: {
            attempts: number;
            category: string;
            /** Format: date-time */
            createdAt: string;
            /** @description detail only: the content snapshot (account mail redacted) */
            data?: {
                [key: string]: unknown;
            };
            dedupeKey: string;
            id: number;
            lastError: string | null;
            messageId: string;
            /** Format: date-time */
            nextAttemptAt: string | null;
            providerMessageId: string | null;
            recipient: {
                email: string | null;
                enterpriseId: number | null;
                name: string | null;
                userId: number | null;
            };
            /** Format: date-time */
            resentAt: string | null;
            /** Format: date-time */
            sentAt: string | null;
            status: string;
            statusLabel: string;
            template: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            page: number;
            pageSize: number;
            total: number;
        };
        NotificationPreferences: {
            language: string;
            /**
             * @description where the value comes from
             * @enum {string}
             */
            languageSource: "user" | "enterprise" | "default";
            /** @description how often match mail comes */
            matchFrequency: string;
            /**
             * @description where the value comes from
             * @enum {string}
             */
            matchFrequencySource: "user" | "enterprise" | "default";
            /** @description staff: every 招商动态 of the region, not only their own leads' and their bureau's */
            regionAlerts: boolean;
            /** @description staff: follow-up reminders */
            reminders: boolean;
        };
        NotificationSettingsForm: {
            _csrf?: string;
            /** @enum {string} */
            checkboxes?: "1";
            /** @enum {string} */
            language?: "zh-CN" | "en";
            /** @enum {string} */
            match?: "on";
            /** @enum {string} */
            matchFrequency?: "instant" | "daily" | "weekly" | "off";
            /** @enum {string} */
            reminders?: "on";
        };
        NotificationsUpdatePreferencesRequest: {
            /** @enum {string|null} */
            language?: "zh-CN" | "en" | null;
            /** @enum {string|null} */
            matchFrequency?: "instant" | "daily" | "weekly" | "off" | null;
            regionAlerts?: boolean;
            reminders?: boolean;
        };
        PasswordReset: {
            /** @enum {boolean} */
            reset: true;
            user: components["schemas"]["User"];
        };
        PoliciesAddIncentiveRequest: {
            conditions?: ({
                anyOf: ("industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500")[];
                /** @enum {string} */
                type: "certification";
            } | {
                anyOf: string[];
                /** @enum {string} */
                type: "industry";
            } | {
                anyOf: string[];
                /** @enum {string} */
                type: "homeRegion";
            } | {
                /** @enum {string} */
                type: "minInvestment";
                yuan: number;
            } | {
                anyOf: ("micro" | "small" | "medium" | "large")[];
                /** @enum {string} */
                type: "enterpriseSize";
            } | {
                minMu?: number;
                /** @enum {string} */
                type: "needsLand";
            })[];
            /** @default  */
            description?: string;
            /** @default false */
            grantedWithoutApplication?: boolean;
            /** @enum {string} */
            kind: "fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent";
            /** @default null */
            maxAmountYuan?: number | null;
            title: string;
        };
        PoliciesCreateRequest: {
            /** @default  */
            documentNumber?: string;
            incentives?: components["schemas"]["PoliciesAddIncentiveRequest"][];
            issuer: string;
            regionCode: string;
            /** @default  */
            sourceText?: string;
            /** @default  */
            sourceUrl?: "" | string;
            title: string;
            validFrom: string;
            /** @default null */
            validTo?: string | null;
        };
        PoliciesUpdateRequest: {
            documentNumber?: string;
            issuer?: string;
            regionCode?: string;
            sourceText?: string;
            sourceUrl?: "" | string;
            title?: string;
            validFrom?: string;
            validTo?: string | null;
        };
        Policy: {
            /** Format: date-time */
            createdAt: string;
            documentNumber: string;
            id: number;
            incentives: components["schemas"]["Incentive"][];
            issuer: string;
            /** Format: date-time */
            publishedAt: string | null;
            region: components["schemas"]["CodeRef"];
            sourceText: string;
            sourceUrl: string;
            /** @enum {string} */
            status: "draft" | "published";
            statusLabel: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description YYYY-MM-DD */
            validFrom: string;
            /**
             * @description in force, not yet, or expired (已失效) today
             * @enum {string}
             */
            validity: "in_force" | "not_yet" | "expired";
            validityLabel: string;
            /** @description YYYY-MM-DD */
            validTo: string | null;
        };
        PolicyPage: {
            items: components["schemas"]["Policy"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PolicySummary: {
            documentNumber: string;
            id: number;
            issuer: string;
            region: components["schemas"]["CodeRef"];
            /** @enum {string} */
            status: "draft" | "published";
            statusLabel: string;
            title: string;
            /** @description YYYY-MM-DD */
            validFrom: string;
            /**
             * @description in force, not yet, or expired (已失效) today
             * @enum {string}
             */
            validity: "in_force" | "not_yet" | "expired";
            validityLabel: string;
            /** @description YYYY-MM-DD */
            validTo: string | null;
        };
        /** @description RFC 9457 problem details (application/problem+json) */
        Problem: {
            detail?: string;
            errors?: {
                code: string;
                /** @description dotted path of the offending input, e.g. `contacts[0].email` */
                field: string;
                message: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            /** @description urn:investmatch:problem:<kind> */
            type: string;
        };
        Project: {
            chainSegment: {
                chainId: number;
                chainLabel: string;
                id: number;
                name: string;
            } | null;
            code: string;
            contactInfo: string;
            /** Format: date-time */
            createdAt: string;
            description: string;
            id: number;
            incentives?: components["schemas"]["IncentiveSummary"][];
            industries: components["schemas"]["CodeRef"][];
            landAreaMu: number | null;
            /** Format: date-time */
            publishedAt: string | null;
            region: components["schemas"]["CodeRef"];
            /** @enum {string} */
            stage: "planning" | "open" | "signed" | "started" | "producing" | "closed";
            /** Format: date-time */
            stageChangedAt: string;
            stageHistory?: {
                /** Format: date-time */
                at: string;
                /** @enum {string|null} */
                from: "planning" | "open" | "signed" | "started" | "producing" | "closed" | null;
                note: string;
                /** @enum {string} */
                to: "planning" | "open" | "signed" | "started" | "producing" | "closed";
                toLabel: string;
            }[];
            stageLabel: string;
            /** @enum {string} */
            status: "draft" | "published";
            statusLabel: string;
            title: string;
            totalInvestmentYuan: number;
            /** Format: date-time */
            updatedAt: string;
        };
        ProjectMatches: {
            /** @description matches by status */
            counts: {
                [key: string]: number;
            };
            items: {
                breakdown: {
                    factor: string;
                    fit: number;
                    label?: string;
                    points: number;
                    reason: string;
                    weight: number;
                }[];
                /** Format: date-time */
                computedAt: string;
                /** Format: date-time */
                createdAt: string;
                eligibleIncentives: {
                    grantedWithoutApplication?: boolean;
                    id: number;
                    kind?: string;
                    kindLabel?: string;
                    title?: string;
                }[];
                enterprise: {
                    /** @description verified ones */
                    certifications: {
                        kind: string;
                        label: string;
                    }[];
                    homeRegion: components["schemas"]["CodeRef"];
                    id: number;
                    industries: components["schemas"]["CodeRef"][];
                    investmentMaxYuan: number | null;
                    investmentMinYuan: number | null;
                    name: string;
                    size: string | null;
                    sizeLabel: string | null;
                };
                enterpriseId: number;
                id: number;
                needsInfoIncentives: {
                    grantedWithoutApplication?: boolean;
                    id: number;
                    kind?: string;
                    kindLabel?: string;
                    title?: string;
                }[];
                projectId: number;
                reasons: string[];
                score: number;
                /** @enum {string} */
                status: "new" | "notified" | "viewed" | "interested" | "dismissed" | "converted";
                /** Format: date-time */
                statusChangedAt: string;
                statusLabel: string;
                withdrawn: boolean;
                /** Format: date-time */
                withdrawnAt: string | null;
            }[];
            page: number;
            pageSize: number;
            total: number;
        };
        ProjectPage: {
            items: components["schemas"]["Project"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ProjectsChangeStageRequest: {
            at?: string;
            /** @default  */
            note?: string;
            /** @enum {string} */
            stage: "planning" | "open" | "signed" | "started" | "producing" | "closed";
        };
        ProjectsCreateRequest: {
            /** @default null */
            chainSegmentId?: number | null;
            code: string;
            /** @default  */
            contactInfo?: string;
            /** @default  */
            description?: string;
            /** @default [] */
            incentiveIds?: number[];
            industryCodes: string[];
            /** @default null */
            landAreaMu?: number | null;
            regionCode: string;
            /**
             * @default open
             * @enum {string}
             */
            stage?: "planning" | "open";
            stageSince?: string;
            title: string;
            totalInvestmentYuan: number;
        };
        ProjectsUpdateRequest: {
            chainSegmentId?: number | null;
            contactInfo?: string;
            description?: string;
            incentiveIds?: number[];
            industryCodes?: string[];
            landAreaMu?: number | null;
            regionCode?: string;
            title?: string;
            totalInvestmentYuan?: number;
        };
        RematchStarted: {
            chunks: {
                done: number;
                failed: number;
                size: number;
                total: number;
            };
            /** Format: date-time */
            createdAt: string;
            eligibilityWritten: number;
            enterprises: number;
            error: string | null;
            eventsWritten: number;
            /** Format: date-time */
            finishedAt: string | null;
            id: number;
            jobId: string;
            links: {
                self: string;
            };
            matchesWithdrawn: number;
            matchesWritten: number;
            pairsScored: number;
            progress: number;
            seconds: number | null;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed";
            statusLabel: string;
            /** @enum {string} */
            trigger: "manual" | "scheduled";
        };
        ResetPasswordRequest: {
            password: string;
            token: string;
        };
        Signup: {
            enterprise: components["schemas"]["Enterprise"];
            user: components["schemas"]["User"];
            /** @enum {boolean} */
            verificationSent: true;
        };
        TreeNode: {
            code: string;
            /** @description regions: the full name with the province and city, e.g. 河南省开封市尉氏县 */
            fullName: string;
            hasChildren: boolean;
            level: number;
            levelLabel: string;
            name: string;
            parent: string | null;
        };
        TreeNodeDetail: {
            ancestors: components["schemas"]["TreeNode"][];
            children: components["schemas"]["TreeNode"][];
            code: string;
            /** @description regions: the full name with the province and city, e.g. 河南省开封市尉氏县 */
            fullName: string;
            hasChildren: boolean;
            level: number;
            levelLabel: string;
            name: string;
            parent: string | null;
        };
        TreeNodeList: {
            items: components["schemas"]["TreeNode"][];
        };
        User: {
            active: boolean;
            bureauId: number | null;
            email: string;
            emailVerified: boolean;
            enterpriseId: number | null;
            id: number;
            /**
             * Format: date-time
             * @description absent in the answer that creates the user
             */
            lastLoginAt?: string | null;
            name: string;
            /** @description staff: shown to enterprises on their leads */
            phone: string | null;
            /** @enum {string} */
            role: "admin" | "bureau_lead" | "officer" | "enterprise";
            roleLabel: string;
        };
        UserPage: {
            items: components["schemas"]["User"][];
            page: number;
            pageSize: number;
            total: number;
        };
    };
    responses: {
        /** @description 请求无效：输入无效：errors 逐项列出字段（field）、规则（code）与原因（message） */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 冲突：与现有数据冲突（重复、状态不允许） */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 无权访问：无权访问（角色或辖区不符） */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 未找到：对象不存在（或不在调用者可见范围内） */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 请求过于频繁：请求过于频繁，稍后再试（Retry-After） */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 未登录：未登录，或令牌/会话无效 */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AdminController_bureaus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BureauList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AdminController_createBureau: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminCreateBureauRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bureau"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AdminController_updateBureau: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminUpdateBureauRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bureau"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AdminController_list: {
        parameters: {
            query?: {
                active?: "true" | "false";
                bureauId?: number;
                page?: number;
                pageSize?: number;
                q?: string;
                role?: "admin" | "bureau_lead" | "officer" | "enterprise";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AdminController_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminCreateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AdminController_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AdminController_updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminUpdateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AdminController_reinvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationSent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_recordActual: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsRecordActualRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_recoveryStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsRecoveryStepRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_approveRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                trancheId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsApproveReleaseRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_requestRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                trancheId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsRequestReleaseRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_figures: {
        parameters: {
            query?: {
                from?: string;
                groupBy?: "none" | "region" | "month" | "quarter";
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AgreementsController_exportFigures: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                groupBy?: "none" | "region" | "month" | "quarter";
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AgreementsController_warnings: {
        parameters: {
            query?: {
                kind?: "not_started" | "not_producing" | "below_output" | "capital_behind";
                page?: number;
                pageSize?: number;
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NewsController_list: {
        parameters: {
            query?: {
                industry?: string[];
                page?: number;
                pageSize?: number;
                q?: string;
                region?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePage"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    NewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewsCreateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    NewsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewsUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    NewsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    NewsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    NewsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewsRejectRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    NewsController_moderation: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "draft" | "submitted" | "published" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NewsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewsSubmitRequest"];
            };
        };
        responses: {
            /** @description Waiting for moderation (a guest: once the e-mailed link is used) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewsSubmitResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    NewsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewsConfirmRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewsConfirmResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: string[];
                actorUserId?: number;
                from?: string;
                page?: number;
                pageSize?: number;
                region?: string;
                targetId?: string;
                targetType?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AuthController_login: {
        parameters: {
            query?: {
                mode?: "token" | "cookie";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthLoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AccountsController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountsChangePasswordRequest"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AccountsController_forgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountsResendRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountsController_resetForm: {
        parameters: {
            query: {
                /** @description the reset or invitation token of the e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 设置新密码表单 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 链接无效、已使用或已过期 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    AccountsController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ResetPasswordRequest"];
            };
        };
        responses: {
            /** @description JSON requests; a form post is redirected (303) to /login */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountsController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountsSignupRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signup"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountsController_verifyEmailPage: {
        parameters: {
            query: {
                /** @description the verification token of the e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 邮箱已验证 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 令牌无效、已使用或已过期 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountsController_verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountsVerifyEmailRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerified"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountsResendRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    BureauController_bureau: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bureau"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    BureauController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BureauUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bureau"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    BureauController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    BureauController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BureauInviteRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    BureauController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    BureauController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    BureauController_reinvite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationSent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ChainsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChainsCreateRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ChainsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChainsUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_figures: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainFigures"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_exportFigures: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_createLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChainsCreateLeadRequest"];
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainLeadCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_map: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainMap"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_targets: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                segmentId?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainTargetPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_exportTargets: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                segmentId?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ChainsController_figuresOverview: {
        parameters: {
            query?: {
                from?: string;
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainsFigures"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ChainsController_exportFiguresOverview: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ChainsController_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainTemplates"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    EnterprisesController_list: {
        parameters: {
            query?: {
                certification?: ("industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500")[];
                industry?: string[];
                order?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                region?: string;
                size?: ("micro" | "small" | "medium" | "large")[];
                targetRegion?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterprisePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    EnterprisesController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterprisesRegisterRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    EnterprisesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterprisesUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_evidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description the certification claimed */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_attachEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description the certification claimed */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description the certificate: PDF, PNG, JPEG or WebP, at most 10 MB (type read from the bytes)
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description the certification claimed */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterprisesRejectRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterprisesController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description the certification claimed */
                kind: "industry_education_integration" | "high_tech" | "specialized_sme" | "little_giant" | "tech_sme" | "agri_leading" | "listed_company" | "global_500";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterprisesVerifyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enterprise"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterpriseIncentivesController_incentives: {
        parameters: {
            query?: {
                includeExpired?: "0" | "1" | "true" | "false";
                page?: number;
                pageSize?: number;
                status?: "eligible" | "needs_info" | "not_eligible" | "expired";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseIncentives"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterpriseIncentivesController_incentive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                incentiveId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_forEnterprise: {
        parameters: {
            query?: {
                includeWithdrawn?: "0" | "1" | "true" | "false";
                minScore?: number;
                page?: number;
                pageSize?: number;
                status?: ("new" | "notified" | "viewed" | "interested" | "dismissed" | "converted")[];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseMatches"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_explain: {
        parameters: {
            query: {
                projectId: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchExplanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterpriseDuplicatesController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterpriseDuplicatesMergeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseMergeResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    EnterpriseDuplicatesController_duplicates: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateEnterprisePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    ImportsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kindOrId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ImportsController_upload: {
        parameters: {
            query?: {
                mode?: "create" | "upsert";
                validOnly?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                /** @description the kind of import: enterprises, projects or leads */
                kindOrId: "enterprises" | "projects" | "leads";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description .csv (UTF-8 or GBK) or .xlsx
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            /** @description 已受理 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ImportsController_template: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
            };
            header?: never;
            path: {
                kind: "enterprises" | "projects" | "leads";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    InboxController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                unread?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    InboxController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxRead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    InboxController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxReadAll"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    InboxController_unread: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxUnread"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    IncentivesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incentive"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    IncentivesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    IncentivesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncentivesUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incentive"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    IncentivesController_eligibleEnterprises: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "eligible" | "needs_info" | "eligible_or_needs_info";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibleEnterprises"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ReferenceController_listIndustries: {
        parameters: {
            query?: {
                parent?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreeNodeList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    ReferenceController_industry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreeNodeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    IntakeController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "processing" | "ready" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    IntakeController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: binary
                     * @description .txt (UTF-8), .docx or .pdf with a text layer
                     */
                    file: string;
                    regionCode?: string;
                    sourceUrl?: string;
                    title?: string;
                } | {
                    regionCode?: string;
                    sourceUrl?: string;
                    text: string;
                    title: string;
                };
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description .txt (UTF-8), .docx or .pdf with a text layer
                     */
                    file: string;
                    regionCode?: string;
                    sourceUrl?: string;
                    title?: string;
                } | {
                    regionCode?: string;
                    sourceUrl?: string;
                    text: string;
                    title: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    IntakeController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    IntakeController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntakeAcceptRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    IntakeController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    IntakeController_keywords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    IntakeController_addKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntakeAddKeywordRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    IntakeController_removeKeyword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AssignmentRulesController_list: {
        parameters: {
            query?: {
                bureauId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentRuleList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AssignmentRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentRulesCreateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    AssignmentRulesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                dueToday?: "0" | "1" | "true" | "false";
                enterpriseId?: number;
                followUpDue?: "0" | "1" | "true" | "false";
                industry?: string[];
                order?: string;
                overdue?: "0" | "1" | "true" | "false";
                owner?: ("me" | "none") | number;
                page?: number;
                pageSize?: number;
                projectId?: number;
                q?: string;
                region?: string;
                sort?: "recent" | "followUp" | "created";
                source?: ("interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry")[];
                stage?: ("new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    LeadsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsCreateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedLead"];
                };
            };
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedLead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    LeadsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_addActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsAddActivityRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadActivity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    AgreementsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementsCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsAssignRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsReopenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_changeStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsChangeStageRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    LeadsController_export: {
        parameters: {
            query?: {
                dueToday?: "0" | "1" | "true" | "false";
                enterpriseId?: number;
                followUpDue?: "0" | "1" | "true" | "false";
                format?: "csv" | "xlsx";
                industry?: string[];
                overdue?: "0" | "1" | "true" | "false";
                owner?: ("me" | "none") | number;
                projectId?: number;
                q?: string;
                region?: string;
                sort?: "recent" | "followUp" | "created";
                source?: ("interest" | "match" | "manual" | "import" | "chain" | "policy" | "inquiry")[];
                stage?: ("new" | "contacted" | "negotiating" | "signed" | "started" | "producing" | "lost")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    LeadsController_getFigures: {
        parameters: {
            query?: {
                from?: string;
                groupBy?: "none" | "region" | "industry" | "owner" | "month" | "quarter";
                industry?: string[];
                industryLevel?: number;
                owner?: "me" | number;
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadFigures"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    LeadsController_exportFigures: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                groupBy?: "none" | "region" | "industry" | "owner" | "month" | "quarter";
                industry?: string[];
                industryLevel?: number;
                owner?: "me" | number;
                region?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 文件 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    LeadsController_inquire: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeadsInquireRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadInquiry"];
                };
            };
            /** @description 已创建 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadInquiry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    MatchingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_dismiss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_interest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Match"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_rematch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RematchStarted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    MatchingController_listRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchingRunList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    MatchingController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchingRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                category?: ("transactional" | "match" | "reminder")[];
                email?: string;
                enterpriseId?: number;
                page?: number;
                pageSize?: number;
                status?: ("pending" | "sending" | "sent" | "failed" | "skipped" | "held")[];
                template?: string;
                userId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NotificationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    NotificationsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    NotificationsController_getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NotificationsController_updatePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationsUpdatePreferencesRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    NotificationsController_settingsForm: {
        parameters: {
            query: {
                /** @description the signed settings link of an e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 设置页 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 链接无效或已过期，或设置无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    NotificationsController_saveSettings: {
        parameters: {
            query: {
                /** @description the signed settings link of an e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["NotificationSettingsForm"];
            };
        };
        responses: {
            /** @description 设置页 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 链接无效或已过期，或设置无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    NotificationsController_unsubscribeForm: {
        parameters: {
            query: {
                /** @description the signed unsubscribe link of an e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 确认页 / 已退订 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 链接无效或已过期 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    NotificationsController_unsubscribe: {
        parameters: {
            query: {
                /** @description the signed unsubscribe link of an e-mail */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 确认页 / 已退订 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description 链接无效或已过期 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    PoliciesController_list: {
        parameters: {
            query?: {
                appliesTo?: string;
                grantedWithoutApplication?: "0" | "1" | "true" | "false";
                incentiveKind?: ("fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent")[];
                includeDrafts?: "0" | "1" | "true" | "false";
                includeExpired?: "0" | "1" | "true" | "false";
                order?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                region?: string;
                validOn?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPage"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    PoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PoliciesCreateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    PoliciesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    PoliciesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    PoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PoliciesUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    PoliciesController_addIncentive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PoliciesAddIncentiveRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Incentive"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    PoliciesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    PoliciesController_unpublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_list: {
        parameters: {
            query?: {
                incentiveKind?: ("fast_track" | "subsidy" | "loan" | "land" | "credit" | "tax" | "talent")[];
                includeDrafts?: "0" | "1" | "true" | "false";
                industry?: string[];
                maxInvestmentYuan?: number;
                minInvestmentYuan?: number;
                order?: string;
                page?: number;
                pageSize?: number;
                q?: string;
                region?: string;
                sort?: "newest" | "investment";
                stage?: ("planning" | "open" | "signed" | "started" | "producing" | "closed")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    ProjectsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectsCreateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    ProjectsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectsUpdateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    MatchingController_forProject: {
        parameters: {
            query?: {
                includeWithdrawn?: "0" | "1" | "true" | "false";
                minScore?: number;
                page?: number;
                pageSize?: number;
                status?: ("new" | "notified" | "viewed" | "interested" | "dismissed" | "converted")[];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectMatches"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_changeStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectsChangeStageRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ProjectsController_unpublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    ReferenceController_listRegions: {
        parameters: {
            query?: {
                parent?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreeNodeList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    ReferenceController_region: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreeNodeDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
}
