// The demo quarter's money, made through the finance module's own service functions: a year of
// public revenue and its uses in the ledger (with one entry booked wrong and reversed), a
// fund-use project that passed 四审两公开 with the published vote's item and was paid, a
// published disclosure of the last half year, and a project still in review.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { permissionsOf, type Actor, type Role, type ScopeLevel } from '../platform/access';
import { halfYearRange, lastEndedHalfYear, type AccountCode } from '../../core/finance/index';
import { bookEntry, reverseEntry } from '../modules/finance/ledger';
import { updateSettings } from '../modules/finance/settings';
import { createProject, payProject, takeStep } from '../modules/finance/projects';
import { generateDisclosure, publishDisclosure, reviewDisclosure } from '../modules/finance/disclosures';
import { voteDecision } from '../modules/voting';
import { addInventoryItem } from '../modules/finance/inventories';
import { createAudit, updateAudit } from '../modules/finance/audits';
import { reportFeeCollection } from '../modules/finance/fee-collection';
import { recordArrears } from '../modules/finance/arrears';

type DB = Kysely<Database>;

async function contextOf(db: DB, username: string): Promise<{ actor: Actor; ip: null }> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const role = u.role as Role;
  return {
    actor: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role,
      locale: u.locale,
      scope: { level: u.scope_level as ScopeLevel, id: u.scope_id },
      path: { districtId: u.district_id, streetId: u.street_id, communityId: u.community_id, quarterId: u.quarter_id, buildingId: u.building_id },
      ownerId: u.owner_id,
      permissions: permissionsOf(role),
    },
    ip: null,
  };
}

const DAY = 86_400_000;
const dateOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const into = (from: AccountCode, to: AccountCode, fen: number) => [
  { account: to, debitFen: fen, creditFen: 0 },
  { account: from, debitFen: 0, creditFen: fen },
];

/**
 * Writes the demo ledger of `quarterId`. `publishedVoteId` is the demo's published assembly vote
 * (seed/voting.ts): its item on the maintenance funds of the lifts carries the project's
 * decision. `today` is the seed's real time.
 */
