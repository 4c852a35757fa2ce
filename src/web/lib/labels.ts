import i18n from '../i18n';

/**
 * The label of a code the server sends (role, contact role, audit action, entity…), or the code
 * itself when this version of the web app does not know it yet: a new role added by another
 * module should still show up, just untranslated.
 */
export function codeLabel(group: 'roles' | 'auditFields' | 'contactRoles' | 'auditActions' | 'entities' | 'quarterTypes' | 'ownerKinds' | 'unitUses' | 'residentKinds' | 'scopeLevels', code: string | null | undefined): string {
  if (!code) return '—';
  const key = `${group}.${code}`;
  // The key is built at run time, so it cannot be checked against the dictionary's type.
  return i18n.exists(key) ? String(i18n.t(key as never)) : code;
}
