import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { Response } from 'express';
import { isAdmin, isStaff, ROLES, type Actor } from '../access/actor.js';
import type { AuthedRequest } from '../access/auth.guard.js';
import { SessionsService } from '../access/sessions.service.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { ErrorMap } from './forms/form-input.js';
import { helpers } from './view/format.js';

export const VIEWS_DIR = fileURLToPath(new URL('./views/', import.meta.url));
export const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

/** One-word notices after a POST/redirect (`?done=saved`); never user text, so nothing to inject. */
export const NOTICES: Record<string, string> = {
  saved: '已保存',
  created: '已创建',
  merged: '已合并重复的企业记录',
  published: '已发布',
  unpublished: '已撤回发布',
  stage: '阶段已更新',
  interested: '已告知招商部门您感兴趣，专员会尽快与您联系',
  dismissed: '已标记为不感兴趣，该项目不会再推荐给您（除非匹配度明显提高）',
  verified: '认定已核验',
  evidenceAttached: '证书已上传，等待招商部门核验',
  rejected: '认定已驳回',
  assigned: '线索已分配',
  inquired: '已把您的咨询转给当地招商部门',
  leadCreated: '线索已创建（来源已记录），请安排跟进',
  leadExists: '该企业在此项目（地区）已有进行中的线索，已为您打开',
  activity: '跟进记录已添加',
  actual: '实绩已登记',
  releaseRequested: '已申请拨付，待另一名工作人员复核',
  released: '已批准拨付',
  recovery: '追回案件已更新',
  loggedOut: '您已退出登录',
  signedUp: '注册成功，请查收验证邮件',
  verifiedEmail: '邮箱已验证，请登录',
  passwordReset: '密码已重置，请用新密码登录',
  resent: '已重新发送',
  imported: '导入已完成',
  deleted: '已删除',
  approved: '投稿已通过审核并发布，已邮件通知投稿人',
  articleRejected: '投稿已退回，已邮件通知投稿人',
  draftAccepted: '已采用：已创建为未发布的草稿',
  draftRejected: '已忽略该条识别结果',
  allRead: '已全部标记为已读',
};

export interface RenderOptions {
  status?: number;
  title: string;
  /** Field errors to show next to inputs (and summarised at the top of the form, in the map's order). */
  errors?: ErrorMap;
  /** Field labels the summary puts before each message ("邮箱：必填"). */
  errorLabels?: Record<string, string>;
  /** The page's meta description (default: the site's). */
  description?: string;
  /** The canonical path (default: the request path without its query). */
  canonical?: string;
}

export const SITE_DESCRIPTION = '招商撮合平台：汇集各地招商局发布的招商项目、惠企政策和招商资讯，为企业自动匹配项目与可享受的扶持措施。';

const oneLine = (s: string, max = 160) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/**
 * Renders server-side pages: eta templates (auto-escaped) under src/web/views, inside a layout
 * with the navigation of the caller's role, the CSRF token of the browser session, and versioned
 * asset URLs. Every page is an ordinary route: the global AuthGuard has run before.
 */