export async function seedFinance(db: DB, quarterId: string, publishedVoteId: string, today = new Date()): Promise<{ entries: number; projects: number }> {
  const community = await contextOf(db, 'community');
  const committee = await contextOf(db, 'committee');
  const commissioner = await contextOf(db, 'commissioner');
  const party = await contextOf(db, 'party');
  // The assembly has the owners' committee keep the account, under the community's supervision.
  await updateSettings(db, community, quarterId, { holder: 'owners_committee', largeThresholdFen: 5_000_000 });

  let entries = 0;
  const book = async (date: Date, memo: string, lines: ReturnType<typeof into>) => {
    entries++;
    return bookEntry(db, committee, quarterId, { date: dateOf(date), memo, lines });
  };
  // Twelve months of revenue and running costs, the first of each month going back a year.
  for (let m = 12; m >= 1; m--) {
    const d = new Date(today.getTime() - m * 30 * DAY);
    const month = Number(dateOf(d).slice(5, 7));
    await book(d, `${month}月地面停车费`, into('income.parking', 'asset.bank', 1_380_000 + ((m * 73_100) % 420_000)));
    await book(new Date(d.getTime() + 2 * DAY), `${month}月物业经营用房租金（便利店）`, into('income.premises', 'asset.bank', 300_000));
    await book(new Date(d.getTime() + 3 * DAY), `${month}月快递柜场地费`, into('income.common_areas', 'asset.bank', 80_000));
    await book(new Date(d.getTime() + 10 * DAY), `${month}月公共收益代理记账费`, into('asset.bank', 'use.operating', 50_000));
    if (m % 3 === 0) {
      await book(new Date(d.getTime() + 5 * DAY), '电梯轿厢广告季度收入', into('income.advertising', 'asset.bank', 960_000));
      await book(new Date(d.getTime() + 12 * DAY), '业委会季度工作经费', into('asset.bank', 'use.assembly_committee', 150_000));
      await book(new Date(d.getTime() + 15 * DAY), '公共收益季度增值税及附加', into('asset.bank', 'use.tax', 62_000));
    }
  }
  // A repair booked with the wrong amount, reversed and booked again.
  const repairDay = new Date(today.getTime() - 100 * DAY);
  const wrong = await book(repairDay, '3幢单元门闭门器更换', into('asset.bank', 'use.repairs', 680_000));
  await reverseEntry(db, committee, wrong.id, { date: dateOf(repairDay), memo: '冲销：金额记错（应为 ¥680.00）' });
  entries++;
  await book(repairDay, '3幢单元门闭门器更换', into('asset.bank', 'use.repairs', 68_000));

  // The project that passed 四审两公开: the public revenue tops up the maintenance fund for the
  // new lifts of buildings 2 and 3, as the assembly decided (民法典 第278条 第1款第5项, ordinary).
  const decision = await voteDecision(db, publishedVoteId);
  const item = decision?.items.find((i) => i.article278Item === 5 && i.passed) ?? decision?.items.find((i) => i.passed);
  const lifts = await createProject(db, committee, {
    quarterId,
    title: '公共收益补充专项维修资金（更换2幢、3幢电梯）',
    purpose: '2幢、3幢电梯使用已满十五年，年检多次整改；专项维修资金不足部分由公共收益补充。',
    amountFen: 20_000_000,
    category: 'use.maintenance_fund',
    quotes: [
      { supplier: '浙江某电梯工程有限公司', amountFen: 58_600_000, note: '两台，含拆除及安装' },
      { supplier: '杭州某机电设备有限公司', amountFen: 61_200_000, note: '两台，含五年维保' },
    ],
  });
  await takeStep(db, committee, lifts.id, { step: 'committee_review', outcome: 'approved', note: '业委会会议一致同意立项。' }, 'zh-CN');
  await takeStep(db, party, lifts.id, { step: 'party_review', outcome: 'approved', note: '党支部前置研究，同意提交联席会议。' }, 'zh-CN');
  await takeStep(db, commissioner, lifts.id, { step: 'joint_review', outcome: 'approved', note: '三方联席会议审议通过，提请业主大会表决。' }, 'zh-CN');
  let steps = 3;
  if (item) {
    await takeStep(db, committee, lifts.id, { step: 'assembly_decision', outcome: 'approved', voteId: publishedVoteId, voteItemId: item.id, note: '业主大会表决通过。' }, 'zh-CN');
    await takeStep(db, committee, lifts.id, { step: 'decision_publication', outcome: 'approved', note: '审定结果已在小区公告栏及码上办公示。' }, 'zh-CN');
    steps = 5;
    await payProject(db, committee, lifts.id, { date: dateOf(new Date(today.getTime() - 14 * DAY)), amountFen: 12_000_000, memo: '划入专项维修资金账户（电梯更换首期）', from: 'asset.bank' });
    await payProject(db, committee, lifts.id, { date: dateOf(new Date(today.getTime() - 7 * DAY)), amountFen: 8_000_000, memo: '划入专项维修资金账户（电梯更换二期）', from: 'asset.bank' });
    entries += 2;
    await takeStep(db, committee, lifts.id, { step: 'use_publication', outcome: 'approved', note: '两期款项已划入专项维修资金账户，凭证已公示。' }, 'zh-CN');
  }
  // The steps' dates as they happened: the reviews before the vote opened, its publication after.
  const published = decision?.publishedAt ? new Date(decision.publishedAt) : today;
  const takenAt = [60, 55, 50, 0, -1].map((d) => new Date(published.getTime() - d * DAY));
  const order = ['committee_review', 'party_review', 'joint_review', 'assembly_decision', 'decision_publication'];
  for (let i = 0; i < steps; i++) await db.updateTable('fund_project_steps').set({ taken_at: takenAt[i] }).where('project_id', '=', lifts.id).where('step', '=', order[i]).execute();
  await db.updateTable('fund_projects').set({ created_at: new Date(published.getTime() - 65 * DAY) }).where('id', '=', lifts.id).execute();

  // A project still in review: the committee passed it, the party organisation has it now.
  const cameras = await createProject(db, committee, {
    quarterId,
    title: '小区监控系统升级改造',
    purpose: '更换老化摄像头42个，新增高空抛物监控8处。',
    amountFen: 8_600_000,
    category: 'use.repairs',
    quotes: [
      { supplier: '某安防科技有限公司', amountFen: 8_600_000 },
      { supplier: '某智能系统工程有限公司', amountFen: 9_150_000 },
    ],
  });
  await takeStep(db, committee, cameras.id, { step: 'committee_review', outcome: 'approved', note: '同意立项，请党支部审核。' }, 'zh-CN');

  // The disclosure of the last half year that has ended: generated, reviewed, published.
  const period = lastEndedHalfYear(dateOf(today));
  if (halfYearRange(period).to < dateOf(today)) {
    const { id } = await generateDisclosure(db, committee, quarterId, period);
    await reviewDisclosure(db, community, id, '已与银行专户对账单核对一致。', 'zh-CN');
    await publishDisclosure(db, committee, id, 'zh-CN');
  }
  // The three inventories (清产核资), last year's spot audit, the company's fee-collection report.
  const items = [
    { kind: 'resource', name: '地面停车位', quantity: '86个', location: '小区东侧及南侧道路' },
    { kind: 'resource', name: '物业经营用房', quantity: '1间（52㎡）', location: '3幢底层，出租为便利店' },
    { kind: 'resource', name: '电梯轿厢广告位', quantity: '24个', location: '1—6幢电梯' },
    { kind: 'asset', name: '智能快递柜', quantity: '2组', location: '东门', valueFen: 3_600_000 },
    { kind: 'asset', name: '室外健身器材', quantity: '12件', location: '中心花园', valueFen: 1_850_000 },
    { kind: 'fund', name: '公共收益银行专户', description: '居民委员会代开，业主委员会管理' },
  ] as const;
  for (const item of items) await addInventoryItem(db, community, quarterId, item);
  const lastYear = Number(dateOf(today).slice(0, 4)) - 1;
  const audit = await createAudit(db, community, quarterId, {
    kind: 'yearly_spot',
    periodLabel: `${lastYear}年度`,
    auditor: '绍兴某会计师事务所',
    auditedOn: `${lastYear + 1}-03-15`,
    findings: '2笔业委会工作经费支出缺少发票；广告收益未按月入账。',
  });
  await updateAudit(db, community, audit.id, { followUp: '已补齐发票；广告收益改为按月入账。', resolvedOn: `${lastYear + 1}-04-20` });
  const company = await contextOf(db, 'company');
  await reportFeeCollection(db, company, quarterId, { period, receivableFen: 168_420_000, collectedFen: 159_830_500, householdsDue: 612, householdsPaid: 579, note: '欠费户已逐户上门催缴。' });
  // The company's arrears list of the same half year, recorded and not published: the demo
  // district is under the ZAS pack, which has no arrears disclosure (西政办〔2020〕29号 二（三）10 is
  // the XH pack's), so the finance page shows the list with the pack's refusal and its clause.
  await recordArrears(db, company, quarterId, {
    period,
    rows: [
      { building: '2幢', unit: '1-602', monthsOwed: 8, amountFen: 264_000 },
      { building: '3幢', unit: '2-1101', monthsOwed: 6, amountFen: 211_800 },
      { building: '5幢', unit: '1-301', monthsOwed: 13, amountFen: 401_700 },
    ],
  });
  return { entries, projects: 2 };
}
