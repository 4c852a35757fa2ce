// Demo deliberation of the demo quarter (DB3305/T 309—2024 5.1.3.2.1; T/ZAS 4006.1—2020 6.1.1.3):
// topics from several channels and proposals at every stage — one filed, resolved by the
// published demo vote; one reviewed and waiting for the open demo vote; one rejected by the
// supervisory committee — joint meetings (two held with minutes and resolutions, one scheduled),
// the actions the resolutions became (one closed and rated, one in progress, one overdue).
// Written once, in one transaction, after the demo votes (seed/voting.ts), by direct inserts
// with dates around the votes' own.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import '../modules/deliberation/tables';

type DB = Kysely<Database>;
const DAY = 86_400_000;

const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedDeliberation(db: DB, quarterId: string, votes: { published: string; open: string }, today = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const q = await tx.selectFrom('quarters').select(['district_id', 'street_id', 'community_id', 'name']).where('id', '=', quarterId).executeTakeFirstOrThrow();
    const place = { district_id: q.district_id, street_id: q.street_id, community_id: q.community_id, quarter_id: quarterId };
    const small = { district_id: q.district_id, quarter_id: quarterId };
    const users = new Map(
      (await tx.selectFrom('users').select(['id', 'username', 'display_name', 'owner_id']).where('username', 'in', ['committee', 'party', 'commissioner', 'community', 'company', 'owner', 'leader', 'grid']).execute()).map((u) => [u.username, u]),
    );
    const who = (username: string, role: string) => ({ actor_id: users.get(username)?.id ?? null, actor_name: users.get(username)?.display_name ?? username, actor_role: role });
    const ins = async <T extends keyof Database & string>(table: T, values: Record<string, unknown>) =>
      (await tx.insertInto(table).values(values as never).returning(sql<string>`id`.as('id')).executeTakeFirstOrThrow()) as { id: string };
    const published = await tx.selectFrom('votes').select(['title', 'opens_at', 'published_at']).where('id', '=', votes.published).executeTakeFirstOrThrow();
    const opensAt = new Date(published.opens_at);
    const publishedAt = new Date(published.published_at ?? opensAt);

    const proposal = async (p: { title: string; body: string; channel: string; by: [string, string, string?]; stage: string; at: Date; proposedBy?: string; voteId?: string; rejected?: [string, string]; buildingId?: string; escalatedFrom?: string }) =>
      (
        await ins('proposals', {
          ...place,
          title: p.title,
          body: p.body,
          channel: p.channel,
          raised_by: users.get(p.by[0])?.id ?? null,
          raised_by_name: p.by[2] ?? users.get(p.by[0])?.display_name ?? p.by[0],
          raised_by_role: p.by[1],
          stage: p.stage,
          proposed_by: p.proposedBy ?? null,
          vote_id: p.voteId ?? null,
          rejected_at_step: p.rejected?.[0] ?? null,
          rejected_reason: p.rejected?.[1] ?? null,
          building_id: p.buildingId ?? null,
          escalated_from: p.escalatedFrom ?? null,
          created_at: p.at,
          updated_at: p.at,
        })
      ).id;
    const step = (proposalId: string, s: string, by: ReturnType<typeof who>, at: Date, record: { opinion?: string; meeting_id?: string; vote_id?: string; notice?: string } = {}) =>
      ins('proposal_steps', { ...small, proposal_id: proposalId, step: s, ...by, taken_at: at, ...record });

    const meeting = async (m: { kind: string; title: string; at: Date; status: string; minutes?: string; agenda: [string, string | null][]; attendees: [string, string, string, boolean | null][] }) => {
      const { id } = await ins('joint_meetings', {
        ...place,
        kind: m.kind,
        title: m.title,
        starts_at: m.at,
        location: '小区党群服务站议事厅',
        status: m.status,
        minutes: m.minutes ?? null,
        held_at: m.status === 'held' ? new Date(m.at.getTime() + 2 * 3600_000) : null,
        created_by: users.get('party')?.id ?? null,
        created_at: new Date(m.at.getTime() - 7 * DAY),
      });
      for (const [party, name, title, present] of m.attendees) await ins('joint_meeting_attendees', { ...small, meeting_id: id, party, name, title, present });
      for (const [i, [title, proposalId]] of m.agenda.entries()) await ins('joint_meeting_agenda', { ...small, meeting_id: id, position: i + 1, title, proposal_id: proposalId });
      return id;
    };
    const threeParties = (present: boolean | null): [string, string, string, boolean | null][] => [
      ['community', '吴红梅', '小区党支部书记', present],
      ['community', '周敏', '小区专员', present],
      ['committee', '赵国强', '业委会主任', present],
      ['company', '孙立', '物业项目经理', present],
      ['other', '钱桂英', '楼道长代表', present === null ? null : false],
    ];
    let position = 0;
    const resolution = async (meetingId: string, text: string, proposalId: string | null, action: { title: string; responsible: string; due: string; status: string; at: Date; updates: [string, string, string | null, Date][] }) => {
      const r = await ins('joint_meeting_resolutions', { ...small, meeting_id: meetingId, position: ++position, text, proposal_id: proposalId, created_at: action.at });
      const closed = action.updates.find((u) => u[0] === 'close');
      const a = await ins('deliberation_actions', {
        ...place,
        resolution_id: r.id,
        meeting_id: meetingId,
        title: action.title,
        responsible: action.responsible,
        due_date: action.due,
        status: action.status,
        closed_at: closed ? closed[3] : null,
        created_at: action.at,
      });
      for (const [kind, note, evidence, at] of action.updates) {
        await ins('deliberation_action_updates', { ...small, action_id: a.id, kind, note, evidence, actor_id: users.get('company')?.id ?? null, actor_name: users.get('company')?.display_name ?? '物业', created_at: at });
      }
      return a.id;
    };

    // 1. Filed: resolved by the published demo vote (its first item), published and filed.
    // Meetings begin at 19:00 in China (11:00 UTC).
    const evening = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY + 11 * 3600_000);
    const m0At = evening(new Date(opensAt.getTime() - 10 * DAY));
    const p1 = await proposal({
      title: '续聘现物业服务企业，服务期三年',
      body: '现物业服务合同即将到期。业委会提议续聘现物业服务企业，服务期三年，物业费标准不变。',
      channel: 'resident',
      by: ['committee', 'committee'],
      stage: 'filed',
      at: new Date(m0At.getTime() - 20 * DAY),
      proposedBy: 'committee',
      voteId: votes.published,
    });
    const m0 = await meeting({
      kind: 'regular',
      title: '物业服务合同续聘专题联席会议',
      at: m0At,
      status: 'held',
      minutes: '一、物业公司汇报近三年服务情况和满意度测评结果。\n二、三方商议，同意将续聘事项提交业主大会表决，并同时就管理规约修改、维修资金使用、快递柜设置一并表决。\n三、物业公司承诺在续聘后三个月内完成2幢、3幢电梯更换。',
      agenda: [['续聘现物业服务企业，服务期三年', p1]],
      attendees: threeParties(true),
    });
    await step(p1, 'proposed', who('committee', 'committee'), new Date(m0At.getTime() - 20 * DAY), { opinion: '业委会第12次会议决定提议' });
    await step(p1, 'discussed', who('party', 'party_secretary'), new Date(m0At.getTime() + 3 * 3600_000), { opinion: '联席会议一致同意提交业主大会表决', meeting_id: m0 });
    await step(p1, 'reviewed', { actor_id: null, actor_name: '业主监督委员会 冯立新', actor_role: 'supervisory' }, new Date(m0At.getTime() + 4 * DAY), { opinion: '程序合规，合同条款无异议，同意提交业主大会' });
    await step(p1, 'resolved', { actor_id: null, actor_name: '业主大会', actor_role: 'owners_assembly' }, publishedAt, { opinion: `业主大会表决“${published.title}”第1项通过`, vote_id: votes.published });
    await step(p1, 'published', who('committee', 'committee'), new Date(publishedAt.getTime() + DAY), { notice: '表决结果已在小区宣传栏、各单元电子屏公开，公开期七日。' });
    await step(p1, 'filed', who('community', 'community_office'), new Date(publishedAt.getTime() + 5 * DAY), { opinion: '决议结果已报社区备案，备案号 QX-2026-003' });
    await resolution(m0, '物业公司在续聘后三个月内完成2幢、3幢电梯更换', p1, {
      title: '完成2幢、3幢电梯更换',
      responsible: 'company',
      due: day(new Date(publishedAt.getTime() + 20 * DAY)),
      status: 'closed',
      at: new Date(m0At.getTime() + 3 * 3600_000),
      updates: [
        ['progress', '电梯设备已到场，2幢开始拆除旧梯。', '现场照片3张', new Date(publishedAt.getTime() + 5 * DAY)],
        ['close', '2幢、3幢新电梯均已通过特种设备检验并投入使用。', '检验合格证2份', new Date(publishedAt.getTime() + 15 * DAY)],
      ],
    });
    const closedAction = await tx.selectFrom('deliberation_actions').select('id').where('resolution_id', 'in', tx.selectFrom('joint_meeting_resolutions').select('id').where('meeting_id', '=', m0)).executeTakeFirstOrThrow();
    const raters = await tx.selectFrom('owners').select('id').where('quarter_id', '=', quarterId).where('kind', '=', 'person').orderBy('id').limit(9).execute();
    const ratings = ['satisfied', 'satisfied', 'basic', 'satisfied', 'dissatisfied', 'satisfied', 'basic', 'satisfied', 'satisfied'];
    const comments = ['新电梯运行平稳', '', '施工期间噪音有点大', '', '停梯时间比通知的长', '', '', '感谢物业', ''];
    const demoOwner = users.get('owner')?.owner_id;
    for (const [i, o] of raters.entries()) {
      // The demo owner's own rating is left for the demo.
      if (o.id === demoOwner) continue;
      await tx.insertInto('deliberation_action_ratings').values({ ...small, action_id: closedAction.id, owner_id: o.id, rating: ratings[i], comment: comments[i] }).execute();
    }

    // 2. Reviewed, waiting for the open demo vote.
    const m1At = evening(new Date(today.getTime() - 20 * DAY));
    const p2 = await proposal({ title: '加装电动自行车充电设施', body: '地下车库增设电动自行车集中充电区，减少飞线充电和楼道停放。', channel: 'online', by: ['owner', 'owner'], stage: 'reviewed', at: new Date(m1At.getTime() - 15 * DAY), proposedBy: 'cosign', voteId: votes.open });
    // 3. Discussed at the last joint meeting.
    const p3 = await proposal({ title: '小区东门增设非机动车棚', body: '东门一带非机动车乱停，建议增设车棚一处。', channel: 'visit', by: ['grid', 'grid_worker'], stage: 'discussed', at: new Date(m1At.getTime() - 10 * DAY), proposedBy: 'committee' });
    // 4. Proposed, on the agenda of the next meeting.
    const p4 = await proposal({ title: '地下车库渗水维修', body: '地下车库B区顶板多处渗水，雨天积水。', channel: 'reception', by: ['commissioner', 'commissioner', '业主 王秀兰（接待日）'], stage: 'proposed', at: new Date(today.getTime() - 6 * DAY), proposedBy: 'committee' });
    // 5. Topics still gathering co-signers.
    const p5 = await proposal({ title: '楼道堆物集中清理', body: '1幢各单元楼道堆放杂物，存在消防隐患。', channel: 'visit', by: ['leader', 'building_leader'], stage: 'topic', at: new Date(today.getTime() - 4 * DAY) });
    await proposal({ title: '傍晚广场舞音量过大', body: '希望限定时段和音量。', channel: 'owners_group', by: ['commissioner', 'commissioner', '业主群反映'], stage: 'topic', at: new Date(today.getTime() - 2 * DAY) });
    // 6. Rejected by the supervisory committee.
    const p7 = await proposal({ title: '中心绿地改建为临时停车位', body: '停车位紧张，建议将中心绿地改为停车位。', channel: 'mailbox', by: ['commissioner', 'commissioner', '信箱来信'], stage: 'rejected', at: new Date(m1At.getTime() - 12 * DAY), proposedBy: 'committee', rejected: ['reviewed', '改变共有部分用途且违反小区规划，不宜提交业主大会'] });

    const m1 = await meeting({
      kind: 'regular',
      title: `${day(m1At).slice(0, 7).replace('-', '年')}月三方联席会议`,
      at: m1At,
      status: 'held',
      minutes: '一、商议加装电动自行车充电设施，同意提交业主监督委员会审议后交业主大会表决。\n二、商议东门增设非机动车棚，同意由物业实施。\n三、通报地下车库渗水情况，物业先行排查。\n四、社区牵头组织楼道堆物集中清理。',
      agenda: [
        ['加装电动自行车充电设施', p2],
        ['小区东门增设非机动车棚', p3],
        ['中心绿地改建为临时停车位', p7],
      ],
      attendees: threeParties(true),
    });
    for (const [p, role, by, offset, opinion] of [
      [p2, 'proposed', 'owner', -14, '联署业主达到人数和面积的 20%'],
      [p3, 'proposed', 'committee', -8, '业委会提议'],
      [p7, 'proposed', 'committee', -11, '业委会提议'],
    ] as const) {
      await step(p, role, by === 'owner' ? { actor_id: null, actor_name: '业主联署', actor_role: 'owner' } : who(by, by), new Date(m1At.getTime() + offset * DAY), { opinion });
    }
    await step(p2, 'discussed', who('committee', 'committee'), new Date(m1At.getTime() + 3 * 3600_000), { opinion: '联席会议同意提交审议', meeting_id: m1 });
    await step(p3, 'discussed', who('committee', 'committee'), new Date(m1At.getTime() + 3 * 3600_000), { opinion: '同意由物业实施，费用从公共收益列支', meeting_id: m1 });
    await step(p7, 'discussed', who('committee', 'committee'), new Date(m1At.getTime() + 3 * 3600_000), { opinion: '意见分歧较大，提交监委会审议', meeting_id: m1 });
    await step(p2, 'reviewed', { actor_id: null, actor_name: '业主监督委员会 冯立新', actor_role: 'supervisory' }, new Date(m1At.getTime() + 5 * DAY), { opinion: '同意提交业主大会表决' });
    await step(p7, 'rejected', { actor_id: null, actor_name: '业主监督委员会 冯立新', actor_role: 'supervisory' }, new Date(m1At.getTime() + 5 * DAY), { opinion: '审议不通过：改变共有部分用途且违反小区规划，不宜提交业主大会' });
    await step(p4, 'proposed', who('committee', 'committee'), new Date(today.getTime() - 5 * DAY), { opinion: '业委会提议，列入下次联席会议' });
    await resolution(m1, '物业在东门增设非机动车棚一处，费用从公共收益列支', p3, {
      title: '东门非机动车棚建成',
      responsible: 'company',
      due: day(new Date(today.getTime() + 20 * DAY)),
      status: 'in_progress',
      at: new Date(m1At.getTime() + 3 * 3600_000),
      updates: [['progress', '选址已确定，施工单位进场。', '选址图1份', new Date(today.getTime() - 3 * DAY)]],
    });
    // Overdue: due five days ago and not closed.
    await resolution(m1, '物业对地下车库B区渗水点全面排查并提出维修方案', p4, {
      title: '地下车库渗水点排查及维修方案',
      responsible: 'company',
      due: day(new Date(today.getTime() - 5 * DAY)),
      status: 'open',
      at: new Date(m1At.getTime() + 3 * 3600_000),
      updates: [],
    });
    await resolution(m1, '社区牵头组织1幢楼道堆物集中清理', p5, {
      title: '1幢楼道堆物集中清理',
      responsible: 'community',
      due: day(new Date(today.getTime() + 10 * DAY)),
      status: 'open',
      at: new Date(m1At.getTime() + 3 * 3600_000),
      updates: [],
    });
    // This year's livelihood projects (ZAS 6.2.5.2): the bicycle shed, chosen at the last joint
    // meeting and under way; the garage leak and the stairwell clearing, candidates.
    await tx.updateTable('proposals').set({ livelihood_year: Number(day(today).slice(0, 4)) }).where('id', 'in', [p3, p4, p5]).execute();
    // The next meeting, ad hoc, with the water leak on its agenda.
    await meeting({ kind: 'ad_hoc', title: '地下车库渗水维修专题联席会议', at: evening(new Date(today.getTime() + 7 * DAY)), status: 'scheduled', agenda: [['地下车库渗水维修', p4]], attendees: threeParties(null) });
    // Building-level deliberation (5.1.3.2.2) in the demo building leader's building: one decided
    // by its households on the spot and posted, rated; one the building could not settle, taken
    // to the quarter.
    const leaderBuilding = await tx.selectFrom('users').select('building_id').where('username', '=', 'leader').executeTakeFirst();
    if (leaderBuilding?.building_id) {
      const b = leaderBuilding.building_id;
      const b1 = await proposal({ title: '单元门禁对讲机维修', body: '2单元门禁对讲机失灵，住户进出不便。', channel: 'visit', by: ['leader', 'building_leader'], stage: 'published', at: new Date(today.getTime() - 18 * DAY), buildingId: b });
      await step(b1, 'resolved', { actor_id: null, actor_name: '户代表会议', actor_role: 'household_representatives' }, new Date(today.getTime() - 14 * DAY), { opinion: '户代表现场表决：到会 18 户（应到 24 户），同意 15 户，由楼道维修基金列支' });
      await step(b1, 'published', who('leader', 'building_leader'), new Date(today.getTime() - 13 * DAY), { notice: '表决结果已在本幢楼道公示栏张贴。' });
      const households = await tx
        .selectFrom('unit_owners as uo')
        .innerJoin('units as u', 'u.id', 'uo.unit_id')
        .select('uo.owner_id')
        .distinct()
        .where('uo.quarter_id', '=', quarterId)
        .where('u.building_id', '=', b)
        .orderBy('uo.owner_id')
        .limit(6)
        .execute();
      const rated = households.filter((h) => h.owner_id !== demoOwner);
      if (rated.length) {
        await tx
          .insertInto('proposal_ratings')
          .values(rated.map((h, i) => ({ ...small, proposal_id: b1, owner_id: h.owner_id, rating: i % 4 === 3 ? 'basic' : 'satisfied', comment: i === 0 ? '修得很快' : '' })))
          .execute();
      }
      const b2 = await proposal({ title: '外墙渗水修缮', body: '顶楼两户外墙渗水，需搭设脚手架。', channel: 'visit', by: ['leader', 'building_leader'], stage: 'rejected', at: new Date(today.getTime() - 9 * DAY), buildingId: b, rejected: ['resolved', '楼道无法解决，已提交小区议事会：需动用专项维修资金'] });
      const quarterTopic = await proposal({
        title: '外墙渗水修缮',
        body: '【楼道议题】顶楼两户外墙渗水，需搭设脚手架。\n提交小区议事会：需动用专项维修资金（DB3305/T 309—2024 5.1.3.2.2.5）',
        channel: 'visit',
        by: ['leader', 'building_leader'],
        stage: 'topic',
        at: new Date(today.getTime() - 7 * DAY),
        escalatedFrom: b2,
      });
      await tx.updateTable('proposals').set({ escalated_to: quarterTopic }).where('id', '=', b2).execute();
      await step(b2, 'escalated', who('leader', 'building_leader'), new Date(today.getTime() - 7 * DAY), { opinion: '需动用专项维修资金，楼道无法决定' });
    }

    // A few co-signers of the building's topic.
    const cosigners = await tx.selectFrom('owners').select('id').where('quarter_id', '=', quarterId).where('kind', '=', 'person').orderBy('name').limit(6).execute();
    const others = cosigners.filter((o) => o.id !== demoOwner);
    if (others.length) await tx.insertInto('proposal_cosigns').values(others.map((o) => ({ ...small, proposal_id: p5, owner_id: o.id }))).execute();
  });
}
