import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../../api/client';
import { usePlacesTree } from '../../../api/queries';
import type { Created } from '../../../api/types';
import { QUARTER_TYPES, useQuarter, type Quarter, type QuarterInput, type QuarterType } from '../api';
import { useCan } from '../../../auth/session';
import { AreaInput, areaRules } from '../../../components/AreaInput';
import { Loading, QueryError } from '../../../components/QueryState';
import { areaToInput, formatPercent, parseAreaInput } from '../../../lib/format';
import { notifySuccess } from '../../../lib/feedback';
import { codeLabel } from '../../../lib/labels';
import { placesOfLevel } from '../../../lib/places';
import { TID } from '../testids';

interface FormValues {
  name: string;
  communityId?: string;
  type: QuarterType;
  address?: string;
  totalBuildingArea: string;
  soldArea?: string;
  deliveredArea: string;
  firstDeliveryDate?: Dayjs | null;
  households: number;
}

const FIELDS: (keyof FormValues)[] = [
  'name',
  'communityId',
  'type',
  'address',
  'totalBuildingArea',
  'soldArea',
  'deliveredArea',
  'firstDeliveryDate',
  'households',
];

function toValues(q: Quarter): FormValues {
  return {
    name: q.name,
    communityId: q.communityId,
    // The contract types it as a string; the server answers one of QUARTER_TYPES.
    type: q.type as QuarterType,
    address: q.address,
    totalBuildingArea: areaToInput(q.totalBuildingArea),
    soldArea: areaToInput(q.soldArea),
    deliveredArea: areaToInput(q.deliveredArea),
    firstDeliveryDate: q.firstDeliveryDate ? dayjs(q.firstDeliveryDate) : null,
    households: q.households,
  };
}

function toInput(values: FormValues, creating: boolean): QuarterInput {
  const soldArea = values.soldArea?.trim() ? parseAreaInput(values.soldArea) : null;
  const input: QuarterInput = {
    name: values.name.trim(),
    type: values.type,
    address: values.address?.trim() ?? '',
    totalBuildingArea: parseAreaInput(values.totalBuildingArea) ?? 0,
    deliveredArea: parseAreaInput(values.deliveredArea) ?? 0,
    firstDeliveryDate: values.firstDeliveryDate ? values.firstDeliveryDate.format('YYYY-MM-DD') : null,
    households: values.households,
  };
  if (soldArea !== null) input.soldArea = soldArea;
  if (creating) input.communityId = values.communityId;
  return input;
}

