import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled form field with optional help and error text, wired for assistive technology. */
export function Field(props: {
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [props.help ? helpId : null, props.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <RequiredMark /> : null}
      </label>
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {props.help ? (
        <p className="field-help" id={helpId}>
          {props.help}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A fieldset for a group of checkboxes or radios, with its own error. */
export function FieldGroup(props: {
  legend: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={['field', 'fieldset', props.error ? 'field-invalid' : '', props.className ?? '']
        .filter(Boolean)
        .join(' ')}
      aria-describedby={props.error ? `${id}-error` : props.help ? `${id}-help` : undefined}
      aria-invalid={props.error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      {props.children}
      {props.help ? (
        <p className="field-help" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required" title={t('common.required')}>
      {' *'}
    </span>
  );
}

/** An error said in the page's own words (an invalid link, a file too large); nothing when empty. */
export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner-error" role="alert">
      {children}
    </div>
  );
}

/** Shows a whole-request error (not tied to a field). */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span>{errorMessage(t, error)}</span>
      {onRetry ? (
        <button type="button" className="button-link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner-ok" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

export function PageHeader(props: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.intro ? <p className="page-intro">{props.intro}</p> : null}
      </div>
      {props.actions ? <div className="page-actions">{props.actions}</div> : null}
    </header>
  );
}

/** A secret shown once (invite link, API token), with a copy button. */
export function SecretBox(props: { label: ReactNode; help: ReactNode; value: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section className="secret" aria-labelledby={`${id}-label`}>
      <h2 id={`${id}-label`}>{props.label}</h2>
      <p>{props.help}</p>
      <div className="secret-row">
        <input
          readOnly
          value={props.value}
          aria-labelledby={`${id}-label`}
          dir="ltr"
          className="secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(props.value).then(() => setCopied(true));
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
    </section>
  );
}
