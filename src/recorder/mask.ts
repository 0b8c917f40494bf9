/**
 * Masking of caller data in the flight log: numbers keep their shape (length, +, last two digits,
 * so a dialable number stays dialable on replay) and names become dots.
 */
const NUMBER_FIELDS = new Set(['ani', 'ANI', 'number', 'dnis', 'DNIS', 'OtherDN', 'toNumber', 'SVCMCA_ANI', 'SVCMCA_CONTACT_NUMBER', 'SVCMCA_CONTACT_PRIMARY_PHONE', 'dialled']);
const TEXT_FIELDS = new Set(['name', 'account', 'displayName', 'contactName', 'SVCMCA_CONTACT_NAME', 'SVCMCA_DISPLAY_NAME', 'SVCMCA_CONTACT_FIRST_NAME', 'SVCMCA_CONTACT_LAST_NAME', 'SVCMCA_CONTACT_PRIM_ORG_NAME', 'SVCMCA_EMAIL']);

export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : '0'));
}

function maskText(value: string): string {
  return value === '' ? '' : '•••';
}

/** A copy of `value` with caller numbers and contact data masked, at any depth (JSON-like data). */
export function maskCallerData(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskCallerData(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => {
      if (typeof entry === 'string' && NUMBER_FIELDS.has(key)) return [key, maskNumber(entry)];
      if (typeof entry === 'string' && TEXT_FIELDS.has(key)) return [key, maskText(entry)];
      return [key, maskCallerData(entry, depth + 1)];
    }),
  );
}

/** A raw frame's text, masked: parsed when it is JSON, else kept only as its length. */
export function maskFrame(text: string): unknown {
  try {
    return { json: maskCallerData(JSON.parse(text)) };
  } catch {
    return { unparsed: text.length };
  }
}
