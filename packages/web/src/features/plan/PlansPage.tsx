// Plan → Plans: saved plans (forecast, staffing, split across providers, shifts), built on the server.
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { PageHeader } from '../../lib/ui';
import { PlanComparisonView } from './PlanCompare';
import { PlansPanel, PlanView } from './PlansPanel';
import './plan.css';

export function PlansPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('plan.plans.title')} intro={t('plan.plans.intro')} />
      <Routes>
        <Route index element={<PlansPanel />} />
        <Route path="compare" element={<PlanComparisonView />} />
        <Route path=":id" element={<PlanView />} />
      </Routes>
    </>
  );
}
