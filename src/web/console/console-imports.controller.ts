import { Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { readCookie, SESSION_COOKIE, type AuthedRequest } from '../../access/auth.guard.js';
import { StaffOnly } from '../../access/decorators.js';
import { IMPORT_KINDS, IMPORT_MODES, importKinds, type ImportKind, type ImportMode } from '../../imports/import-job.entity.js';
import { ImportsService, importView, type UploadedFile } from '../../imports/imports.service.js';
import { toPage } from '../../platform/http/pagination.js';
import { ProblemException } from '../../platform/http/problem.js';
import { checked, field, type FormBody } from '../forms/form-input.js';
import { Pages } from '../pages.js';
import { idOf } from '../page-params.js';
import { listState } from '../list-view.js';
import { WebExceptionFilter } from '../web-exception.filter.js';

/**
 * Console: CSV/XLSX import of enterprises, projects and leads — upload (multipart; parsed by
 * the upload middleware before the guard so the form's CSRF field is checked), the result with
 * every bad row (line, column, reason), and the progress of a large file while its job runs.
 */
@ApiExcludeController()
@Controller('console/import')
@StaffOnly()
@UseFilters(WebExceptionFilter)
export class ConsoleImportsController {
  constructor(
    private readonly pages: Pages,
    private readonly imports: ImportsService,
  ) {}

  @Get()
  async index(@Req() req: AuthedRequest, @Res() res: Response) {
    await this.render(req, res, { kind: field(req.query as FormBody, 'kind') || 'enterprises', validOnly: false, mode: 'create' }, null);
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    form: { kind: string; validOnly: boolean; mode: string },
    message: string | null,
    status?: number,
  ) {
    const state = listState(req.query as FormBody);
    const page = await this.imports.list(req.actor!, { page: state.page, pageSize: state.pageSize });
    const mine = toPage(page.items.map(importView), page.total, page);
    this.pages.send(
      req,
      res,
      'console/import',
      { kinds: Object.entries(IMPORT_KINDS), modes: Object.entries(IMPORT_MODES), form, mine, message, listState: state },
      { title: '批量导入', status, errors: message ? { file: [message] } : {} },
    );
  }

  @Post()
  async upload(@Req() req: AuthedRequest & { file?: UploadedFile }, @Res() res: Response) {
    const body = req.body as FormBody;
    const kind = field(body, 'kind');
    const mode = field(body, 'mode') || 'create';
    const form = { kind, validOnly: checked(body, 'validOnly'), mode };
    if (!(importKinds as string[]).includes(kind)) return this.render(req, res, form, '请选择导入的数据类型', 400);
    if (!(mode in IMPORT_MODES)) return this.render(req, res, form, '请选择导入方式', 400);
    try {
      const { job } = await this.imports.upload(req.actor!, kind as ImportKind, req.file, form.validOnly, mode as ImportMode);
      this.pages.redirect(res, `/console/import/${job.id}`);
    } catch (err) {
      if (err instanceof ProblemException && err.status < 500)
        return this.render(req, res, form, err.errors?.[0]?.message ?? err.message, err.status);
      throw err;
    }
  }

  @Get(':id')
  async job(@Req() req: AuthedRequest, @Res() res: Response) {
    const id = idOf(req.params.id as string, '导入');
    const job = importView(await this.imports.get(req.actor!, id));
    const fieldLabels = Object.fromEntries(
      [...this.imports.handler(job.kind).spec.columns]
        .reverse()
        .map((c) => [c.field.replace(/\[\d+\].*$/, ''), c.header.replace(/（.*$/, '')]),
    );
    this.pages.send(
      req,
      res,
      'console/import-job',
      { job, running: job.status === 'queued' || job.status === 'running', fieldLabels },
      { title: `导入 #${job.id}` },
    );
  }
}

/**
 * Parses the import form (multipart) before the guard runs, so the guard finds the form's `_csrf`
 * field; only for requests that carry a session (anonymous ones are refused by the guard anyway).
 * Too large a file is answered here with a page (413).
 */
export function importUploadMiddleware(maxBytes: number, pages: Pages) {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 20 } }).single('file');
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data') || (!readCookie(req, SESSION_COOKIE) && !req.headers.authorization)) return next();
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const tooLarge = (err as { code?: string }).code === 'LIMIT_FILE_SIZE';
      const status = tooLarge ? 413 : 400;
      const detail = tooLarge ? `文件过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）` : '上传的内容无法解析，请重新选择文件';
      pages.send(
        req as AuthedRequest,
        res,
        'errors/error',
        { status, heading: '无法上传', detail, fieldErrors: [], loginLink: null, retry: '/console/import' },
        { title: '无法上传', status },
      );
    });
  };
}
