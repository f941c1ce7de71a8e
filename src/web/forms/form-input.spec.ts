import {
  checked,
  decimal,
  errorMap,
  field,
  fields,
  integer,
  mergeErrors,
  normalizeNumber,
  safeNext,
  wanToYuan,
  withRequiredMessages,
  yuanToWan,
} from './form-input.js';

describe('form input helpers', () => {
  it('converts 万元 to whole yuan exactly (no floating point)', () => {
    expect(wanToYuan('1')).toEqual({ ok: true, value: 10_000 });
    expect(wanToYuan('1.5')).toEqual({ ok: true, value: 15_000 });
    expect(wanToYuan('0.0001')).toEqual({ ok: true, value: 1 });
    expect(wanToYuan('5000.5')).toEqual({ ok: true, value: 50_005_000 });
    expect(wanToYuan('0.1')).toEqual({ ok: true, value: 1_000 }); // 0.1 × 10000 in floats is 1000.0000000000001
    expect(wanToYuan('1.10')).toEqual({ ok: true, value: 11_000 });
    expect(wanToYuan('100000000')).toEqual({ ok: true, value: 1_000_000_000_000 }); // 1 万亿元
    expect(wanToYuan('')).toEqual({ ok: true, value: null });
    expect(wanToYuan(' 1,000 ')).toEqual({ ok: true, value: 10_000_000 });
    expect(wanToYuan('１２')).toEqual({ ok: true, value: 120_000 }); // full-width digits
  });

  it('refuses amounts that are not whole yuan, negative, or not numbers', () => {
    expect(wanToYuan('0.00001')).toEqual({ ok: false, message: '金额最多精确到 0.0001 万元（1 元）' });
    expect(wanToYuan('-5')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(wanToYuan('五千')).toEqual({ ok: false, message: '请输入数字金额（单位：万元）' });
    expect(wanToYuan('1e5')).toMatchObject({ ok: false });
    expect(wanToYuan('9'.repeat(30))).toEqual({ ok: false, message: '金额不能超过 1 万亿元' });
  });

  it('shows yuan as 万元 exactly, and round-trips', () => {
    expect(yuanToWan(15_000)).toBe('1.5');
    expect(yuanToWan(50_005_000)).toBe('5000.5');
    expect(yuanToWan(1)).toBe('0.0001');
    expect(yuanToWan(300_000_000)).toBe('30000');
    expect(yuanToWan(null)).toBe('');
    for (const y of [0, 1, 9_999, 10_000, 123_456_789, 1_000_000_000_000]) expect(wanToYuan(yuanToWan(y))).toEqual({ ok: true, value: y });
  });

  it('reads numbers people type', () => {
    expect(normalizeNumber('１２．５ ')).toBe('12.5');
    expect(decimal('120.5')).toEqual({ ok: true, value: 120.5 });
    expect(decimal('十亩')).toEqual({ ok: false, message: '请输入数字' });
    expect(integer('30')).toEqual({ ok: true, value: 30 });
    expect(integer('3.5')).toEqual({ ok: false, message: '请输入整数' });
    expect(integer('')).toEqual({ ok: true, value: null });
  });

  it('reads flat urlencoded bodies: first value, repeated values, checkboxes', () => {
    const body = { a: ' x ', list: ['C13', '', ' A0313 '], one: 'C', box: '1', off: '0' };
    expect(field(body, 'a')).toBe('x');
    expect(field(body, 'list')).toBe('C13');
    expect(field(body, 'missing')).toBe('');
    expect(fields(body, 'list')).toEqual(['C13', 'A0313']);
    expect(fields(body, 'one')).toEqual(['C']);
    expect(fields(undefined, 'one')).toEqual([]);
    expect(checked(body, 'box')).toBe(true);
    expect(checked(body, 'off')).toBe(false);
    expect(checked(body, 'missing')).toBe(false);
  });

  it('groups API field errors under form field names', () => {
    const errors = [
      { field: 'investmentMaxYuan', code: 'custom', message: '最高投资额不能小于最低投资额' },
      { field: 'industryCodes[1]', code: 'custom', message: '未知的行业代码' },
      { field: 'industryCodes[2]', code: 'custom', message: '未知的行业代码' },
      { field: 'q', code: 'too_big', message: '太长' },
    ];
    expect(errorMap(errors, { investmentMaxYuan: 'investmentMaxWan' })).toEqual({
      investmentMaxWan: ['最高投资额不能小于最低投资额'],
      industryCodes: ['未知的行业代码'],
      q: ['太长'],
    });
    expect(errorMap(errors, (f) => (f === 'q' ? 'keyword' : f))).toMatchObject({ keyword: ['太长'] });
    expect(mergeErrors({ a: ['x'] }, { a: ['x', 'y'], b: ['z'] })).toEqual({ a: ['x', 'y'], b: ['z'] });
    expect(withRequiredMessages({ home: ['必填'], name: ['太长'] }, { home: '请选择注册地', name: '请填写企业名称' })).toEqual({
      home: ['请选择注册地'],
      name: ['太长'],
    });
  });

  it('only redirects to local paths after login', () => {
    expect(safeNext('/portal/matches/5', '/')).toBe('/portal/matches/5');
    expect(safeNext('//evil.example.com/x', '/')).toBe('/');
    expect(safeNext('https://evil.example.com', '/')).toBe('/');
    expect(safeNext('/\\evil.example.com', '/')).toBe('/');
    expect(safeNext('/ok\r\nSet-Cookie: x=1', '/')).toBe('/');
    expect(safeNext('', '/console')).toBe('/console');
  });
});

describe('form and schema errors', () => {
  it("keeps the form's own explanation of a field over the schema's consequential one", async () => {
    const { formAndSchemaErrors } = await import('./form-input.js');
    expect(formAndSchemaErrors({ wan: ['金额不能为负数'] }, { wan: ['必填'], title: ['不能为空'] })).toEqual({
      wan: ['金额不能为负数'],
      title: ['不能为空'],
    });
  });
});
