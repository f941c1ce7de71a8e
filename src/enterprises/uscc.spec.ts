import { isValidUscc, makeUscc, normalizeUscc, usccCheckChar, usccProblem } from './uscc.js';

describe('USCC (GB 32100-2015)', () => {
  it('accepts published codes of real enterprises', () => {
    expect(isValidUscc('91110108551385082Q')).toBe(true); // 小米科技有限责任公司
    expect(usccCheckChar('91110108551385082')).toBe('Q');
    expect(usccProblem('91440300708461136T')).toBeNull(); // 华为技术有限公司
  });

  it('rejects a wrong check character', () => {
    expect(usccProblem('91110108551385082A')).toBe('check_digit');
  });

  it('rejects forbidden letters and wrong lengths', () => {
    expect(usccProblem('91110108551385082')).toBe('length');
    expect(usccProblem('9111010855138508IO')).toBe('characters');
    expect(usccProblem('91ABCDEF551385082Q')).toBe('characters');
  });

  it('makes valid codes for generated data', () => {
    for (let n = 0; n < 500; n++) expect(usccProblem(makeUscc('410223', n * 7919))).toBeNull();
    expect(makeUscc('410223', 1)).not.toBe(makeUscc('410223', 2));
  });
});

describe('USCC as printed on a licence (issue 11, item 10)', () => {
  it('drops spaces, dashes and full-width forms, and upper-cases, before it is checked', () => {
    expect(normalizeUscc('91 110000 600037341L')).toBe('91110000600037341L');
    expect(normalizeUscc('91-110000-600037341l')).toBe('91110000600037341L');
    expect(normalizeUscc('９１\u3000110000–600037341Ｌ')).toBe('91110000600037341L');
    expect(usccProblem(normalizeUscc('91 110000 600037341L'))).toBeNull();
  });
});
