// Access as a matrix (issue "One module template…"): every route of the OpenAPI document,
// called by every role and by an anonymous caller, must answer what the hand-written table
// (access-matrix.table.ts) says. A route missing from the table, or a table entry naming no
// route, fails the test. A second pass sends every route that takes an id, for every role,
// the records of a quarter outside the caller's place: those must look unknown (404).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/server/platform/access';
import { createTestApp, type TestApp } from '../support/app';
import { voteClock } from '../support/voting';
import { buildWorld, outsideOf, requests, send, type Target, type World } from '../support/access-targets';
import { accessTable, expectedOutcome, type Caller, type Outcome } from './access-matrix.table';

let t: TestApp;
let world: World;
/**
 * Every answer as "route | caller | expected | status | error body", written to the file named
 * by MATRIX_ANSWERS: what to look at when a route's access changes and the table must follow.
 */
const answers: string[] = [];
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t, clock);
}, 120_000);
afterAll(async () => {
  if (process.env.MATRIX_ANSWERS) fs.writeFileSync(process.env.MATRIX_ANSWERS, answers.join('\n') + '\n');
  clock.reset();
  await t?.close();
});

/** The documentation's own pages and the document itself are not part of the API. */
const notApi = (route: string) => /^GET \/api\/(docs|openapi\.json)/.test(route);

/**
 * Cells where the code answers otherwise than the table. Each is a bug to fix in src/; the
 * case is run with it.fails, so it turns red as soon as the code is right (then remove it).
 */
// Cells where the code is known to disagree with the table run as it.fails (none today: the 404s
// that staff inside their scope got instead of 403 on owners, and a building leader on its
// quarter's records, were fixed in registry/access.ts).
const knownBugs: Record<string, string> = {};

const callers: Caller[] = [...roles, 'anonymous'];

function outcomeOf(status: number): Outcome | `error ${number}` {
  if (status === 401) return 'login';
  if (status === 403) return 'deny';
  if (status === 404) return 'none';
  if (status >= 500) return `error ${status}`;
  return 'allow';
}

describe('the table and the OpenAPI document name the same routes', () => {
  it('every route is in the table, and every entry is a route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !notApi(route));
    const inTable = Object.keys(accessTable);
    expect({ missingFromTable: documented.filter((r) => !inTable.includes(r)), notARoute: inTable.filter((r) => !documented.includes(r)) }).toEqual({ missingFromTable: [], notARoute: [] });
    expect(Object.keys(requests).sort()).toEqual([...inTable].sort());
  });
});

describe('inside the caller’s place, every role gets what the table says', () => {
  for (const [route, rule] of Object.entries(accessTable)) {
    describe(route, () => {
      for (const caller of callers) {
        const expected = expectedOutcome(rule, caller);
        const bug = knownBugs[`${route} | ${caller}`];
        const test = bug ? it.fails : it;
        test(`${caller}: ${expected}${bug ? ` (known bug: ${bug})` : ''}`, async () => {
          const role = caller === 'anonymous' ? null : caller;
          const target: Target = { world, role, q: world.quarters.q1, d: world.districts.A, outside: false };
          const req = await requests[route](target);
          const res = await send(world, role ? world.sessions[role] : null, req);
          answers.push(`${route} | ${caller} | ${expected} | ${res.statusCode} | ${res.statusCode >= 300 ? res.body.slice(0, 160) : ''}`);
          expect({ route, caller, outcome: outcomeOf(res.statusCode) }, `${res.statusCode} ${res.body.slice(0, 300)}`).toEqual({ route, caller, outcome: expected });
        });
      }
    });
  }
});

describe('outside the caller’s place, every route with an id answers like an unknown id', () => {
  const withId = Object.entries(accessTable).filter(([route, rule]) => route.includes('{') && !rule.public);
  for (const [route] of withId) {
    it(route, async () => {
      const answers: Record<string, number> = {};
      for (const role of roles as readonly Role[]) {
        const key = outsideOf[role];
        const target: Target = { world, role, q: world.quarters[key], d: world.districts[key === 'qb' ? 'B' : 'A'], outside: true };
        // District records (companies, offices) lie outside only in the other district.
        if (/property-companies|tripartite-offices|office-members/.test(route)) target.d = world.districts.B;
        const res = await send(world, world.sessions[role], await requests[route](target));
        answers[role] = res.statusCode;
      }
      expect(answers).toEqual(Object.fromEntries(roles.map((r) => [r, 404])));
    });
  }
});
