import type { z } from 'zod';

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  null: 'null',
  undefined: '空',
};

const FORMAT_ZH: Record<string, string> = {
  email: '不是有效的电子邮箱地址',
  url: '不是有效的网址',
  uuid: '不是有效的 UUID',
  date: '应为日期，格式 YYYY-MM-DD',
  datetime: '应为 ISO 8601 时间',
  regex: '格式不正确',
};

const unitOf = (origin: string) => (origin === 'string' ? ' 个字符' : origin === 'array' || origin === 'set' ? ' 项' : '');

/** Chinese messages for zod issues; the issue code stays machine-readable in the problem document. */
export const zhErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '必填';
      return `应为${TYPE_ZH[iss.expected] ?? iss.expected}`;
    case 'too_big': {
      const origin = String(iss.origin);
      if (origin === 'string') return `长度不能超过 ${iss.maximum} 个字符`;
      if (origin === 'array') return `最多 ${iss.maximum} 项`;
      return `不能大于 ${iss.maximum}${unitOf(origin)}`;
    }
    case 'too_small': {
      const origin = String(iss.origin);
      if (origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `长度不能少于 ${iss.minimum} 个字符`;
      if (origin === 'array') return `至少 ${iss.minimum} 项`;
      return `不能小于 ${iss.minimum}`;
    }
    case 'invalid_format':
      return FORMAT_ZH[iss.format] ?? '格式不正确';
    case 'invalid_value':
      return `必须是以下之一：${iss.values.map((v) => String(v)).join('、')}`;
    case 'unrecognized_keys':
      return '不允许的字段';
    case 'not_multiple_of':
      return `必须是 ${iss.divisor} 的倍数`;
    case 'invalid_union':
      return '取值不符合任何允许的形式';
    default:
      return undefined;
  }
};