/** Create (/quarters/new) and edit (/quarters/:id/edit) a quarter's basic facts. */
export default function QuarterFormPage() {
  const { id } = useParams();
  const creating = !id;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const tree = usePlacesTree(creating);
  const quarter = useQuarter(id);

  const communities = useMemo(() => placesOfLevel(tree.data, 'community'), [tree.data]);

  // Fill the form once the quarter (edit) or the caller's communities (create) are known.
  useEffect(() => {
    if (!creating && quarter.data) form.setFieldsValue(toValues(quarter.data));
  }, [creating, quarter.data, form]);
  useEffect(() => {
    if (!creating || form.getFieldValue('communityId')) return;
    const wanted = params.get('communityId');
    const preset = communities.find((c) => c.id === wanted) ?? (communities.length === 1 ? communities[0] : undefined);
    if (preset) form.setFieldValue('communityId', preset.id);
  }, [creating, communities, params, form]);

  const save = useMutation({
    meta: { handlesErrors: true },
    mutationFn: async (values: FormValues) => {
      const body = toInput(values, creating);
      if (creating) return (await api.post<Created>('/api/quarters', body)).id;
      await api.patch(`/api/quarters/${id}`, body);
      return id!;
    },
    onSuccess: async (quarterId) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['quarters'] }),
        queryClient.invalidateQueries({ queryKey: ['quarter', quarterId] }),
        queryClient.invalidateQueries({ queryKey: ['places'] }),
      ]);
      notifySuccess(creating ? t('quarterForm.created') : t('common.saved'));
      navigate(`/quarters/${quarterId}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const fieldErrors = error.fieldErrors();
        const known = Object.entries(fieldErrors).filter(([f]) => FIELDS.includes(f as keyof FormValues));
        if (known.length) {
          form.setFields(known.map(([name, message]) => ({ name: name as keyof FormValues, errors: [message] })));
          form.scrollToField(known[0][0] as keyof FormValues);
          setFormError(known.length < Object.keys(fieldErrors).length ? error.message : null);
          return;
        }
      }
      setFormError(error instanceof Error ? error.message : String(error));
    },
  });

  if (!can(creating ? 'quarter.create' : 'quarter.update')) {
    return <QueryError error={new ApiError(403, 'FORBIDDEN', t('errors.noPermission'))} />;
  }
  if (!creating && quarter.isPending) return <Loading />;
  if (!creating && quarter.error) return <QueryError error={quarter.error} onRetry={() => quarter.refetch()} />;

  const totalRule = (label: string) => ({
    validator: async (_: unknown, value?: string) => {
      const part = parseAreaInput(value ?? '');
      const total = parseAreaInput(form.getFieldValue('totalBuildingArea') ?? '');
      if (part !== null && total !== null && part > total) throw new Error(t('quarterForm.notAboveTotal', { field: label }));
    },
  });

  return (
    <>
      <div className="gz-page-title">
        <Typography.Title level={3}>
          {creating ? t('quarterForm.createTitle') : t('quarterForm.editTitle', { name: quarter.data?.name })}
        </Typography.Title>
      </div>
      <Card style={{ maxWidth: 880 }}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form<FormValues>
          data-testid={TID.quarterForm}
          form={form}
          layout="horizontal"
          labelCol={{ xs: 24, sm: 7 }}
          wrapperCol={{ xs: 24, sm: 17 }}
          initialValues={{ type: 'commercial' }}
          onFinish={(values) => {
            setFormError(null);
            save.mutate(values);
          }}
          onValuesChange={(changed) => {
            // A changed total can make the other two areas valid or invalid again.
            if ('totalBuildingArea' in changed) void form.validateFields(['deliveredArea', 'soldArea']).catch(() => undefined);
          }}
          scrollToFirstError
        >
          <Form.Item
            name="name"
            label={t('quarter.name')}
            rules={[
              { required: true, whitespace: true, message: t('quarterForm.nameRequired') },
              { max: 100, message: t('validation.tooLong', { max: 100 }) },
            ]}
          >
            <Input data-testid={TID.quarterFormName} placeholder={t('quarterForm.namePlaceholder')} maxLength={100} />
          </Form.Item>
          {creating ? (
            <Form.Item
              name="communityId"
              label={t('quarter.community')}
              rules={[{ required: true, message: t('quarterForm.communityRequired') }]}
              extra={t('quarterForm.communityHint')}
            >
              <Select
                data-testid={TID.quarterFormCommunity}
                loading={tree.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('quarterForm.communityPlaceholder')}
                options={communities.map((c) => ({ value: c.id, label: c.path.slice(-2).join(' › ') }))}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('quarter.community')}>
              <Typography.Text>
                {quarter.data?.districtName} › {quarter.data?.streetName} › {quarter.data?.communityName}
              </Typography.Text>
            </Form.Item>
          )}
          <Form.Item name="type" label={t('quarter.type')} rules={[{ required: true }]}>
            <Select
              data-testid={TID.quarterFormType}
              style={{ maxWidth: 240 }}
              options={QUARTER_TYPES.map((type) => ({ value: type, label: codeLabel('quarterTypes', type) }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t('quarter.address')} rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
            <Input data-testid={TID.quarterFormAddress} placeholder={t('quarterForm.addressPlaceholder')} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="totalBuildingArea"
            label={t('quarter.totalBuildingArea')}
            rules={areaRules({ required: true, positive: true })}
            extra={t('quarterForm.areaHint')}
          >
            <AreaInput data-testid={TID.quarterFormTotalArea} placeholder="0.00" />
          </Form.Item>
          <Form.Item
            name="soldArea"
            label={t('quarter.soldArea')}
            dependencies={['totalBuildingArea']}
            rules={[...areaRules({ required: false }), totalRule(t('quarter.soldArea'))]}
          >
            <AreaInput data-testid={TID.quarterFormSoldArea} placeholder="0.00" />
          </Form.Item>
          <Form.Item
            name="deliveredArea"
            label={t('quarter.deliveredArea')}
            dependencies={['totalBuildingArea']}
            rules={[...areaRules({ required: true }), totalRule(t('quarter.deliveredArea'))]}
            extra={<DeliveredShareHint />}
          >
            <AreaInput data-testid={TID.quarterFormDeliveredArea} placeholder="0.00" />
          </Form.Item>
          <Form.Item
            name="firstDeliveryDate"
            label={t('quarter.firstDeliveryDate')}
            rules={[{ required: true, message: t('quarterForm.firstDeliveryRequired') }]}
          >
            <DatePicker
              data-testid={TID.quarterFormFirstDelivery}
              format="YYYY-MM-DD"
              disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item
            name="households"
            label={t('quarter.households')}
            rules={[{ required: true, message: t('quarterForm.householdsRequired') }]}
          >
            <InputNumber data-testid={TID.quarterFormHouseholds} min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item wrapperCol={{ xs: 24, sm: { span: 17, offset: 7 } }}>
            <Space>
              <Button data-testid={TID.quarterFormSubmit} type="primary" htmlType="submit" loading={save.isPending}>
                {creating ? t('quarterForm.create') : t('common.save')}
              </Button>
              <Button data-testid={TID.quarterFormCancel} onClick={() => (creating ? navigate(-1) : navigate(`/quarters/${id}`))}>
                {t('common.cancel')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}

/** Shows the delivered share as the user types: it decides when an owners' committee may form. */
function DeliveredShareHint() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const delivered = parseAreaInput(Form.useWatch('deliveredArea', form) ?? '');
  const total = parseAreaInput(Form.useWatch('totalBuildingArea', form) ?? '');
  if (delivered === null || !total) return null;
  return <span>{t('quarterForm.deliveredShareHint', { share: formatPercent(delivered, total) })}</span>;
}
