// Labels of the audit log: which action, on what, which field and which value, in the user's
// language. Each web module names the codes its server module writes, in its own dictionary
// under `<module>.auditLabels` ({entities, actions, fields, values}); the app's own dictionary
// keeps only the shell's (accounts, places, sign-ins). So no list here knows every module, and a
// new module brings its labels with it. A code no dictionary knows is shown as it is.
import i18n from '../i18n';
import { codeLabel } from './labels';

interface ModuleAuditLabels {
  entities?: Record<string, string>;
  actions?: Record<string, string>;
  fields?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  /** Who an entry without an account stands for (an owner's online ballot is logged without one). */
  anonymous?: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The auditLabels of every module in the current language (falling back to Chinese). */
function moduleLabels(): ModuleAuditLabels[] {
  const bundles = [i18n.language, 'zh-CN'].map((lng) => i18n.getResourceBundle(lng, 'translation') as Record<string, unknown> | undefined);
  for (const bundle of bundles) {
    if (!bundle) continue;
    return Object.values(bundle).flatMap((v) => (isRecord(v) && isRecord(v.auditLabels) ? [v.auditLabels as ModuleAuditLabels] : []));
  }
  return [];
}

/** The labels of the module that writes entries about `entity`, if a module claims it. */
function ownerOf(entity: string): ModuleAuditLabels | undefined {
  return moduleLabels().find((l) => l.entities?.[entity]);
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function entityLabel(entity: string): string {
  return ownerOf(entity)?.entities?.[entity] ?? codeLabel('entities', entity);
}

/** A module may name its own actions (开始投票 for `open` on a vote); the common ones are the app's. */
export function actionLabel(entity: string, action: string): string {
  return ownerOf(entity)?.actions?.[action] ?? codeLabel('auditActions', action);
}

/** Field names arrive as database columns (sold_area) or JSON names (soldArea). */
export function fieldLabel(entity: string, field: string): string {
  const fields = ownerOf(entity)?.fields;
  const own = fields?.[field] ?? fields?.[snake(field)];
  if (own) return own;
  const key = `auditFields.${snake(field)}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : field;
}

/** Who did it when the entry names no account: the module's word for it, or the system. */
export function anonymousLabel(entity: string): string {
  return ownerOf(entity)?.anonymous?.[entity] ?? String(i18n.t('audit.system'));
}

/** A coded value (a status, a channel) in words; undefined when the field has no such codes. */
export function valueLabel(entity: string, field: string, value: string): string | undefined {
  return ownerOf(entity)?.values?.[field]?.[value];
}

/** Every kind of object the log names, the app's and each module's, for the filter. */
export function auditEntityOptions(): { value: string; label: string }[] {
  const core = i18n.getResourceBundle('zh-CN', 'translation') as { entities?: Record<string, string> } | undefined;
  const codes = new Set([...Object.keys(core?.entities ?? {}), ...moduleLabels().flatMap((l) => Object.keys(l.entities ?? {}))]);
  // Sign-ins are in the security log, not among the changes.
  codes.delete('session');
  return [...codes].map((value) => ({ value, label: entityLabel(value) }));
}
