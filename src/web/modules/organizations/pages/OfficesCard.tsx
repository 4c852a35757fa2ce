// The tripartite offices (三方办) of the district, its streets and communities, with their members
// (T/ZAS 4006.1—2020 5.2; 百委〔2023〕37号 二（一）1). They belong to a place, not to a quarter, so
// they are kept on the to-do page: an office records its own 三方办 and adds or removes members
// of the offices at its level and below, as the server allows.
import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../auth/session';
import type { SessionUser } from '../../../api/types';
import { TID } from '../testids';
import { useOffices, useRecordWrite, type OfficeLevel, type TripartiteOffice } from '../api';
import { compact, dateInput, RecordModal } from './RecordForms';

const CLAUSE = 'T/ZAS 4006.1—2020 5.2；百委〔2023〕37号 二（一）1';
const LEVELS = ['district', 'street', 'community'] as const;
type Level = (typeof LEVELS)[number];
const OFFICE_ROLE: Record<Level, SessionUser['role']> = { district: 'district_office', street: 'street_office', community: 'community_office' };

type Dialog = { kind: 'office' } | { kind: 'member'; office: TripartiteOffice } | { kind: 'remove'; member: { id: string; name: string } };

/** The caller's own level, when the caller is the office of that place (only offices keep these records). */
function ownLevel(user: SessionUser): Level | null {
  const level = user.scope.level as string;
  return (LEVELS as readonly string[]).includes(level) && OFFICE_ROLE[level as Level] === user.role ? (level as Level) : null;
}

/** Whether the caller's office may change this office: its own, or one below it (the server's scope check). */
function mayChange(user: SessionUser, level: Level, office: TripartiteOffice) {
  if (level === 'district') return true;
  if (level === 'street') return office.level !== 'district' && office.streetId === user.scope.id;
  return office.level === 'community' && office.communityId === user.scope.id;
}

export function OfficesCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const offices = useOffices(hasPermission(user, 'organizations.read'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const level = hasPermission(user, 'organizations.manage') ? ownLevel(user) : null;
  const items = offices.data?.items ?? [];
  const ownOffice = level ? items.find((o) => o.level === level && (level === 'district' || (level === 'street' ? o.streetId : o.communityId) === user.scope.id)) : undefined;
  return (
    <Card
      size="small"
      title={t('organizations.offices.title')}
      data-testid={TID.orgOffices}
      extra={
        level && offices.data && !ownOffice ? (
          <Button data-testid={TID.orgOfficeAdd} onClick={() => setDialog({ kind: 'office' })}>
            {t('organizations.offices.add')}
          </Button>
        ) : null
      }
    >
      {items.length ? (
        <ul className="gz-list">
          {items.map((o) => (
            <li className="gz-list-item" key={o.id} data-testid={TID.orgOfficeRow} data-level={o.level}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{t(`organizations.offices.levels.${o.level as OfficeLevel}`)}</Tag>
                  <strong>{o.name}</strong>
                  {o.phone && <span>{o.phone}</span>}
                  {o.address && <Typography.Text type="secondary">{o.address}</Typography.Text>}
                  {level && mayChange(user, level, o) && (
                    <Button size="small" data-testid={TID.orgOfficeMemberAdd} onClick={() => setDialog({ kind: 'member', office: o })}>
                      {t('organizations.offices.addMember')}
                    </Button>
                  )}
                </Space>
                <Space wrap size={[12, 0]}>
                  {o.members.length === 0 && <Typography.Text type="secondary">{t('organizations.offices.noMembers')}</Typography.Text>}
                  {o.members.map((m) => (
                    <span key={m.id} data-testid={TID.orgOfficeMember}>
                      {m.name}
                      {(m.position || m.department) && `（${[m.department, m.position].filter(Boolean).join(' ')}）`}
                      {level && mayChange(user, level, o) && (
                        <Button type="link" size="small" danger data-testid={TID.orgOfficeMemberRemove} onClick={() => setDialog({ kind: 'remove', member: m })}>
                          {t('organizations.records.people.remove')}
                        </Button>
                      )}
                    </span>
                  ))}
                </Space>
              </Space>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.offices.none')} />
      )}
      {dialog?.kind === 'office' && level && <OfficeModal level={level} placeId={user.scope.id} placeName={user.scope.name} onClose={close} />}
      {dialog?.kind === 'member' && <OfficeMemberModal office={dialog.office} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveOfficeMemberModal member={dialog.member} onClose={close} />}
    </Card>
  );
}

function OfficeModal({ level, placeId, placeName, onClose }: { level: Level; placeId: string; placeName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    return write.mutateAsync({ method: 'post', path: '/api/tripartite-offices', body: { level, placeId, ...compact({ name: v.name?.trim(), address: v.address?.trim(), phone: v.phone?.trim(), establishedOn: v.establishedOn }) } });
  };
  return (
    <RecordModal title={t('organizations.offices.add')} hint={t('organizations.offices.addHint')} clause={CLAUSE} submitTestId={TID.orgOfficeSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={{ name: t('organizations.offices.defaultName', { place: placeName }) }}>
        <Form.Item label={t('organizations.offices.place')}>
          <Tag>{t(`organizations.offices.levels.${level}`)}</Tag>
          {placeName}
        </Form.Item>
        <Form.Item name="name" label={t('organizations.offices.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input data-testid={TID.orgOfficeName} maxLength={80} />
        </Form.Item>
        <Form.Item name="address" label={t('organizations.offices.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="phone" label={t('organizations.records.people.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, max: 20 }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item name="establishedOn" label={t('organizations.offices.establishedOn')}>
            {dateInput(TID.orgOfficeEstablishedOn)}
          </Form.Item>
        </Space>
      </Form>
    </RecordModal>
  );
}

function OfficeMemberModal({ office, onClose }: { office: TripartiteOffice; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useRecordWrite();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    return write.mutateAsync({
      method: 'post',
      path: `/api/tripartite-offices/${office.id}/members`,
      body: { name: v.name!.trim(), ...compact({ department: v.department?.trim(), position: v.position?.trim(), phone: v.phone?.trim() }) },
    });
  };
  return (
    <RecordModal title={t('organizations.offices.memberTitle', { office: office.name })} hint={t('organizations.offices.memberHint')} clause={CLAUSE} submitTestId={TID.orgOfficeMemberSubmit} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('organizations.records.people.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input data-testid={TID.orgOfficeMemberName} maxLength={40} />
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="department" label={t('organizations.offices.department')} rules={[{ max: 40 }]}>
            <Input data-testid={TID.orgOfficeMemberDepartment} maxLength={40} placeholder={t('organizations.offices.departmentExample')} />
          </Form.Item>
          <Form.Item name="position" label={t('organizations.offices.position')} rules={[{ max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Space>
        <Form.Item name="phone" label={t('organizations.records.people.phone')} rules={[{ pattern: /^[0-9+\- ]*$/, max: 20 }]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

function RemoveOfficeMemberModal({ member, onClose }: { member: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  return (
    <RecordModal
      title={t('organizations.offices.removeTitle', { name: member.name })}
      hint={t('organizations.offices.removeHint')}
      clause={CLAUSE}
      submitTestId={TID.orgOfficeMemberRemoveSubmit}
      onSubmit={() => write.mutateAsync({ method: 'delete', path: `/api/office-members/${member.id}` })}
      onClose={onClose}
    >
      {null}
    </RecordModal>
  );
}
