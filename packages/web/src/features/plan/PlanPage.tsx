// Plan → Staffing: how many agents an interval needs (Erlang C/A), a whole interval plan with
// what-if sliders, and a simulation of several agent groups. All maths runs in the browser with
// @shoreline/core; big files and simulations in a Web Worker. Each tab is a nested route; the state
// lives here so that switching tabs keeps what was entered.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { PageHeader } from '../../lib/ui';
import { CalculatorPanel, DEFAULT_CALCULATOR } from './CalculatorPanel';
import { IntervalsPanel } from './IntervalsPanel';
import { SimulationPanel } from './SimulationPanel';
import { useIntervalPlan } from './useIntervalPlan';
import { useSimulation } from './useSimulation';
import './plan.css';

export function PlanPage() {
  const { t } = useTranslation();
  const [calculator, setCalculator] = useState(DEFAULT_CALCULATOR);
  const intervals = useIntervalPlan();
  const simulation = useSimulation();
  const tab = ({ isActive }: { isActive: boolean }) => (isActive ? 'plan-tab active' : 'plan-tab');

  return (
    <>
      <PageHeader title={t('plan.title')} intro={t('plan.intro')} />
      <nav className="plan-tabs" aria-label={t('plan.tabs.label')}>
        <NavLink to="/plan" end className={tab}>
          {t('plan.tabs.calculator')}
        </NavLink>
        <NavLink to="/plan/intervals" className={tab}>
          {t('plan.tabs.intervals')}
        </NavLink>
        <NavLink to="/plan/simulation" className={tab}>
          {t('plan.tabs.simulation')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<CalculatorPanel inputs={calculator} onChange={setCalculator} />} />
        <Route path="intervals" element={<IntervalsPanel state={intervals} />} />
        <Route path="simulation" element={<SimulationPanel state={simulation} />} />
      </Routes>
    </>
  );
}
