import { Input, type InputProps } from 'antd';
import type { FormRule as Rule } from 'antd';
import i18n from '../i18n';
import { AREA_INPUT_PATTERN, parseAreaInput } from '../lib/format';

/**
 * An area in ㎡ with at most two decimals. The form keeps the typed text; the page turns it into
 * 0.01 m² with parseAreaInput, so nothing passes through a float.
 */
export function AreaInput(props: Omit<InputProps, 'suffix' | 'inputMode'>) {
  return <Input {...props} inputMode="decimal" suffix="㎡" autoComplete="off" style={{ maxWidth: 240, ...props.style }} />;
}

/** Form rules for an area field; `positive` refuses 0 (a unit or a quarter has some area). */
export function areaRules({ required, positive }: { required: boolean; positive?: boolean }): Rule[] {
  return [
    { required, message: i18n.t('validation.areaRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (value === undefined || value === null || String(value).trim() === '') return;
        if (!AREA_INPUT_PATTERN.test(String(value).replace(/,/g, '')) || parseAreaInput(value) === null) {
          throw new Error(i18n.t('validation.areaFormat'));
        }
        if (positive && parseAreaInput(value) === 0) throw new Error(i18n.t('validation.areaPositive'));
      },
    },
  ];
}
