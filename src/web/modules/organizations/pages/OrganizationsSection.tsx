// The dossier's organisations tab (组织建设, T/ZAS 4006.1—2020 5): the checks with their citations, the
// commissioner, the owners' committee, candidates and their vetting, party organisations,
// contracts, the supervisory committee, grids, building leaders and volunteers. Staff recommend
// and review candidates and form the committee here, and keep the other records up to date
// (record, edit, end) with the forms of RecordForms.tsx; a refused save shows every violated rule
// with its clause.
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../auth/session';
import { Loading, QueryError } from '../../../components/QueryState';
import type { Role } from '../../../api/types';
import type { DossierTabProps } from '../../module';
import { TID } from '../testids';
import {
  useOrganizations,
  type Candidate,
  type CommitteeMember,
  type Contract,
  type Organizations,
  type PartyOrganization,
  type PeopleKind,
  type SupervisoryCommittee,
  type SupervisoryMember,
} from '../api';
import {
  AddSupervisoryMembersModal,
  AppointCommissionerModal,
  AppraisalModal,
  ContractModal,
  EditContractModal,
  EditPartyOrgModal,
  EndCommissionerModal,
  EndSupervisoryModal,
  PartyOrgModal,
  PersonModal,
  RemoveMemberModal,
  RemovePersonModal,
  RemoveSupervisoryMemberModal,
  SupervisoryModal,
  TrainingModal,
} from './RecordForms';
import { ChecksTable } from './shared';
import { CommissionerPhoto } from './CommissionerPhoto';
import { CandidateTable } from './CandidateTable';
import { RecommendModal, ReviewModal, FormCommitteeModal } from './VettingModals';

/** Only the offices appoint commissioners (ZAS 5.3.1 "配备"; the server's assertOffice). */
const OFFICE_ROLES: Role[] = ['district_office', 'street_office', 'community_office'];

type Dialog =
  | { kind: 'appoint' }
  | { kind: 'end-commissioner'; commissioner: { id: string; name: string } }
  | { kind: 'contract' }
  | { kind: 'edit-contract'; contract: Contract }
  | { kind: 'party' }
  | { kind: 'edit-party'; organization: PartyOrganization }
  | { kind: 'remove'; member: CommitteeMember }
  | { kind: 'training' }
  | { kind: 'appraisal' }
  | { kind: 'supervisory' }
  | { kind: 'add-supervisory-members'; committee: SupervisoryCommittee }
  | { kind: 'end-supervisory'; committee: SupervisoryCommittee }
  | { kind: 'remove-supervisory'; member: SupervisoryMember }
  | { kind: 'person'; people: PeopleKind }
  | { kind: 'remove-person'; people: PeopleKind; person: { id: string; name: string } };

/** Which office takes which step (百委〔2023〕37号 二（二）5), as the server enforces it. */
const stepRoles: Record<string, string[]> = {
  'community-pre-review': ['community_office'],
  'street-review': ['street_office'],
  'joint-department-review': ['street_office', 'district_office'],
};

