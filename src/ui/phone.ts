/**
 * Phone numbers grouped for reading (+1 555-123-0000, +81 3-1234-5678). Only shapes known for
 * sure are regrouped; anything else is shown exactly as Genesys sent it. A full library
 * (libphonenumber-js, ~40 KB gzip with metadata) would not fit the 15 KB own-code budget.
 */

/** +1 or a leading 1, then area code, exchange and line (a bare 10-digit number is not assumed to be NANP). */
const NANP = /^(?:\+1|1)([2-9]\d{2})(\d{3})(\d{4})$/;

/** Japan: the area code length follows the leading digits (Tokyo 3, Osaka 6 → 1 digit; mobiles 2). */
function japan(rest: string): string | null {
  if (/^[36]\d{8}$/.test(rest)) return `${rest.slice(0, 1)}-${rest.slice(1, 5)}-${rest.slice(5)}`;
  if (/^[789]0\d{8}$/.test(rest)) return `${rest.slice(0, 2)}-${rest.slice(2, 6)}-${rest.slice(6)}`;
  if (/^\d{9}$/.test(rest)) return `${rest.slice(0, 2)}-${rest.slice(2, 5)}-${rest.slice(5)}`;
  return null;
}

/** UK: London (20) and other geographic or mobile numbers of 10 digits. */
function uk(rest: string): string | null {
  if (/^20\d{8}$/.test(rest)) return `${rest.slice(0, 2)} ${rest.slice(2, 6)} ${rest.slice(6)}`;
  if (/^\d{10}$/.test(rest)) return `${rest.slice(0, 4)} ${rest.slice(4)}`;
  return null;
}

export function formatPhone(raw: string): string {
  const compact = raw.replace(/[\s().-]/g, '');
  if (!/^\+?\d{7,15}$/.test(compact)) return raw;
  const nanp = NANP.exec(compact);
  if (nanp) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  if (compact.startsWith('+81')) {
    const grouped = japan(compact.slice(3));
    if (grouped) return `+81 ${grouped}`;
  }
  if (compact.startsWith('+44')) {
    const grouped = uk(compact.slice(3));
    if (grouped) return `+44 ${grouped}`;
  }
  return raw;
}

