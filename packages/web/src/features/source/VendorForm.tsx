// A vendor's full profile (decision 0028, gap 7): shore, countries, languages with native speakers,
// hours, sites, power and network redundancy, financial stability, references (one that left among
// them), certifications with expiry, clients and notes. Lists are typed one item a line.

import { SHORES, type SourceVendor, type SourceVendorCreate } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckLabel, optionsOf, SelectField, TextField } from '../../kit/fields';
import { ErrorBanner } from '../../lib/ui';
import { sourceApi } from './api';
import { useSaveForm } from './useSaveForm';

type Certification = NonNullable<SourceVendorCreate['certifications']>[number];
type Reference = NonNullable<SourceVendorCreate['references']>[number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function VendorForm(props: { vendor: SourceVendor; onSaved(): void; onClose(): void }) {
  const { t } = useTranslation();
  const v = props.vendor;
  const [name, setName] = useState(v.name);
  const [shore, setShore] = useState<(typeof SHORES)[number]>(v.shore);
  const [countries, setCountries] = useState(v.countries.join(', '));
  const [languages, setLanguages] = useState(
    v.languages.map((l) => `${l.tag} ${l.nativeSpeakers}`).join('\n'),
  );
  const [hours, setHours] = useState(v.hoursCovered);
  const [sites, setSites] = useState(String(v.sites));
  const [power, setPower] = useState(v.redundantPower);
  const [network, setNetwork] = useState(v.redundantNetwork);
  const [tested, setTested] = useState(v.continuityTestedOn ?? '');
  const [financial, setFinancial] = useState(v.financialStability);
  const [references, setReferences] = useState<Reference[]>(v.references);
  const [certs, setCerts] = useState(v.certifications.map((c) => `${c.name}, ${c.expiresOn}`).join('\n'));
  const [clients, setClients] = useState(v.clients.join('\n'));
  const [notes, setNotes] = useState(v.notes);
  const { error, onSubmitWith } = useSaveForm();
  const setReference = (i: number, patch: Partial<Reference>) =>
    setReferences((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = onSubmitWith(async () => {
    const input: SourceVendorCreate = {
      name,
      ...(v.providerId ? { providerId: v.providerId } : {}),
      shore,
      countries: countries
        .split(/[,\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
      languages: lines(languages).map((l) => {
        const [tag = '', count = '0'] = l.split(/\s+/);
        return { tag, nativeSpeakers: Number(count) };
      }),
      hoursCovered: hours,
      sites: Number(sites),
      redundantPower: power,
      redundantNetwork: network,
      ...(tested ? { continuityTestedOn: tested } : {}),
      financialStability: financial,
      references: references.filter((r) => r.client.trim()),
      certifications: lines(certs).map((l) => {
        const at = l.lastIndexOf(',');
        return { name: l.slice(0, at).trim(), expiresOn: l.slice(at + 1).trim() } as Certification;
      }),
      clients: lines(clients),
      notes,
    };
    await sourceApi.updateVendor(v.id, input);
    props.onSaved();
  });
  const area = (label: string, value: string, set: (s: string) => void, help?: string) => (
    <label>
      {label}
      <textarea value={value} onChange={(e) => set(e.target.value)} maxLength={4000} />
      {help ? <small className="hint">{help}</small> : null}
    </label>
  );
  return (
    <form onSubmit={submit} data-testid="vendor-form" className="source-form">
      <h3>{t('source.vendorForm.title', { name: v.name })}</h3>
      <ErrorBanner error={error} />
      <TextField label={t('source.vendors.name')} required maxLength={120} value={name} onValue={setName} />
      <SelectField
        label={t('source.vendors.shore')}
        value={shore}
        onValue={setShore}
        options={optionsOf(SHORES, (s) => t(`source.shore.${s}` as 'source.shore.onshore'))}
      />
      <TextField
        label={t('source.vendorForm.countries')}
        help={t('source.vendorForm.countriesHelp')}
        value={countries}
        onValue={setCountries}
      />
      {area(t('source.vendorForm.languages'), languages, setLanguages, t('source.vendorForm.languagesHelp'))}
      <TextField label={t('source.vendorForm.hours')} maxLength={120} value={hours} onValue={setHours} />
      <TextField
        label={t('source.vendorForm.sites')}
        type="number"
        min={0}
        value={sites}
        onValue={setSites}
      />
      <CheckLabel label={t('source.vendorForm.redundantPower')} checked={power} onChecked={setPower} />
      <CheckLabel label={t('source.vendorForm.redundantNetwork')} checked={network} onChecked={setNetwork} />
      <TextField
        label={t('source.vendorForm.continuityTestedOn')}
        type="date"
        value={tested}
        onValue={setTested}
      />
      {area(t('source.vendorForm.financialStability'), financial, setFinancial)}
      <fieldset>
        <legend>{t('source.vendorForm.references')}</legend>
        {references.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is stable
          <div key={i} className="source-reference">
            <TextField
              label={t('source.vendorForm.client')}
              maxLength={120}
              value={r.client}
              onValue={(client) => setReference(i, { client })}
            />
            <TextField
              label={t('source.vendorForm.contact')}
              maxLength={200}
              value={r.contact ?? ''}
              onValue={(contact) => setReference(i, { contact })}
            />
            <label>
              <input
                type="checkbox"
                checked={r.former ?? false}
                onChange={(e) => setReference(i, { former: e.target.checked })}
              />
              {t('source.vendorForm.former')}
            </label>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setReferences((rs) => [...rs, { client: '', contact: '', former: false }])}
        >
          {t('source.vendorForm.addReference')}
        </button>
      </fieldset>
      {area(
        t('source.vendorForm.certifications'),
        certs,
        setCerts,
        t('source.vendorForm.certificationsHelp'),
      )}
      {area(t('source.vendorForm.clients'), clients, setClients, t('source.vendorForm.oneALine'))}
      {area(t('source.vendorForm.notes'), notes, setNotes)}
      <button type="submit">{t('source.vendorForm.save')}</button>
      <button type="button" onClick={props.onClose}>
        {t('source.vendorForm.close')}
      </button>
    </form>
  );
}
