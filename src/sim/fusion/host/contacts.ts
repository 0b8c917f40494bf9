/** A small built-in contact list and the reverse lookup Fusion runs on a call's ANI. */

export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  phone: string;
  organization: string;
}

export const CONTACTS: readonly Contact[] = [
  { id: '300100000001', firstName: 'Ada', lastName: 'Lovelace', phone: '+15551230000', organization: 'Analytical Engines Ltd' },
  { id: '300100000002', firstName: 'Grace', lastName: 'Hopper', phone: '+15559870000', organization: 'Compiler Works' },
  { id: '300100000003', firstName: '花子', lastName: '山田', phone: '+81312345678', organization: '山田商事' },
  { id: '300100000004', firstName: 'Alan', lastName: 'Turing', phone: '+442079460000', organization: 'Bletchley Systems' },
];

export function fullName(contact: Contact): string {
  return `${contact.firstName} ${contact.lastName}`;
}

/** Digits only, so "+1 (555) 123-0000" and "15551230000" match. */
function digits(number: string): string {
  return number.replace(/\D/g, '');
}

/** Exact digit match, else a match on the last 10 digits (national vs international forms). */
export function reverseLookup(number: string, contacts: readonly Contact[] = CONTACTS): Contact | undefined {
  const wanted = digits(number);
  if (wanted.length < 4) return undefined;
  return (
    contacts.find((c) => digits(c.phone) === wanted) ??
    (wanted.length >= 10 ? contacts.find((c) => digits(c.phone).endsWith(wanted.slice(-10))) : undefined)
  );
}

/** The contact tokens Fusion adds to newCommEvent's outData. */
export function contactTokens(contact: Contact): Record<string, string> {
  return {
    SVCMCA_CONTACT_ID: contact.id,
    SVCMCA_CONTACT_NAME: fullName(contact),
    SVCMCA_CONTACT_FIRST_NAME: contact.firstName,
    SVCMCA_CONTACT_LAST_NAME: contact.lastName,
    SVCMCA_DISPLAY_NAME: fullName(contact),
    SVCMCA_CONTACT_PRIMARY_PHONE: contact.phone,
    SVCMCA_CONTACT_PRIM_ORG_NAME: contact.organization,
  };
}
