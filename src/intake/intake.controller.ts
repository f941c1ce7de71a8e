import { Body, Controller, Delete, Get, HttpCode, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../access/decorators.js';
import { toPage } from '../platform/http/pagination.js';
import { parseOrThrow } from '../platform/validation/zod-validation.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import {
  acceptDraftSchema,
  addKeywordSchema,
  listDocumentsQuery,
  submitTextSchema,
  uploadFieldsSchema,
  type AcceptDraftInput,
  type AddKeywordInput,
  type ListDocumentsQuery,
} from './intake.schemas.js';
import { IntakeService, type UploadedFile as Upload } from './intake.service.js';
import { documentView, draftView } from './intake.view.js';

@ApiTags('intake 文档识别')
@StaffOnly()
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('documents')
  @UseInterceptors(FileInterceptor('file')) // size limit: MulterModule options in intake.module.ts
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: '.txt (UTF-8), .docx or .pdf with a text layer' },
            title: { type: 'string' },
            regionCode: { type: 'string' },
            sourceUrl: { type: 'string' },
          },
        },
        {
          type: 'object',
          required: ['title', 'text'],
          properties: {
            title: { type: 'string' },
            text: { type: 'string' },
            regionCode: { type: 'string' },
            sourceUrl: { type: 'string' },
          },
        },
      ],
    },
  })
  @ApiOperation({
    summary:
      'Upload a 政府工作报告, 招商 article or 政策文件 (file or JSON); 201 {id}; drafts are read by a job (poll GET /intake/documents/:id)',
  })
  async upload(@UploadedFile() file: Upload | undefined, @Body() body: unknown, @Req() req: Request, @CurrentActor() actor: Actor) {
    if (req.is('multipart/form-data')) return this.intake.upload(actor, file, parseOrThrow(uploadFieldsSchema, body ?? {}));
    return this.intake.submit(actor, parseOrThrow(submitTextSchema, body));
  }

  @Get('documents')
  @ApiOperation({ summary: "Documents of one's region, newest first, with their draft counts" })
  async list(@ZodQuery(listDocumentsQuery) q: ListDocumentsQuery, @CurrentActor() actor: Actor) {
    const page = await this.intake.list(actor, q);
    return toPage(page.items, page.total, page);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: 'A document: status (processing|ready|failed), progress, region and drafts with evidence offsets' })
  async get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    const { document, drafts } = await this.intake.read(actor, id);
    return documentView(document, drafts);
  }

  @Post('drafts/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '采用: validate the reviewed fields like the project/policy API and create an unpublished project or policy' })
  async accept(@IdParam() id: number, @ZodBody(acceptDraftSchema) body: AcceptDraftInput, @CurrentActor() actor: Actor) {
    const { draft, created } = await this.intake.accept(actor, id, body);
    return { draft: draftView(draft), created };
  }

  @Post('drafts/:id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: '忽略: reject a draft' })
  async reject(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return draftView(await this.intake.reject(actor, id));
  }

  @Get('industry-keywords')
  @ApiOperation({ summary: 'Industry keywords admins added to the shipped table (recognition/industry-keywords.csv)' })
  async keywords() {
    return (await this.intake.keywords()).map((k) => ({ id: k.id, keyword: k.keyword, codes: k.codes }));
  }

  @Post('industry-keywords')
  @Roles('admin')
  @ApiOperation({ summary: 'Admins: add an industry keyword (used by the next extractions)' })
  async addKeyword(@ZodBody(addKeywordSchema) body: AddKeywordInput, @CurrentActor() actor: Actor) {
    const k = await this.intake.addKeyword(actor, body);
    return { id: k.id, keyword: k.keyword, codes: k.codes };
  }

  @Delete('industry-keywords/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admins: remove an industry keyword' })
  async removeKeyword(@IdParam() id: number, @CurrentActor() actor: Actor) {
    await this.intake.removeKeyword(actor, id);
  }
}
