// Form pieces every page repeated: a labelled text input, a labelled select, the form's error
// banners and its submit row. They wrap `Field` (label, help, error and their ARIA wiring), so a
// form states a field in one element and every form reads and behaves the same.
import type {
  FormEvent,
  FormHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
} from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorBanner, Field } from '../lib/ui';

interface FieldFrame {
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  /** Marks the label and sets `required` on the control. */
  required?: boolean;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'required' | 'id'>;

/**
 * A labelled, controlled text input (any text-like `type`: email, password, url, …); `suggestions`
 * makes it searchable through a datalist (type any part of a value).
 */
export function TextField(
  props: FieldFrame &
    InputRest & { value: string; onValue(value: string): void; suggestions?: readonly string[] },
) {
  const { label, error, help, required, value, onValue, suggestions, ...input } = props;
  return (
    <Field label={label} error={error} help={help} required={required}>
      {(c) => (
        <>
          <input
            {...c}
            {...input}
            list={suggestions ? `${c.id}-suggestions` : undefined}
            required={required}
            value={value}
            onChange={(e) => onValue(e.target.value)}
          />
          {suggestions ? <Suggestions id={`${c.id}-suggestions`} values={suggestions} /> : null}
        </>
      )}
    </Field>
  );
}

/** The datalist an input names in `list`: values offered as it is typed in. */
function Suggestions(props: { id: string; values: readonly string[] }) {
  return (
    <datalist id={props.id}>
      {props.values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}

export interface Option<V extends string = string> {
  value: V;
  label: ReactNode;
}

type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'required' | 'id'>;

interface OptionChoice<V extends string> {
  value: NoInfer<V> | '';
  /** The chosen value; the empty value when `blank` is chosen. */
  onValue(value: NoInfer<V>): void;
  options: readonly Option<V>[];
  /** Adds a first option with the empty value ("Choose…", "Any"). */
  blank?: ReactNode;
}

/** A controlled select of `options`, unlabelled: in a labelled field, a table cell or a toolbar. */
export function OptionSelect<V extends string>(
  props: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & OptionChoice<V>,
) {
  const { value, onValue, options, blank, ...select } = props;
  return (
    <select {...select} value={value} onChange={(e) => onValue(e.target.value as V)}>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A labelled, controlled select; `blank` adds a first option with the empty value ("Choose…"). */
export function SelectField<V extends string>(props: FieldFrame & SelectRest & OptionChoice<V>) {
  const { label, error, help, required, ...select } = props;
  return (
    <Field label={label} error={error} help={help} required={required}>
      {(c) => <OptionSelect {...c} {...select} />}
    </Field>
  );
}

/**
 * Wires fields to their state and to the submit's messages by the API's field name:
 * `<TextField label={…} {...bind('email', email, setEmail)} />` sets name, value, onValue and error.
 */
export function fieldBinder(messages: Record<string, string | undefined>) {
  return <V extends string>(name: string, value: V | '', onValue: (value: V) => void) => ({
    name,
    value,
    onValue,
    error: messages[name],
  });
}

/** Options from a list of values, each labelled by `label`. */
export function optionsOf<V extends string>(values: readonly V[], label: (v: V) => ReactNode): Option<V>[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** Options from records with an id and a name (providers, teams, organizations). */
export function namedOptions(items: readonly { id: string; name: string }[]): Option[] {
  return items.map((i) => ({ value: i.id, label: i.name }));
}

/** The top of a form: "the form has errors" when fields are at fault, otherwise the request's error. */
export function FormProblems(props: { submit: { hasFieldErrors: boolean; bannerError: unknown } }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert>{props.submit.hasFieldErrors ? t('common.formHasErrors') : null}</Alert>
      <ErrorBanner error={props.submit.bannerError} />
    </>
  );
}

/** The submit button (its label while busy, if given) followed by secondary actions. */
export function FormActions(props: {
  busy: boolean;
  label: ReactNode;
  busyLabel?: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}) {
  const button = (
    <button
      type="submit"
      className={props.wide ? 'button-primary button-wide' : 'button-primary'}
      disabled={props.busy}
    >
      {props.busy && props.busyLabel ? props.busyLabel : props.label}
    </button>
  );
  // The wide button of the sign-in pages stands alone, as the form's last line.
  if (props.wide) return button;
  return (
    <div className="form-actions">
      {button}
      {props.children}
    </div>
  );
}

/**
 * A form that hands its submit to `onSubmit` instead of reloading the page: the
 * `onSubmit={(e) => { e.preventDefault(); void act(); }}` every form restated. With `submit` (useSubmit),
 * a change to a named control clears that field's message and the form's problems head it.
 */
export function ActionForm(
  props: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onChange'> & {
    onSubmit(): unknown;
    /** What stands above the form's problems (its title and help). */
    heading?: ReactNode;
    submit?: { hasFieldErrors: boolean; bannerError: unknown; onChange(e: FormEvent<HTMLFormElement>): void };
  },
) {
  const { onSubmit, submit, heading, children, ...form } = props;
  return (
    <form
      {...form}
      onChange={submit?.onChange}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {heading}
      {submit ? <FormProblems submit={submit} /> : null}
      {children}
    </form>
  );
}

/** A control of a one-line form (`inline-form`): the label wraps a controlled input. */
export function InlineInput(
  props: InputRest & {
    label: ReactNode;
    value: string;
    onValue(value: string): void;
    required?: boolean;
    suggestions?: readonly string[];
  },
) {
  const { label, value, onValue, suggestions, ...input } = props;
  const listId = useId();
  return (
    <label>
      {label}
      <input
        {...input}
        list={suggestions ? listId : undefined}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
      {suggestions ? <Suggestions id={listId} values={suggestions} /> : null}
    </label>
  );
}

/** The controls of a one-line form, from a list (as TextFields), each bound to `values[name]`. */
export function InlineInputs<K extends string>(props: {
  fields: readonly TextFieldSpec<K>[];
  values: Record<K, string>;
  onValue(name: K, value: string): void;
}) {
  return (
    <>
      {props.fields.map(({ name, help: _help, ...field }) => (
        <InlineInput
          key={name}
          {...field}
          value={props.values[name]}
          onValue={(v) => props.onValue(name, v)}
        />
      ))}
    </>
  );
}

/** A labelled file input with its help: the file chosen (or none) goes to `onFile`. */
export function FileField(props: {
  id: string;
  label: ReactNode;
  help: ReactNode;
  accept: string;
  onFile(file: File | undefined): unknown;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        onChange={(e) => void props.onFile(e.target.files?.[0])}
      />
      <p className="field-help">{props.help}</p>
    </div>
  );
}

/** One text field of a form built from a list: its API name, label and input attributes. */
export type TextFieldSpec<K extends string> = Omit<InputRest, 'name'> & {
  name: K;
  label: ReactNode;
  help?: ReactNode;
  required?: boolean;
  /** Values to offer as the field is typed in (a datalist): time zones, say. */
  suggestions?: readonly string[];
};

/**
 * The text fields of a form, from a list: each bound to `values[name]` and to the submit's message for
 * its name. With useFieldValues, a form states its fields once, as data.
 */
export function TextFields<K extends string>(props: {
  fields: readonly TextFieldSpec<K>[];
  values: Record<K, string>;
  onValue(name: K, value: string): void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      {props.fields.map(({ name, ...field }) => (
        <TextField
          key={name}
          {...field}
          name={name}
          value={props.values[name]}
          onValue={(v) => props.onValue(name, v)}
          error={props.errors[name]}
        />
      ))}
    </>
  );
}

/** A checkbox inside its label, the label's text after the box. */
export function CheckLabel(props: {
  label: ReactNode;
  checked: boolean;
  onChecked(checked: boolean): void;
  className?: string;
}) {
  return (
    <label className={props.className}>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChecked(e.target.checked)} />
      {props.label}
    </label>
  );
}
