// The OpenAPI document tells the truth about answers: every route declares what it answers on
// success (a schema for a body, or a 204 with none), so a client generated from it, or a
// person reading /api/docs, knows the shape without reading the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  it('every route declares its success answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    let routes = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (/^\/api\/(docs|openapi\.json)/.test(path)) continue;
      for (const [method, op] of Object.entries(operations)) {
        routes++;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const described = success.some(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(routes).toBeGreaterThan(100);
    expect(missing, 'routes without a declared success answer').toEqual([]);
  });
});
