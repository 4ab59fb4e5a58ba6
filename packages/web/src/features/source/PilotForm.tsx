// Pre-registers a pilot before any contact is counted: the metric, the smallest difference that
// matters, the sample per arm (a proportion's follows from its baseline), the arms (a vendor, a
// second vendor, in house) with their shares of the slice, the slice's hours and the period. The
// in-house arm is the rest of the slice (or there is none: two vendors compared with each other); the
// seed is drawn here so neither side picks which contacts go where (decision 0037).

import type { SourcePilotCreate, SourceVendor } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckLabel, namedOptions, optionsOf, SelectField, TextField } from '../../kit/fields';
import { fieldMessages } from '../../lib/errors';
import { ErrorBanner } from '../../lib/ui';
import { sourceApi } from './api';
import { DEFAULT_HOURS, type HoursDraft, hoursInput, PilotHoursField } from './PilotHoursField';
import { useSaveForm } from './useSaveForm';

const METRICS = ['resolved', 'reopened', 'csat-satisfied', 'handle-seconds'] as const;
type Metric = (typeof METRICS)[number];
/** Fewer reopened tickets and shorter handle times are better; more resolved and satisfied are. */
const HIGHER_IS_BETTER: Record<Metric, boolean> = {
  resolved: true,
  reopened: false,
  'csat-satisfied': true,
  'handle-seconds': false,
};

/** An arm's share of the assignments: a whole percent from 5 to 95. */
const SHARE = { type: 'number', min: 5, max: 95, required: true } as const;

export function PilotForm(props: { vendors: readonly SourceVendor[]; onCreated(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [vendorId, setVendorId] = useState('');
  const [metric, setMetric] = useState<Metric>('resolved');
  const [baseline, setBaseline] = useState('80');
  const [mdd, setMdd] = useState('5');
  const [sample, setSample] = useState('400');
  const [share, setShare] = useState('20');
  const [secondVendorId, setSecondVendorId] = useState('');
  const [secondShare, setSecondShare] = useState('20');
  const [inHouse, setInHouse] = useState(true);
  const [hours, setHours] = useState<HoursDraft>(DEFAULT_HOURS);
  const [days, setDays] = useState('60');
  const [channel, setChannel] = useState('');
  const [language, setLanguage] = useState('');
  const { error, onSubmitWith } = useSaveForm();
  const median = metric === 'handle-seconds';
  const num = (text: string) => Number(text.replace(',', '.'));
  const fields = fieldMessages(t, error);

  const submit = onSubmitWith(async () => {
    const shares = [num(share), secondVendorId ? num(secondShare) : 0];
    // A vendor against in house keeps the simple form; a second vendor or no in-house arm names the arms.
    const split =
      !secondVendorId && inHouse
        ? { vendorId, ratio: shares[0]! / 100 }
        : {
            arms: [
              ...(inHouse ? [{ vendorId: null, weight: Math.max(0, 100 - shares[0]! - shares[1]!) }] : []),
              { vendorId, weight: shares[0]! },
              ...(secondVendorId ? [{ vendorId: secondVendorId, weight: shares[1]! }] : []),
            ],
          };
    const sliceHours = hoursInput(hours);
    const input: SourcePilotCreate = {
      name,
      ...split,
      slice: {
        ...(channel ? { channel } : {}),
        ...(language ? { language } : {}),
        ...(sliceHours ? { hours: sliceHours } : {}),
      },
      seed: Math.floor(Math.random() * 2 ** 31),
      metric,
      higherIsBetter: HIGHER_IS_BETTER[metric],
      ...(median
        ? { mdd: num(mdd), sampleSizePerArm: Math.round(num(sample)) }
        : { mdd: num(mdd) / 100, baseline: num(baseline) / 100 }),
      periodDays: Math.round(num(days)),
    };
    await sourceApi.createPilot(input);
    setName('');
    props.onCreated();
  });
  return (
    <form onSubmit={submit} data-testid="pilot-form" className="source-form">
      <h3>{t('source.pilotForm.title')}</h3>
      <p>{t('source.pilotForm.intro')}</p>
      <ErrorBanner error={error} />
      <TextField label={t('source.pilotForm.name')} required maxLength={120} value={name} onValue={setName} />
      <SelectField
        label={t('source.pilotForm.vendor')}
        required
        blank={t('source.pilotForm.choose')}
        value={vendorId}
        onValue={setVendorId}
        options={namedOptions(props.vendors)}
      />
      <SelectField
        label={t('source.pilotForm.metric')}
        value={metric}
        onValue={setMetric}
        options={optionsOf(METRICS, (m) =>
          t(`source.pilotForm.metrics.${m}` as 'source.pilotForm.metrics.resolved'),
        )}
      />
      {median ? null : (
        <TextField
          label={t('source.pilotForm.baseline')}
          type="number"
          min={1}
          max={99}
          step="any"
          required
          value={baseline}
          onValue={setBaseline}
        />
      )}
      <TextField
        label={median ? t('source.pilotForm.mddSeconds') : t('source.pilotForm.mddPoints')}
        type="number"
        min={median ? 1 : 0.5}
        step="any"
        required
        value={mdd}
        onValue={setMdd}
      />
      {median ? (
        <TextField
          label={t('source.pilotForm.sample')}
          type="number"
          min={2}
          required
          value={sample}
          onValue={setSample}
        />
      ) : (
        <p className="hint">{t('source.pilotForm.sampleFollows')}</p>
      )}
      <TextField
        label={t('source.pilotForm.share')}
        {...SHARE}
        value={share}
        onValue={setShare}
        error={fields.ratio ?? fields['arms.1.weight']}
      />
      <SelectField
        label={t('source.pilotForm.secondVendor')}
        blank={t('source.pilotForm.none')}
        value={secondVendorId}
        onValue={setSecondVendorId}
        options={namedOptions(props.vendors.filter((v) => v.id !== vendorId))}
        error={fields['arms.2.vendorId'] ?? fields['arms.1.vendorId']}
      />
      {secondVendorId ? (
        <TextField
          label={t('source.pilotForm.secondShare')}
          {...SHARE}
          value={secondShare}
          onValue={setSecondShare}
          error={fields['arms.2.weight']}
        />
      ) : null}
      <CheckLabel
        className="option"
        label={t('source.pilotForm.inHouseArm')}
        checked={inHouse}
        onChecked={setInHouse}
      />
      <TextField
        label={t('source.pilotForm.days')}
        type="number"
        min={1}
        max={365}
        required
        value={days}
        onValue={setDays}
      />
      <TextField label={t('source.pilotForm.channel')} maxLength={32} value={channel} onValue={setChannel} />
      <TextField
        label={t('source.pilotForm.language')}
        maxLength={35}
        value={language}
        onValue={setLanguage}
      />
      <PilotHoursField value={hours} onValue={setHours} errors={fields} />
      <p className="hint">{inHouse ? t('source.pilotForm.arms') : t('source.pilotForm.armsVendors')}</p>
      <button type="submit">{t('source.pilotForm.create')}</button>
    </form>
  );
}
