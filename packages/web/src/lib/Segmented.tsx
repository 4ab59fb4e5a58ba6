import '../kit/kit.css';

/** Mutually exclusive buttons (aria-pressed) in a labelled group, styled by the shared `segmented` class; a feature may add its own. */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  className: string;
}) {
  return (
    <fieldset className={`segmented ${props.className}`}>
      <legend className="visually-hidden">{props.label}</legend>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === props.value}
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
