/**
 * Likely duplicate enterprises (issue 17 item 8): the same name once the legal form and its
 * spellings are set aside, or a shared contact phone or e-mail. Pure; the SQL twins are the
 * functions `enterprise_name_key(text)` and `enterprise_contact_keys(jsonb)` of migration
 * 1797600000001 (an integration test holds them equal), so the lists are index-driven.
 */

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII; ideographic and no-break spaces → space. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0]/g, ' ');
}

/**
 * 「河南 立邦（集团）股份有限公司」 and 「河南立邦有限责任公司」 → 「河南立邦」: half-width, lower case,
 * no spaces, without 「(集团)」, 「股份有限公司」/「有限责任公司」/「有限公司」 and a remaining 「股份」.
 */
export function enterpriseNameKey(name: string): string {
  return halfWidth(name)
    .toLowerCase()
    .replace(/[ \t\r\n]+/g, '')
    .replaceAll('(集团)', '')
    .replace(/(股份)?有限(责任)?公司/g, '')
    .replaceAll('股份', '');
}

/** `p:<digits>` for each phone of 7+ digits (a leading 86 of a 13-digit number dropped), `e:<address>` for each e-mail; sorted, unique. */
export function enterpriseContactKeys(contacts: ReadonlyArray<{ phone?: string | null; email?: string | null }>): string[] {
  const keys = new Set<string>();
  for (const c of contacts) {
    if (typeof c?.phone === 'string') {
      const d = halfWidth(c.phone).replace(/[^0-9]/g, '');
      if (d.length >= 7) keys.add(`p:${d.length === 13 && d.startsWith('86') ? d.slice(2) : d}`);
    }
    if (typeof c?.email === 'string' && c.email.indexOf('@') > 0) keys.add(`e:${c.email.trim().toLowerCase()}`);
  }
  return [...keys].sort();
}
