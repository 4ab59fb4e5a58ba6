import { LOCALES } from '@shoreline/server/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session';
import { endonym } from '../lib/format';
import { isLocale } from '../lib/i18n';

/** Switches the UI language; saved to the user's profile when signed in, else on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={i18n.language}
        disabled={busy}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          setBusy(true);
          session
            .changeLocale(next)
            .catch(() => {
              // The language still changed on this device; saving it to the profile can wait.
            })
            .finally(() => setBusy(false));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonym(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
