import { useTranslation } from 'react-i18next';
import { optionsOf, SelectField } from '../../kit/fields';
import type { PlanFormat } from './numbers';

const INTERVAL_MINUTES = ['15', '30', '60'] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

/** The interval length a plan is worked out in: 15, 30 or 60 minutes (calculator and simulation). */
export function IntervalMinutesField(props: {
  value: IntervalMinutes;
  onValue(value: IntervalMinutes): void;
  f: PlanFormat;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('plan.calc.intervalMin')}
      value={props.value}
      onValue={props.onValue}
      options={optionsOf(INTERVAL_MINUTES, (m) => t('plan.calc.minutes', { value: props.f.int(Number(m)) }))}
    />
  );
}
