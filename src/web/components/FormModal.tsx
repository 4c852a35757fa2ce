import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * A dialog with a form whose submit goes to the server. Field messages of a 422 land on their
 * fields; anything else (a 409 duplicate, a 403) is shown at the top of the dialog, in the
 * server's words. The dialog stays open until the server says yes.
 */
export function FormModal<Values extends object>({
  open,
  title,
  onClose,
  onSubmit,
  initialValues,
  children,
  submitTestId,
  okText,
  width = 560,
  form: externalForm,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: Values) => Promise<unknown>;
  initialValues?: Partial<Values>;
  children: ReactNode;
  submitTestId: string;
  okText?: string;
  width?: number;
  form?: FormInstance<Values>;
}) {
  const { t } = useTranslation();
  const [ownForm] = Form.useForm<Values>();
  const form = externalForm ?? ownForm;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        const registered = Object.keys(form.getFieldsValue());
        const fieldErrors = Object.entries(err.fieldErrors()).filter(([name]) => registered.includes(name));
        if (fieldErrors.length) {
          form.setFields(fieldErrors.map(([name, message]) => ({ name: name as never, errors: [message] })));
          if (fieldErrors.length < Object.keys(err.fieldErrors()).length) setError(err.message);
          return;
        }
      }
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      onOk={submit}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': submitTestId } as ButtonProps}
      destroyOnHidden
      mask={{ closable: false }}
      styles={{ header: { marginBottom: 16 } }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={() => error && setError(null)}
      >
        {children}
        {/* Enter in a text field submits the dialog. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
