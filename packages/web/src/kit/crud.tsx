// The pattern of a list-and-edit admin page (providers, teams, mailboxes): routes for the list, a
// new record and one record; the list's header with its New link and the notice a save leaves for
// it; the create/edit page's header, load error and loading state; the editor form with its
// banners, a fieldset read-only users cannot change, and Save/Create + Cancel back to the list.
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { ErrorBanner, Loading, Notice, PageHeader } from '../lib/ui';
import { FormActions, FormProblems } from './fields';

export function CrudRoutes(props: { list: ReactNode; create: ReactNode; edit: ReactNode }) {
  return (
    <Routes>
      <Route index element={props.list} />
      <Route path="new" element={props.create} />
      <Route path=":id" element={props.edit} />
    </Routes>
  );
}

/** The "saved" notice a create or edit page passed back to the list through navigation state. */
export function SavedNotice() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return notice ? <Notice>{notice}</Notice> : null;
}

/**
 * The list page's header: title, intro and, for those who may write, the link to a new record
 * (`newTo`, "new" unless a query string carries a filter over); then the notice a save left.
 */
export function ListHeader(props: {
  title: string;
  intro: string;
  newLabel: string;
  canWrite: boolean;
  newTo?: string;
}) {
  return (
    <>
      <PageHeader
        title={props.title}
        intro={props.intro}
        actions={
          props.canWrite ? (
            <Link to={props.newTo ?? 'new'} className="button button-primary">
              {props.newLabel}
            </Link>
          ) : null
        }
      />
      <SavedNotice />
    </>
  );
}

/** Back to the list: the header action of the create and edit pages. */
export function BackLink() {
  const { t } = useTranslation();
  return <Link to="..">{t('common.back')}</Link>;
}

/**
 * A create or edit page around its form: the title with the way back to the list, what failed to
 * load (with retry), and the form, or "Loading" while what it needs is still on its way.
 */
export function EditorPage(props: {
  title: string;
  error: unknown;
  onRetry(): void;
  loading: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={props.title} actions={<BackLink />} />
      <ErrorBanner error={props.error} onRetry={props.onRetry} />
      {props.loading ? <Loading /> : props.children}
    </>
  );
}

export function EditorForm(props: {
  submit: {
    busy: boolean;
    hasFieldErrors: boolean;
    bannerError: unknown;
    onChange(e: FormEvent<HTMLFormElement>): void;
  };
  onSubmit(e: FormEvent): void;
  canWrite: boolean;
  /** Editing an existing record (Save) rather than creating one (Create). */
  editing: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { submit } = props;
  return (
    <form className="form card" onSubmit={props.onSubmit} onChange={submit.onChange} noValidate>
      <FormProblems submit={submit} />
      <fieldset className="plain" disabled={!props.canWrite || submit.busy}>
        {props.children}
      </fieldset>
      {props.canWrite ? (
        <FormActions
          busy={submit.busy}
          busyLabel={t('common.saving')}
          label={props.editing ? t('common.save') : t('common.create')}
        >
          <Link to=".." className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      ) : null}
    </form>
  );
}
