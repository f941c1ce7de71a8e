import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../platform/http/public-route.js';
import { notFound } from '../platform/http/problem.js';
import { ZodQuery } from '../platform/validation/zod-http.js';
import { industries, INDUSTRY_LEVELS } from './industries.js';
import { regions, REGION_LEVELS } from './regions.js';
import type { CodeTree, TreeNode } from './tree.js';
import { ZodResponse } from '../platform/http/openapi.js';
import { treeDetailSchema, treeListSchema } from './reference.schemas.js';

const treeQuery = z.strictObject({
  /** Children of this code; without it, the top level. */
  parent: z.string().max(6).optional(),
  /** Name contains (searches the whole tree, at most 50 hits). */
  q: z.string().trim().min(1).max(30).optional(),
});

function node(tree: CodeTree, n: TreeNode, levels: Record<number, string>, fullName?: (c: string) => string) {
  return {
    code: n.code,
    name: n.name,
    fullName: fullName ? fullName(n.code) : n.name,
    level: n.level,
    levelLabel: levels[n.level],
    parent: n.parent,
    hasChildren: tree.children(n.code).length > 0,
  };
}

function listing(tree: CodeTree, q: z.output<typeof treeQuery>, levels: Record<number, string>, fullName?: (c: string) => string) {
  if (q.q) {
    const hits = [...tree.all()].filter((n) => n.name.includes(q.q!) || n.code.startsWith(q.q!.toUpperCase())).slice(0, 50);
    return { items: hits.map((n) => node(tree, n, levels, fullName)) };
  }
  if (q.parent && !tree.has(q.parent)) throw notFound(`代码 ${q.parent} `);
  const kids = q.parent ? tree.children(q.parent) : tree.roots();
  return { items: kids.map((n) => node(tree, n, levels, fullName)) };
}

function detail(tree: CodeTree, code: string, levels: Record<number, string>, fullName?: (c: string) => string) {
  const n = tree.get(code);
  if (!n) throw notFound(`代码 ${code} `);
  return {
    ...node(tree, n, levels, fullName),
    ancestors: tree
      .path(code)
      .slice(0, -1)
      .map((c) => node(tree, tree.get(c)!, levels, fullName)),
    children: tree.children(code).map((k) => node(tree, k, levels, fullName)),
  };
}

@ApiTags('reference 参考数据')
@Public()
@Controller()
export class ReferenceController {
  @Get('regions')
  @ApiOperation({ summary: 'GB/T 2260 regions: provinces, or children of `parent`, or name search `q`' })
  @ZodResponse(treeListSchema)
  listRegions(@ZodQuery(treeQuery) q: z.output<typeof treeQuery>) {
    const r = regions();
    return listing(r, q, REGION_LEVELS, (c) => r.fullName(c));
  }

  @Get('regions/:code')
  @ApiOperation({ summary: 'A region with its ancestors and children' })
  @ZodResponse(treeDetailSchema)
  region(@Param('code') code: string) {
    const r = regions();
    return detail(r, code, REGION_LEVELS, (c) => r.fullName(c));
  }

  @Get('industries')
  @ApiOperation({ summary: 'GB/T 4754-2017 industries: sections, or children of `parent`, or name search `q`' })
  @ZodResponse(treeListSchema)
  listIndustries(@ZodQuery(treeQuery) q: z.output<typeof treeQuery>) {
    return listing(industries(), q, INDUSTRY_LEVELS);
  }

  @Get('industries/:code')
  @ApiOperation({ summary: 'An industry with its ancestors and children' })
  @ZodResponse(treeDetailSchema)
  industry(@Param('code') code: string) {
    return detail(industries(), code.toUpperCase(), INDUSTRY_LEVELS);
  }
}
