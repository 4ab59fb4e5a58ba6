// Sets a selection stage's owner and due date (the completion date is the day the stage is
// completed, by the server's clock): a stage planned ahead, or handed to someone else.

import type { SourceSelection } from '@shoreline/server/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionsOf, SelectField, TextField } from '../../kit/fields';
import { ErrorBanner } from '../../lib/ui';
import { sourceApi } from './api';
import { useSaveForm } from './useSaveForm';

type StageName = SourceSelection['stages'][number]['stage'];

export function StageForm(props: { selection: SourceSelection; onSaved(): void }) {
  const { t } = useTranslation();
  const stages = props.selection.stages.map((s) => s.stage);
  const first = (props.selection.stage === 'closed' ? stages[0] : props.selection.stage) as StageName;
  const [stage, setStage] = useState<StageName>(first);
  const record = props.selection.stages.find((s) => s.stage === stage);
  const [owner, setOwner] = useState(record?.owner ?? '');
  const [dueOn, setDueOn] = useState(record?.dueOn ?? '');
  const { error, onSubmitWith } = useSaveForm();
  const choose = (next: StageName) => {
    const r = props.selection.stages.find((s) => s.stage === next);
    setStage(next);
    setOwner(r?.owner ?? '');
    setDueOn(r?.dueOn ?? '');
  };
  const submit = onSubmitWith(async () => {
    await sourceApi.editStages(props.selection.id, {
      stage,
      owner: owner.trim() ? owner.trim() : null,
      dueOn: dueOn || null,
    });
    props.onSaved();
  });
  return (
    <form onSubmit={submit} data-testid="stage-form" className="source-form">
      <h3>{t('source.stageForm.title')}</h3>
      <ErrorBanner error={error} />
      <SelectField
        label={t('source.selection.stage')}
        value={stage}
        onValue={choose}
        options={optionsOf(stages, (s) => t(`source.stage.${s}` as 'source.stage.rfi'))}
      />
      <TextField label={t('source.selection.owner')} maxLength={120} value={owner} onValue={setOwner} />
      <TextField label={t('source.selection.dueOn')} type="date" value={dueOn} onValue={setDueOn} />
      <button type="submit">{t('source.stageForm.save')}</button>
    </form>
  );
}
