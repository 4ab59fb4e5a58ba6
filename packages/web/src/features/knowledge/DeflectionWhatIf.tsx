// The help center in a what-if (Plan's calculator, Source's comparison): "if the help center
// deflected X % of topic T's contacts", X defaulting to T's measured self-service rate over the
// last 90 days (GET /api/knowledge/gaps). The volume is multiplied by 1 − share × X (core
// deflectionVolumeFactor). Decision 0038.

import { deflectionVolumeFactor, type DeflectionWhatIf as WhatIf } from '@shoreline/core/knowledge/what-if';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../../kit/fields';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { topicLabel } from '../insight/labels';
import { knowledgeApi, recentRange } from './api';

export type Deflection = WhatIf & { topic: string };

export function DeflectionWhatIf(props: {
  value: Deflection | null;
  onChange(next: Deflection | null): void;
  /** The volume before deflection, to say how many contacts it removes. */
  volume?: number | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const gaps = useResource(() => {
    const r = recentRange(90);
    return knowledgeApi.gaps(r.from, r.to);
  }, []);
  const topics = gaps.data?.topics ?? [];
  const pick = (topic: string) => {
    const found = topics.find((x) => x.topic === topic);
    props.onChange(found ? { topic, topicShare: found.share, rate: found.selfServiceRate ?? 0 } : null);
  };
  const v = props.value;
  const percent = (n: number) => fmt.number(n, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <fieldset className="deflection-what-if" data-testid="deflection-what-if">
      <legend>{t('knowledge.whatIf.legend')}</legend>
      <label htmlFor={`${id}-topic`}>{t('knowledge.whatIf.topic')}</label>{' '}
      <OptionSelect
        id={`${id}-topic`}
        value={v?.topic ?? ''}
        onValue={pick}
        blank={t('knowledge.whatIf.none')}
        options={topics.map((x) => ({
          value: x.topic,
          label: `${topicLabel(t, x.topic)} (${percent(x.share)})`,
        }))}
      />
      {v ? (
        <>
          {' '}
          <label>
            {t('knowledge.whatIf.rate')}{' '}
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={Math.round(v.rate * 1000) / 10}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isFinite(n)) props.onChange({ ...v, rate: Math.min(100, Math.max(0, n)) / 100 });
              }}
            />{' '}
            %
          </label>
          <p className="field-help" role="status">
            {t('knowledge.whatIf.effect', {
              share: percent(v.topicShare),
              factor: percent(1 - deflectionVolumeFactor(v)),
              avoided:
                props.volume === undefined
                  ? '—'
                  : fmt.number(props.volume * (1 - deflectionVolumeFactor(v)), { maximumFractionDigits: 1 }),
            })}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
