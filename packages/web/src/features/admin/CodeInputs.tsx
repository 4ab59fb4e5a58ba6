import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_LANGUAGES, canonicalLanguageTag, REGION_CODES } from '../../lib/format';
import { ListInput } from '../../lib/ListInput';
import { type ControlProps, Field } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';

interface Props {
  control: ControlProps;
  value: string[];
  onChange(next: string[]): void;
}

/** ISO 3166-1 alpha-2 countries; accepts a code or the country's name in the UI language. */
export function CountriesInput(props: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const suggestions = useMemo(
    () =>
      REGION_CODES.map((code) => ({ value: code, label: fmt.region(code) })).sort((a, b) =>
        a.label.localeCompare(b.label, fmt.locale),
      ),
    [fmt],
  );
  const normalize = (raw: string): string | null => {
    const upper = raw.trim().toUpperCase();
    if (REGION_CODES.includes(upper)) return upper;
    return codeNamed(suggestions, raw, fmt.locale);
  };
  return (
    <ListInput
      {...props}
      normalize={normalize}
      suggestions={suggestions}
      describe={fmt.region}
      addLabel={t('providers.addCountry')}
      invalidMessage={t('errors.invalid_country')}
    />
  );
}

/** The code of the suggestion named `raw` in the user's language, whatever its case ("germany" → DE). */
function codeNamed(
  suggestions: { value: string; label: string }[],
  raw: string,
  locale: string,
): string | null {
  const name = raw.trim().toLocaleLowerCase(locale);
  return suggestions.find((s) => s.label.toLocaleLowerCase(locale) === name)?.value ?? null;
}

/** BCP 47 language tags, canonicalized by Intl. */
export function LanguagesInput(props: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const suggestions = useMemo(
    () => COMMON_LANGUAGES.map((code) => ({ value: code, label: fmt.language(code) })),
    [fmt],
  );
  const normalize = (raw: string): string | null => {
    const byName = codeNamed(suggestions, raw, fmt.locale);
    if (byName !== null) return byName;
    return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(raw.trim()) ? canonicalLanguageTag(raw) : null;
  };
  return (
    <ListInput
      {...props}
      normalize={normalize}
      suggestions={suggestions}
      describe={fmt.language}
      addLabel={t('providers.addLanguage')}
      invalidMessage={t('errors.invalid_language')}
    />
  );
}

/**
 * A labelled list of country or language codes in a form: the field's message clears when the list
 * changes (a composite input has no single named control for the form's onChange to see).
 */
export function CodesField(props: {
  codes: 'countries' | 'languages';
  label: string;
  help: string;
  value: string[];
  onChange(next: string[]): void;
  submit: { fields: Record<string, string | undefined>; clearField(name: string): void };
}) {
  const Input = props.codes === 'countries' ? CountriesInput : LanguagesInput;
  return (
    <Field label={props.label} help={props.help} error={props.submit.fields[props.codes]}>
      {(c) => (
        <Input
          control={c}
          value={props.value}
          onChange={(v) => {
            props.onChange(v);
            props.submit.clearField(props.codes);
          }}
        />
      )}
    </Field>
  );
}
