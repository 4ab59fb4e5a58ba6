// The bytes of a resumable upload on their way (then the import run's own progress takes over).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import type { UploadState } from './useResumableUpload';

const MIB = 1_048_576;

export function UploadProgress({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mib = (bytes: number) =>
    fmt.number(bytes / MIB, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const ratio = state.total > 0 ? state.sent / state.total : 1;
  const percent = fmt.number(ratio, { style: 'percent', maximumFractionDigits: 0 });
  const values = { name: state.fileName, sent: mib(state.sent), total: mib(state.total), percent };
  return (
    <div
      className="insight-progress"
      data-testid="upload-progress"
      data-phase={state.phase}
      data-sent={state.sent}
      data-total={state.total}
    >
      <label htmlFor="upload-progress-bar">
        {state.phase === 'sending'
          ? t('insight.imports.upload.sending', values)
          : state.phase === 'cancelled'
            ? t('insight.imports.upload.cancelled', values)
            : t('insight.imports.upload.stopped', values)}
      </label>
      <progress id="upload-progress-bar" max={1} value={ratio} aria-valuetext={percent} />
      {state.phase === 'sending' ? (
        <button type="button" className="button-small" onClick={onCancel}>
          {t('insight.imports.upload.cancel')}
        </button>
      ) : null}
    </div>
  );
}
