import type { ImportRun } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';

/**
 * Why a run failed, in the reader's language from the run's error code (the server's English message
 * stays in its logs), and what the file looks like when another format would read it.
 */
export function ImportRunError({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  if (run.status !== 'failed' || !run.errorCode) return null;
  const { detected } = run;
  const layout = detected ? t(`insight.imports.layouts.${detected.layout}`) : '';
  return (
    <div className="banner banner-error" role="alert" data-testid="import-error" data-code={run.errorCode}>
      <p>
        {t(`insight.imports.errors.${run.errorCode}`, {
          field: run.errorField ?? '',
          rejected: run.rowsRejected,
        })}
      </p>
      {detected ? (
        <p data-testid="import-detected" data-format={detected.format ?? ''}>
          {detected.format && detected.format !== run.format
            ? t('insight.imports.detected', {
                layout,
                format: t(`insight.imports.formats.${detected.format}`),
              })
            : t('insight.imports.detectedLayout', { layout })}
        </p>
      ) : null}
    </div>
  );
}
