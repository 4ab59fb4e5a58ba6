import type { DeskOverview } from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../lib/ui';
import { useSubmit } from '../../lib/useSubmit';
import { deskApi } from './api';

/** The teams whose queue the agent works: the "My teams" view. */
export function MyTeams({ teams, onSaved }: { teams: DeskOverview['teams']; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(teams.filter((x) => x.member).map((x) => x.id)),
  );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run(() => deskApi.setMyTeams([...chosen]))) onSaved();
  };
  return (
    <details className="desk-teams">
      <summary>{t('desk.teams.title')}</summary>
      <form onSubmit={save}>
        <p className="field-help">{t('desk.teams.help')}</p>
        {teams.map((team) => (
          <label key={team.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(team.id)}
              onChange={() =>
                setChosen((s) => {
                  const out = new Set(s);
                  if (!out.delete(team.id)) out.add(team.id);
                  return out;
                })
              }
            />
            {team.name}
          </label>
        ))}
        <ErrorBanner error={submit.error} />
        <button type="submit" className="button-small" disabled={submit.busy}>
          {t('desk.teams.save')}
        </button>
      </form>
    </details>
  );
}