export function OrganizationsSection({ quarterId, user }: DossierTabProps) {
  const { t } = useTranslation();
  const query = useOrganizations(quarterId);
  const [recommendOpen, setRecommendOpen] = useState(false);
  const [reviewing, setReviewing] = useState<Candidate | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (query.isPending) return <Loading />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const manage = hasPermission(user, 'organizations.manage');
  const mayRecommend = manage || user.role === 'party_secretary';
  const active = data.committees.find((c) => c.status === 'active');
  const mayAppoint = manage && OFFICE_ROLES.includes(user.role);
  const closeDialog = () => setDialog(null);
  const currentCommissioners = data.commissioners.filter((c) => c.current);
  const formerCommissioners = data.commissioners.filter((c) => !c.current);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={TID.orgSection}>
      <Card size="small" title={t('organizations.checks.title')} extra={
          <Tooltip title={t('organizations.packHint')}>
            <Typography.Text type="secondary" data-testid={TID.orgPack}>
              {t('organizations.pack', { pack: data.packTitle })}
            </Typography.Text>
          </Tooltip>
        }
      >
        <ChecksTable items={data.checks} />
      </Card>

      <Card
        size="small"
        title={t('organizations.commissioner.title')}
        data-testid={TID.orgCommissioner}
        extra={
          mayAppoint ? (
            <Button data-testid={TID.orgCommissionerAppoint} onClick={() => setDialog({ kind: 'appoint' })}>
              {t('organizations.records.commissioner.appoint')}
            </Button>
          ) : null
        }
      >
        {currentCommissioners.length ? (
          currentCommissioners.map((c) => (
            <div key={c.id} data-testid={TID.orgCommissionerRow} data-current="true">
              <CommissionerPhoto commissionerId={c.id} name={c.name} photoUrl={c.photoUrl} mayUpload={mayAppoint} quarterId={quarterId} />
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('organizations.committee.name')}>{c.name}</Descriptions.Item>
                <Descriptions.Item label={t('organizations.commissioner.phone')}>{c.phone}</Descriptions.Item>
                <Descriptions.Item label={t('organizations.commissioner.trainedOn')}>{c.trainedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('organizations.commissioner.startedOn')}>{c.startedOn}</Descriptions.Item>
              </Descriptions>
              {mayAppoint && (
                <Button size="small" data-testid={TID.orgCommissionerEnd} onClick={() => setDialog({ kind: 'end-commissioner', commissioner: c })}>
                  {t('organizations.records.commissioner.end')}
                </Button>
              )}
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{t('organizations.commissioner.none')}</Typography.Text>
        )}
        {formerCommissioners.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('organizations.records.commissioner.past')}：
            {formerCommissioners.map((c) => `${c.name}（${c.startedOn} — ${c.endedOn ?? ''}${c.endReason ? `，${c.endReason}` : ''}）`).join('、')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card
        size="small"
        title={t('organizations.committee.title')}
        data-testid={TID.orgCommittee}
        extra={
          manage && !active ? (
            <Button type="primary" data-testid={TID.orgFormCommittee} onClick={() => setFormOpen(true)}>
              {t('organizations.committee.form')}
            </Button>
          ) : null
        }
      >
        {active ? (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <Tag color="blue">{active.statusLabel}</Tag>
              <span>{t('organizations.committee.term', { start: active.termStart, end: active.termEnd })}</span>
              <span>{t('organizations.committee.members', { count: active.memberCount, party: active.partyMemberCount })}</span>
              {active.partyOrganization && <span>{t('organizations.committee.partyOrg', { name: active.partyOrganization.name })}</span>}
            </Space>
            {manage && (
              <Space wrap style={{ marginBottom: 8, display: 'flex' }}>
                <Button size="small" data-testid={TID.orgTrainingAdd} onClick={() => setDialog({ kind: 'training' })}>
                  {t('organizations.records.training.add')}
                </Button>
                <Button size="small" data-testid={TID.orgAppraisalAdd} onClick={() => setDialog({ kind: 'appraisal' })}>
                  {t('organizations.records.appraisal.add')}
                </Button>
              </Space>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              // On a phone the table scrolls inside the card rather than squeezing names into a column of single characters.
              scroll={{ x: 'max-content' }}
              dataSource={active.members}
              onRow={() => ({ 'data-testid': TID.orgCommitteeMemberRow }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('organizations.committee.name'), dataIndex: 'name', render: (n: string, m) => (m.removedOn ? <Typography.Text delete>{n}</Typography.Text> : n) },
                { title: t('organizations.committee.position'), dataIndex: 'positionLabel' },
                { title: t('organizations.committee.party'), dataIndex: 'isPartyMember', render: (v: boolean) => (v ? '✓' : '') },
                { title: t('organizations.committee.commitments'), dataIndex: 'commitmentsSignedOn', render: (v: string | null) => v ?? '—' },
                { title: t('organizations.committee.training'), dataIndex: 'trainingDates', render: (v: string[]) => v.join('、') || '—' },
                {
                  // Most rows hold the button that ends a membership; the few ended ones, when and why.
                  title: t('organizations.committee.membership'),
                  dataIndex: 'removedOn',
                  render: (v: string | null, m) =>
                    v ? (
                      t('organizations.committee.removedOn', { date: v, reason: m.removalReason ?? '' })
                    ) : manage ? (
                      <Button size="small" danger data-testid={TID.orgRemove} onClick={() => setDialog({ kind: 'remove', member: m })}>
                        {t('organizations.records.member.remove')}
                      </Button>
                    ) : (
                      t('organizations.committee.serving')
                    ),
                },
              ]}
            />
            {(active.trainings.length > 0 || active.appraisals.length > 0) && (
              <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
                {active.trainings.length > 0 && (
                  <Descriptions.Item label={t('organizations.records.training.list')}>{active.trainings.map((tr) => `${tr.heldOn} ${tr.topic}`).join('、')}</Descriptions.Item>
                )}
                {active.appraisals.length > 0 && (
                  <Descriptions.Item label={t('organizations.records.appraisal.list')}>{active.appraisals.map((a) => `${a.periodLabel || a.appraisedOn}`).join('、')}</Descriptions.Item>
                )}
              </Descriptions>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('organizations.committee.none')}</Typography.Text>
        )}
      </Card>

      <Card
        size="small"
        title={t('organizations.candidates.title')}
        data-testid={TID.orgCandidates}
        extra={
          mayRecommend ? (
            <Button data-testid={TID.orgRecommend} onClick={() => setRecommendOpen(true)}>
              {t('organizations.candidates.recommend')}
            </Button>
          ) : null
        }
      >
        <CandidateTable candidates={data.candidates} canReview={(c) => !!c.nextStep && stepRoles[c.nextStep].includes(user.role)} onReview={setReviewing} />
      </Card>

      <OtherBodies data={data} manage={manage} onDialog={setDialog} />

      {recommendOpen && <RecommendModal quarterId={quarterId} onClose={() => setRecommendOpen(false)} />}
      {reviewing && <ReviewModal quarterId={quarterId} candidate={reviewing} onClose={() => setReviewing(null)} />}
      {dialog?.kind === 'appoint' && <AppointCommissionerModal quarterId={quarterId} onClose={closeDialog} />}
      {dialog?.kind === 'end-commissioner' && <EndCommissionerModal quarterId={quarterId} commissioner={dialog.commissioner} onClose={closeDialog} />}
      {dialog?.kind === 'contract' && <ContractModal quarterId={quarterId} onClose={closeDialog} />}
      {dialog?.kind === 'edit-contract' && <EditContractModal quarterId={quarterId} contract={dialog.contract} onClose={closeDialog} />}
      {dialog?.kind === 'party' && <PartyOrgModal quarterId={quarterId} data={data} onClose={closeDialog} />}
      {dialog?.kind === 'edit-party' && <EditPartyOrgModal quarterId={quarterId} organization={dialog.organization} onClose={closeDialog} />}
      {dialog?.kind === 'remove' && <RemoveMemberModal quarterId={quarterId} member={dialog.member} onClose={closeDialog} />}
      {dialog?.kind === 'training' && active && <TrainingModal quarterId={quarterId} committee={active} onClose={closeDialog} />}
      {dialog?.kind === 'appraisal' && active && <AppraisalModal quarterId={quarterId} committee={active} onClose={closeDialog} />}
      {dialog?.kind === 'supervisory' && <SupervisoryModal quarterId={quarterId} onClose={closeDialog} />}
      {dialog?.kind === 'add-supervisory-members' && <AddSupervisoryMembersModal quarterId={quarterId} committee={dialog.committee} onClose={closeDialog} />}
      {dialog?.kind === 'end-supervisory' && <EndSupervisoryModal quarterId={quarterId} committee={dialog.committee} onClose={closeDialog} />}
      {dialog?.kind === 'remove-supervisory' && <RemoveSupervisoryMemberModal quarterId={quarterId} member={dialog.member} onClose={closeDialog} />}
      {dialog?.kind === 'person' && <PersonModal quarterId={quarterId} kind={dialog.people} onClose={closeDialog} />}
      {dialog?.kind === 'remove-person' && <RemovePersonModal quarterId={quarterId} kind={dialog.people} person={dialog.person} onClose={closeDialog} />}
      {formOpen && <FormCommitteeModal quarterId={quarterId} candidates={data.candidates.filter((c) => c.status === 'approved' && !c.seated)} onClose={() => setFormOpen(false)} />}
    </Space>
  );
}

const peopleKinds: PeopleKind[] = ['grids', 'building-leaders', 'social-organizations', 'volunteers'];

function OtherBodies({ data, manage, onDialog }: { data: Organizations; manage: boolean; onDialog: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const onAdd = (kind: 'party' | 'contract') => onDialog({ kind });
  const activeSupervisory = data.supervisoryCommittees.find((s) => s.status === 'active');
  // Each kind's entries as the tab lists them, with the name a removal dialog is titled with.
  const people: Record<PeopleKind, { label: string; items: { id: string; name: string; text: string }[] }> = {
    grids: { label: t('organizations.people.grids'), items: data.grids.map((g) => ({ id: g.id, name: g.name, text: `${g.name}（${[g.leaderName, g.leaderPhone].filter(Boolean).join(' ') || '—'}）` })) },
    'building-leaders': { label: t('organizations.people.leaders'), items: data.buildingLeaders.map((l) => ({ id: l.id, name: l.name, text: `${l.buildingName} ${l.name}${l.phone ? ` ${l.phone}` : ''}` })) },
    'social-organizations': { label: t('organizations.people.social'), items: data.socialOrganizations.map((s) => ({ id: s.id, name: s.name, text: `${s.name}${s.kind ? `（${s.kind}）` : ''}` })) },
    volunteers: { label: t('organizations.people.volunteers'), items: data.volunteers.map((v) => ({ id: v.id, name: v.name, text: `${v.name}${v.team ? `（${v.team}）` : ''}` })) },
  };
  const partyOrgs = data.partyOrganizations.filter((p) => !p.dissolvedOn);
  return (
    <>
      <Card
        size="small"
        title={t('organizations.party.title')}
        data-testid={TID.orgParty}
        extra={
          manage ? (
            <Button data-testid={TID.orgPartyAdd} onClick={() => onAdd('party')}>
              {t('organizations.records.party.add')}
            </Button>
          ) : null
        }
      >
        {partyOrgs.length ? (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {partyOrgs.map((p) => (
              <div key={p.id} data-testid={TID.orgPartyRow} data-id={p.id}>
                {`${p.kindLabel}：${p.name}，${t('organizations.party.secretary')} ${p.secretaryName || '—'}，${t('organizations.party.members', { count: p.memberCount })}`}
                {manage && (
                  <Button type="link" size="small" data-testid={TID.orgPartyEdit} onClick={() => onDialog({ kind: 'edit-party', organization: p })}>
                    {t('organizations.records.edit')}
                  </Button>
                )}
              </div>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('organizations.party.none')}</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('organizations.contracts.title')}
        data-testid={TID.orgContracts}
        extra={
          manage ? (
            <Button data-testid={TID.orgContractAdd} onClick={() => onAdd('contract')}>
              {t('organizations.records.contract.add')}
            </Button>
          ) : null
        }
      >
        {data.contracts.length ? (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.contracts}
            onRow={(c) => ({ 'data-testid': TID.orgContractRow, 'data-id': c.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('organizations.contracts.title'), dataIndex: 'companyName', render: (v: string, c) => (c.current ? <Space>{v}<Tag color="green">{t('organizations.contracts.current')}</Tag></Space> : v) },
              { title: t('organizations.contracts.method'), dataIndex: 'selectionMethodLabel' },
              { title: t('organizations.contracts.term'), key: 'term', render: (_, c) => `${c.startsOn} — ${c.terminatedOn ?? c.endsOn ?? ''}` },
              { title: t('organizations.contracts.fee'), dataIndex: 'feeStandardFen', render: (v: number) => t('organizations.contracts.feeValue', { yuan: (v / 100).toFixed(2) }) },
              { title: t('organizations.contracts.standard'), dataIndex: 'serviceStandard' },
              ...(manage
                ? [
                    {
                      title: '',
                      key: 'edit',
                      render: (_: unknown, c: Contract) => (
                        <Button size="small" data-testid={TID.orgContractEdit} onClick={() => onDialog({ kind: 'edit-contract', contract: c })}>
                          {t('organizations.records.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('organizations.contracts.none')}</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('organizations.supervisory.title')}
        data-testid={TID.orgSupervisory}
        extra={
          // One supervisory committee in office at a time: a new one is recorded once the old term has ended.
          manage && !activeSupervisory ? (
            <Button data-testid={TID.orgSupervisoryAdd} onClick={() => onDialog({ kind: 'supervisory' })}>
              {t('organizations.records.supervisory.add')}
            </Button>
          ) : null
        }
      >
        {data.supervisoryCommittees.length ? (
          data.supervisoryCommittees.map((s) => (
            <div key={s.id} style={{ marginBottom: 8 }} data-testid={TID.orgSupervisoryCommittee} data-status={s.status}>
              <Space wrap size={4}>
                <Tag>{s.statusLabel}</Tag>
                {t('organizations.committee.term', { start: s.termStart, end: s.termEnd })}：
                {s.members
                  .filter((m) => !m.removedOn)
                  .map((m) => (
                    <span key={m.id} data-testid={TID.orgSupervisoryMember}>
                      {m.name}（{m.positionLabel}）
                      {manage && s.status === 'active' && (
                        <Button type="link" size="small" danger data-testid={TID.orgSupervisoryRemove} onClick={() => onDialog({ kind: 'remove-supervisory', member: m })}>
                          {t('organizations.records.supervisory.remove')}
                        </Button>
                      )}
                    </span>
                  ))}
              </Space>
              {manage && s.status === 'active' && (
                <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                  <Button size="small" data-testid={TID.orgSupervisoryAddMembers} onClick={() => onDialog({ kind: 'add-supervisory-members', committee: s })}>
                    {t('organizations.records.supervisory.addMembers')}
                  </Button>
                  <Button size="small" data-testid={TID.orgSupervisoryEnd} onClick={() => onDialog({ kind: 'end-supervisory', committee: s })}>
                    {t('organizations.records.supervisory.end')}
                  </Button>
                </Space>
              )}
              {s.members.some((m) => m.removedOn) && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {t('organizations.records.supervisory.remove')}：{s.members.filter((m) => m.removedOn).map((m) => `${m.name}（${m.removedOn}${m.removalReason ? `，${m.removalReason}` : ''}）`).join('、')}
                </Typography.Paragraph>
              )}
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{t('organizations.supervisory.none')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('organizations.people.title')} data-testid={TID.orgPeople}>
        {manage && (
          <Space wrap style={{ marginBottom: 8, display: 'flex' }}>
            {peopleKinds.map((kind) => (
              <Button key={kind} size="small" data-testid={TID.orgPeopleAdd} data-kind={kind} onClick={() => onDialog({ kind: 'person', people: kind })}>
                {t(`organizations.records.people.${kind}.add`)}
              </Button>
            ))}
          </Space>
        )}
        <Descriptions size="small" column={1}>
          {peopleKinds.map((kind) => (
            <Descriptions.Item key={kind} label={people[kind].label}>
              {people[kind].items.length ? (
                <Space wrap size={[12, 4]}>
                  {people[kind].items.map((item) => (
                    <span key={item.id} data-testid={TID.orgPeopleItem} data-kind={kind} data-id={item.id}>
                      {item.text}
                      {manage && (
                        <Button type="link" size="small" danger data-testid={TID.orgPeopleRemove} onClick={() => onDialog({ kind: 'remove-person', people: kind, person: item })}>
                          {t('organizations.records.people.remove')}
                        </Button>
                      )}
                    </span>
                  ))}
                </Space>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    </>
  );
}