@Injectable()
export class Pages {
  private readonly eta = new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true, autoTrim: [false, 'nl'] });
  private readonly assetVersions = new Map<string, string>();

  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    for (const file of readdirSync(ASSETS_DIR)) {
      this.assetVersions.set(
        file,
        createHash('sha256')
          .update(readFileSync(ASSETS_DIR + file))
          .digest('hex')
          .slice(0, 10),
      );
    }
  }

  /** /assets/app.css?v=<content hash>: cached for a year, a new deploy changes the URL. */
  asset(file: string): string {
    const v = this.assetVersions.get(file);
    return v ? `/assets/${file}?v=${v}` : `/assets/${file}`;
  }

  assetVersion(file: string): string | undefined {
    return this.assetVersions.get(file);
  }

  csrfToken(req: AuthedRequest): string {
    return req.sessionKind === 'browser' && req.sessionToken ? this.sessions.csrfToken(req.sessionToken) : '';
  }

  nav(actor: Actor | null | undefined, path: string): NavItem[] {
    const items: Array<[string, string]> = [];
    if (actor?.role === 'enterprise') {
      items.push(
        ['/portal/matches', '我的匹配'],
        ['/portal/incentives', '我的政策'],
        ['/portal/leads', '我的线索'],
        ['/portal/agreements', '我的协议'],
        ['/portal/profile', '企业资料'],
        ['/portal/notifications', '通知设置'],
      );
      items.push(['/library/projects', '项目库'], ['/library/policies', '政策库'], ['/news', '招商资讯']);
    } else if (isStaff(actor)) {
      items.push(
        ['/console', '工作台'],
        ['/console/leads', '线索'],
        ['/console/agreements', '项目预警'],
        ['/console/projects', '项目'],
        ['/console/policies', '政策'],
        ['/console/enterprises', '企业'],
      );
      items.push(
        ['/console/chains', '产业链'],
        ['/console/news', '资讯'],
        ['/console/intake', '文档识别'],
        ['/console/import', '导入'],
        ['/console/notifications', '通知'],
      );
      if (actor.role === 'bureau_lead') items.push(['/console/bureau', '本局']);
      if (isAdmin(actor))
        items.push(
          ['/console/admin/users', '用户'],
          ['/console/admin/bureaus', '招商局'],
          ['/console/admin/legal', '协议'],
          ['/console/queues', '队列'],
        );
    } else {
      items.push(
        ['/', '首页'],
        ['/library/projects', '项目库'],
        ['/library/policies', '政策库'],
        ['/news', '招商资讯'],
        ['/join', '企业入驻'],
      );
    }
    // the longest matching prefix is the current section
    const best = items
      .filter(([href]) => path === href || (href !== '/' && path.startsWith(`${href}/`)))
      .sort((a, b) => b[0].length - a[0].length)[0];
    return items.map(([href, label]) => ({ href, label, current: best?.[0] === href }));
  }

  html(req: AuthedRequest, view: string, data: Record<string, unknown>, opts: RenderOptions): string {
    const actor = req.actor ?? null;
    const path = req.path;
    const notice = typeof req.query?.done === 'string' ? NOTICES[req.query.done] : undefined;
    return this.eta.render(view, {
      ...data,
      h: helpers,
      page: {
        title: opts.title,
        path,
        nav: this.nav(actor, path),
        area: path.startsWith('/console') ? 'console' : path.startsWith('/portal') ? 'portal' : 'public',
        actor,
        roleLabel: actor ? ROLES[actor.role] : '',
        csrf: this.csrfToken(req),
        css: this.asset('app.css'),
        icon: this.asset('favicon.svg'),
        js: this.asset('app.js'),
        notice,
        /** The header's 消息 badge (set by InboxBadgeInterceptor on pages of a signed-in user). */
        unread: (req as AuthedRequest & { inboxUnread?: number }).inboxUnread ?? null,
        errors: opts.errors ?? {},
        errorLabels: opts.errorLabels ?? {},
        errorCount: Object.values(opts.errors ?? {}).reduce((n, xs) => n + xs.length, 0),
        baseUrl: this.config.PUBLIC_BASE_URL,
        /** Hour (Asia/Shanghai) of the daily/weekly match digests, for the pages that explain when mail comes. */
        digestHour: this.config.DIGEST_HOUR,
        description: oneLine(opts.description || SITE_DESCRIPTION),
        canonical: `${this.config.PUBLIC_BASE_URL}${opts.canonical ?? path}`,
      },
    });
  }

  /** Sends a page. Pages with a signed-in user are never cached by browsers or proxies. */
  send(req: AuthedRequest, res: Response, view: string, data: Record<string, unknown>, opts: RenderOptions): void {
    const body = this.html(req, view, data, opts);
    res.status(opts.status ?? (opts.errors && Object.keys(opts.errors).length ? 400 : 200));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', req.actor ? 'no-store' : 'no-cache');
    res.setHeader('Vary', 'Cookie');
    res.send(body);
  }

  /** POST → redirect → GET, with an optional notice key (see NOTICES). */
  redirect(res: Response, to: string, done?: keyof typeof NOTICES): void {
    const target = done ? `${to}${to.includes('?') ? '&' : '?'}done=${done}` : to;
    res.redirect(303, target);
  }
}
