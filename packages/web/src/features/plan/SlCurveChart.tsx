// Service level against the number of agents around the answer (n−3 … n+5): bars, the target as a
// dashed line, the answer highlighted. Hand-written SVG; mirrored in right-to-left languages.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import type { CurvePoint } from './CalculatorPanel';
import { directedX } from './chartScale';
import { planFormat } from './numbers';

const W = 440;
const H = 230;
const PAD = { start: 48, end: 16, top: 22, bottom: 40 };

export function SlCurveChart(props: { points: CurvePoint[]; target: number; answer: number }) {
  const { t, i18n } = useTranslation();
  const { locale } = useFormat();
  const f = planFormat(locale);
  const id = useId();
  const rtl = i18n.dir() === 'rtl';
  const x = directedX(W, rtl);
  const plotW = W - PAD.start - PAD.end;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (sl: number) => PAD.top + plotH * (1 - sl);
  const band = plotW / props.points.length;
  const barW = band * 0.62;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const answerPoint = props.points.find((p) => p.agents === props.answer);
  const title = t('plan.calc.chartTitle');
  const description = t('plan.calc.chartDesc', {
    from: f.int(props.points[0]?.agents ?? 0),
    to: f.int(props.points.at(-1)?.agents ?? 0),
    target: f.pct(props.target),
    answer: f.int(props.answer),
    sl: f.pct(answerPoint?.serviceLevel ?? 0),
  });

  return (
    <figure className="plan-figure">
      <svg
        className="plan-chart plan-sl-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="plan-grid" x1={x(PAD.start)} x2={x(W - PAD.end)} y1={y(tick)} y2={y(tick)} />
            <text
              className="plan-axis-label"
              x={x(PAD.start - 6)}
              y={y(tick) + 4}
              textAnchor={rtl ? 'start' : 'end'}
            >
              {f.pct(tick, 0)}
            </text>
          </g>
        ))}
        {props.points.map((p, i) => {
          const left = PAD.start + i * band + (band - barW) / 2;
          const rectX = rtl ? W - left - barW : left;
          const isAnswer = p.agents === props.answer;
          const meets = p.serviceLevel >= props.target;
          return (
            <g key={p.agents}>
              <rect
                className={isAnswer ? 'plan-bar-answer' : meets ? 'plan-bar-meets' : 'plan-bar-misses'}
                x={rectX}
                y={y(p.serviceLevel)}
                width={barW}
                height={Math.max(0, y(0) - y(p.serviceLevel))}
              />
              <text
                className={isAnswer ? 'plan-axis-label plan-axis-strong' : 'plan-axis-label'}
                x={x(left + barW / 2)}
                y={H - PAD.bottom + 15}
                textAnchor="middle"
              >
                {f.int(p.agents)}
              </text>
              {isAnswer ? (
                <text
                  className="plan-axis-strong"
                  x={x(left + barW / 2)}
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
          x1={x(PAD.start)}
          x2={x(W - PAD.end)}
          y1={y(props.target)}
          y2={y(props.target)}
        />
        <text className="plan-axis-label" x={W / 2} y={H - 6} textAnchor="middle">
          {t('plan.calc.axisAgents')}
        </text>
      </svg>
      <figcaption className="plan-legend">
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-answer" aria-hidden="true" />
          {t('plan.calc.legendAnswer')}
        </span>
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-meets" aria-hidden="true" />
          {t('plan.calc.legendMeets')}
        </span>
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-misses" aria-hidden="true" />
          {t('plan.calc.legendMisses')}
        </span>
        <span className="plan-legend-item">
          <span className="plan-swatch plan-swatch-target" aria-hidden="true" />
          {t('plan.calc.legendTarget', { target: f.pct(props.target) })}
        </span>
      </figcaption>
    </figure>
  );
}
