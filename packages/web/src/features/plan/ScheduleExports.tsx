// The saved plan's schedule as files (one link per export format), above both Gantt charts, and the
// export route's address they and the per-agent calendars share.
import { SCHEDULE_EXPORT_FORMATS } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';

/** The export route's address for the whole plan or one agent. */
export const shiftsHref = (planId: string, format: string, agent?: string) =>
  `/api/plan/plans/${encodeURIComponent(planId)}/shifts?format=${format}${
    agent === undefined ? '' : `&agent=${encodeURIComponent(agent)}`
  }`;

export function ScheduleExports({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return (
    <p className="plan-exports">
      {SCHEDULE_EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          className="button button-small"
          href={shiftsHref(planId, format)}
          download
          data-testid={`plan-export-${format}`}
        >
          {t(`plan.gantt.export.${format}`)}
        </a>
      ))}
    </p>
  );
}
