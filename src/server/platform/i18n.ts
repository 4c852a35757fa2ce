// The server answers in the request's language: zh-CN by default, English on request.
export type Locale = 'zh-CN' | 'en';
export type Localized = { 'zh-CN': string; en: string };

export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  // Take the first language the client ranks highest that we have; Chinese wins ties.
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}

export function pick(text: Localized, locale: Locale, params?: Record<string, unknown>): string {
  return format(text[locale] ?? text['zh-CN'], params);
}
