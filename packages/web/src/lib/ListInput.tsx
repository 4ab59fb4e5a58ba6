import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './ui';

/**
 * Edits a list of codes (countries, languages) as removable chips plus a text box with suggestions.
 * `normalize` turns what was typed into a canonical code, or null when it is not valid.
 */
export function ListInput(props: {
  control: ControlProps;
  value: string[];
  onChange(next: string[]): void;
  normalize(raw: string): string | null;
  suggestions: { value: string; label: string }[];
  describe(code: string): string;
  addLabel: string;
  invalidMessage: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);

  const add = (): boolean => {
    const raw = text.trim();
    if (!raw) return true;
    const code = props.normalize(raw);
    if (!code) {
      setInvalid(true);
      return false;
    }
    if (!props.value.includes(code)) props.onChange([...props.value, code]);
    setText('');
    setInvalid(false);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !text && props.value.length > 0) {
      props.onChange(props.value.slice(0, -1));
    }
  };

  const invalidId = `${listId}-invalid`;
  const describedBy = [props.control['aria-describedby'], invalid ? invalidId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="list-input">
      {props.value.length > 0 ? (
        <ul className="chips">
          {props.value.map((code) => (
            <li key={code} className="chip">
              <span>
                {props.describe(code)}{' '}
                <bdi className="chip-code" dir="ltr">
                  {code}
                </bdi>
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('common.remove', { item: props.describe(code) })}
                onClick={() => props.onChange(props.value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="list-input-row">
        <input
          id={props.control.id}
          aria-invalid={props.control['aria-invalid'] || invalid || undefined}
          aria-describedby={describedBy || undefined}
          list={`${listId}-options`}
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setInvalid(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (text.trim()) add();
          }}
        />
        <button type="button" className="button-secondary" onClick={add}>
          {props.addLabel}
        </button>
      </div>
      <datalist id={`${listId}-options`}>
        {props.suggestions.map((s) => (
          <option key={s.value} value={s.value} label={s.label} />
        ))}
      </datalist>
      {invalid ? (
        <p className="field-error" id={invalidId}>
          {props.invalidMessage}
        </p>
      ) : null}
    </div>
  );
}
