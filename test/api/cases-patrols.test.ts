// Patrol records (湘建房〔2021〕231号 五（二）): a grid worker's round with its check items, whose
// findings become a case (dispatched by its category) and a hazard in the same step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let grid: Session;
let commissioner: Session;

beforeAll(async () => {
  t = await createTestApp();
  grid = await t.login('grid');
  commissioner = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

describe('patrol records', () => {
  it('a finding becomes a case or a hazard in one step', async () => {
    const items = (await grid.get('/api/patrols/items')).json().items;
    expect(items.find((i: { code: string }) => i.code === 'fire-lane')).toMatchObject({ becomes: 'hazard', citation: '湘建房〔2021〕231号 五（二）' });
    const res = await grid.post('/api/patrols', {
      quarterId: t.fx.q1,
      items: [
        { code: 'illegal-construction', ok: false },
        { code: 'ebike', ok: false },
        { code: 'dogs', ok: true },
      ],
      note: '晚间巡查',
      findings: [
        { item: 'illegal-construction', description: '5幢顶楼在搭彩钢棚', location: '5幢屋顶' },
        { item: 'ebike', description: '2单元楼道内给电动车充电', location: '3幢2单元', level: 'major' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.cases).toHaveLength(1);
    expect(body.hazards).toHaveLength(1);
    const c = (await commissioner.get(`/api/cases/${body.cases[0].id}`)).json();
    expect(c).toMatchObject({ channel: 'patrol', category: 'illegal-construction', handler: { kind: 'department', department: '城管部门' }, status: 'received' });
    const h = (await commissioner.get(`/api/hazards/${body.hazards[0]}`)).json();
    expect(h).toMatchObject({ class: 'electricity', level: 'major', status: 'found' });
    // The grid worker follows what the round raised.
    expect((await grid.get('/api/cases')).json().items.map((i: { id: string }) => i.id)).toContain(body.cases[0].id);
    const list = (await commissioner.get('/api/patrols')).json();
    expect(list.items[0]).toMatchObject({ findings: 2, note: '晚间巡查' });
    expect((await grid.post('/api/patrols', { quarterId: t.fx.q1, items: [{ code: 'nope', ok: true }], findings: [] })).json().error.code).toBe('PATROL_ITEM_UNKNOWN');
    expect((await (await t.login('owner')).post('/api/patrols', { quarterId: t.fx.q1, items: [], findings: [] })).statusCode).toBe(403);
  });
});
