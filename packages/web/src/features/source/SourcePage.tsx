// Source: is outsourcing right for us (readiness from the business's own data), what would it cost
// (options side by side at the same service level), and which vendor (weighted scorecards with
// several evaluators). Figures are computed by the server with core's `source/` maths.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Segmented } from '../../lib/Segmented';
import { PageHeader } from '../../lib/ui';
import { ComparePanel } from './ComparePanel';
import { PilotsPanel } from './PilotsPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { ScorecardPanel } from './ScorecardPanel';
import { SelectionPanel } from './SelectionPanel';
import './source.css';

type Tab = 'compare' | 'readiness' | 'vendors' | 'selection' | 'pilots';

export function SourcePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('compare');
  return (
    <div className="source-page">
      <PageHeader title={t('source.title')} intro={t('source.intro')} />
      <Segmented<Tab>
        label={t('source.title')}
        className="source-tabs"
        value={tab}
        onChange={setTab}
        options={[
          { value: 'compare', label: t('source.tabs.compare') },
          { value: 'readiness', label: t('source.tabs.readiness') },
          { value: 'vendors', label: t('source.tabs.vendors') },
          { value: 'selection', label: t('source.tabs.selection') },
          { value: 'pilots', label: t('source.tabs.pilots') },
        ]}
      />
      {tab === 'compare' ? (
        <ComparePanel />
      ) : tab === 'readiness' ? (
        <ReadinessPanel />
      ) : tab === 'vendors' ? (
        <ScorecardPanel />
      ) : tab === 'selection' ? (
        <SelectionPanel />
      ) : (
        <PilotsPanel />
      )}
    </div>
  );
}
