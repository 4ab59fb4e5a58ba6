import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_LANGUAGES, canonicalLanguageTag, REGION_CODES } from '../../lib/format';
import { ListInput } from '../../lib/ListInput';
import { Field } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';

type Format = ReturnType<typeof useFormat>;
type Suggestion = { value: string; label: string };

/** What a list of codes suggests, how it reads what was typed, and how it names a code. */
interface CodeList {
  suggestions: Suggestion[];
  normalize(raw: string): string | null;
  describe(code: string): string;
}

/** ISO 3166-1 alpha-2 countries; accepts a code or the country's name in the UI language. */
function countryList(fmt: Format): CodeList {
  const suggestions = REGION_CODES.map((code) => ({ value: code, label: fmt.region(code) })).sort((a, b) =>
    a.label.localeCompare(b.label, fmt.locale),
  );
  const normalize = (raw: string): string | null => {
    const upper = raw.trim().toUpperCase();
    if (REGION_CODES.includes(upper)) return upper;
    return codeNamed(suggestions, raw, fmt.locale);
  };
  return { suggestions, normalize, describe: fmt.region };
}

/** BCP 47 language tags, canonicalized by Intl. */
function languageList(fmt: Format): CodeList {
  const suggestions = COMMON_LANGUAGES.map((code) => ({ value: code, label: fmt.language(code) }));
  const normalize = (raw: string): string | null => {
    const byName = codeNamed(suggestions, raw, fmt.locale);
    if (byName !== null) return byName;
    return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(raw.trim()) ? canonicalLanguageTag(raw) : null;
  };
  return { suggestions, normalize, describe: fmt.language };
}

/** Each kind of code list: how it is built, the label of its Add button and what a bad entry says. */
const CODE_LISTS = {
  countries: { build: countryList, add: 'providers.addCountry', invalid: 'errors.invalid_country' },
  languages: { build: languageList, add: 'providers.addLanguage', invalid: 'errors.invalid_language' },
} as const;

/** The code of the suggestion named `raw` in the user's language, whatever its case ("germany" → DE). */
function codeNamed(suggestions: Suggestion[], raw: string, locale: string): string | null {
  const name = raw.trim().toLocaleLowerCase(locale);
  return suggestions.find((s) => s.label.toLocaleLowerCase(locale) === name)?.value ?? null;
}

/**
 * A labelled list of country or language codes in a form: the field's message clears when the list
 * changes (a composite input has no single named control for the form's onChange to see).
 */
export function CodesField(props: {
  codes: keyof typeof CODE_LISTS;
  label: string;
  help: string;
  value: string[];
  onChange(next: string[]): void;
  submit: { fields: Record<string, string | undefined>; clearField(name: string): void };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const kind = CODE_LISTS[props.codes];
  const list = useMemo(() => kind.build(fmt), [kind, fmt]);
  return (
    <Field label={props.label} help={props.help} error={props.submit.fields[props.codes]}>
      {(c) => (
        <ListInput
          control={c}
          value={props.value}
          onChange={(v) => {
            props.onChange(v);
            props.submit.clearField(props.codes);
          }}
          {...list}
          addLabel={t(kind.add)}
          invalidMessage={t(kind.invalid)}
        />
      )}
    </Field>
  );
}
