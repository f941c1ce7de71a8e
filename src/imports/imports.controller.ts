import { Controller, Get, HttpStatus, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { CurrentActor, StaffOnly } from '../access/decorators.js';
import { boolParam, pageQuery, toPage } from '../platform/http/pagination.js';
import { IdParam, ZodParam, ZodQuery } from '../platform/validation/zod-http.js';
import { IMPORT_KINDS, importKinds, importModes, type ImportKind } from './import-job.entity.js';
import { ImportsService, importView, type UploadedFile as Upload } from './imports.service.js';
import { templateFile } from './templates.js';
import { attachment, CSV_TYPE, XLSX_TYPE } from '../platform/spreadsheet/spreadsheet.js';
import { FileResponse, ZodResponse } from '../platform/http/openapi.js';
import { importPageResponse, importResponse } from './imports.responses.js';

const importKind = z.enum(importKinds);
const uploadQuery = z.strictObject({
  /** Import the good rows even if others are bad (default: a file with any bad row imports nothing). */
  validOnly: boolParam.default(false),
  /** create (default): new records only; upsert (enterprises): update existing ones by USCC with the file's columns. */
  mode: z.enum(importModes).default('create'),
});
const templateQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const listQuery = z.strictObject({ ...pageQuery });

@ApiTags('imports 批量导入')
@StaffOnly()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:kind')
  @ApiOperation({
    summary:
      'A template for a kind of import: the columns (Chinese headers) with an example row; the XLSX has a sheet explaining each column',
  })
  @FileResponse(XLSX_TYPE, CSV_TYPE)
  async template(
    @ZodParam('kind', importKind) kind: ImportKind,
    @ZodQuery(templateQuery) q: z.output<typeof templateQuery>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await templateFile(this.imports.handler(kind).spec, q.format);
    res.setHeader('content-type', q.format === 'csv' ? CSV_TYPE : XLSX_TYPE);
    res.setHeader('content-disposition', attachment(`${IMPORT_KINDS[kind]}导入模板.${q.format}`));
    return new StreamableFile(file);
  }

  // `:kindOrId` — the same path segment as GET /imports/:id (the document must not hold two paths that differ by a name only)
  @Post(':kindOrId')
  @UseInterceptors(FileInterceptor('file')) // size limit: MulterModule options (IMPORT_MAX_BYTES), see imports.module.ts
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.csv (UTF-8 or GBK) or .xlsx' } },
    },
  })
  @ApiOperation({
    summary:
      "Upload enterprises, projects or leads (CSV/XLSX), read row by row. Every row is validated like the API; a file with a bad row imports nothing unless validOnly=true. Re-importing is idempotent; with mode=upsert (enterprises) an existing USCC is updated with only the columns the file names (empty cells change nothing; audited; re-matched). 201 with the result and each row's outcome, or 202 for a large file (poll GET /imports/:id).",
  })
  @ZodResponse(importResponse, { status: [201, 202] })
  async upload(
    @ZodParam('kindOrId', importKind, 'the kind of import: enterprises, projects or leads', 'kind') kind: ImportKind,
    @ZodQuery(uploadQuery) q: z.output<typeof uploadQuery>,
    @UploadedFile() file: Upload | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { job, queued } = await this.imports.upload(actor, kind, file, q.validOnly, q.mode);
    if (queued) {
      res.status(HttpStatus.ACCEPTED);
      res.setHeader('location', `/imports/${job.id}`);
    }
    return importView(job);
  }

  @Get()
  @ApiOperation({ summary: "One's own imports, newest first (admins: all)" })
  @ZodResponse(importPageResponse)
  async list(@ZodQuery(listQuery) q: z.output<typeof listQuery>, @CurrentActor() actor: Actor) {
    const page = await this.imports.list(actor, q);
    return toPage(page.items.map(importView), page.total, page);
  }

  @Get(':kindOrId')
  @ApiOperation({ summary: 'An import: status, progress, counts and the bad rows (line, field, column, reason)' })
  @ZodResponse(importResponse)
  async get(@IdParam('kindOrId', 'id') id: number, @CurrentActor() actor: Actor) {
    return importView(await this.imports.get(actor, id));
  }
}
