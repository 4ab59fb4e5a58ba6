// Service level against the number of agents around the answer (n−3 … n+5): bars, the target as a
// dashed line, the answer highlighted. Drawn with the kit's chart parts (mirrored right to left).
import { useTranslation } from 'react-i18next';
import { CategoryLabels, Chart, useRtl, ValueAxis } from '../../kit/chart/Chart';
import { frame, linearY } from '../../kit/chart/scale';
import type { CurvePoint } from './CalculatorPanel';
import { usePlanFormat } from './usePlanFormat';

const PAD = { start: 48, end: 16, top: 22, bottom: 40 };

export function SlCurveChart(props: { points: CurvePoint[]; target: number; answer: number }) {
  const { t } = useTranslation();
  const f = usePlanFormat();
  const fr = frame(440, 230, PAD, useRtl());
  const y = linearY(fr, 1);
  const band = fr.plotWidth / Math.max(1, props.points.length);
  const barW = band * 0.62;
  const answerPoint = props.points.find((p) => p.agents === props.answer);
  const centre = (i: number) => PAD.start + i * band + band / 2;
  const description = t('plan.calc.chartDesc', {
    from: f.int(props.points[0]?.agents ?? 0),
    to: f.int(props.points.at(-1)?.agents ?? 0),
    target: f.pct(props.target),
    answer: f.int(props.answer),
    sl: f.pct(answerPoint?.serviceLevel ?? 0),
  });

  return (
    <Chart
      frame={fr}
      title={t('plan.calc.chartTitle')}
      description={description}
      className="plan-sl-chart"
      legend={[
        { key: 'answer', label: t('plan.calc.legendAnswer'), swatch: 'plan-swatch-answer' },
        { key: 'meets', label: t('plan.calc.legendMeets'), swatch: 'plan-swatch-meets' },
        { key: 'misses', label: t('plan.calc.legendMisses'), swatch: 'plan-swatch-misses' },
        {
          key: 'target',
          label: t('plan.calc.legendTarget', { target: f.pct(props.target) }),
          swatch: 'plan-swatch-target',
        },
      ]}
    >
      <ValueAxis frame={fr} ticks={[0, 0.25, 0.5, 0.75, 1]} y={y} format={(v) => f.pct(v, 0)} />
      {props.points.map((p, i) => {
        const isAnswer = p.agents === props.answer;
        const meets = p.serviceLevel >= props.target;
        return (
          <g key={p.agents}>
            <rect
              className={isAnswer ? 'plan-bar-answer' : meets ? 'plan-bar-meets' : 'plan-bar-misses'}
              x={fr.box(centre(i) - barW / 2, barW)}
              y={y(p.serviceLevel)}
              width={barW}
              height={Math.max(0, y(0) - y(p.serviceLevel))}
            />
            {isAnswer ? (
              <text
                className="chart-axis-strong"
                x={fr.x(centre(i))}
                y={y(p.serviceLevel) - 6}
                textAnchor="middle"
              >
                {f.pct(p.serviceLevel, 0)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line
        className="plan-target-line"
        x1={fr.x(PAD.start)}
        x2={fr.x(fr.width - PAD.end)}
        y1={y(props.target)}
        y2={y(props.target)}
      />
      <CategoryLabels
        frame={fr}
        y={y(0) - 1}
        labels={props.points.map((p, i) => ({
          key: p.agents,
          at: centre(i),
          text: f.int(p.agents),
          strong: p.agents === props.answer,
        }))}
      />
      <text className="chart-axis-label" x={fr.width / 2} y={fr.height - 6} textAnchor="middle">
        {t('plan.calc.axisAgents')}
      </text>
    </Chart>
  );
}
