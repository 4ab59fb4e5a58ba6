// Knowledge → Articles: every article with its languages, workflow state and stale flag; an
// editor that saves a draft version of one language, submits it for review and publishes it
// (what the caller may do comes from /api/me), and a language's version history with restore.

import type {
  KnowledgeArticle,
  KnowledgeArticleDetail,
  KnowledgeSynonyms,
  KnowledgeVersion,
} from '@shoreline/server/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonColumn, codeColumn, textColumn, timeColumn } from '../../kit/columns';
import { listTexts, ResourceTable } from '../../kit/DataTable';
import { FormActions, fieldBinder, TextField } from '../../kit/fields';
import { useFieldValues } from '../../kit/useFieldValues';
import { ErrorBanner, Notice, PageHeader } from '../../lib/ui';
import { useFormat } from '../../lib/useFormat';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { ArticleTickets } from './ArticleTickets';
import { knowledgeApi } from './api';

export function KnowledgePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const articles = useResource(() => knowledgeApi.articles(), []);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const refresh = (detail: KnowledgeArticleDetail) =>
    articles.set((list) => [...(list ?? []).filter((a) => a.id !== detail.id), detail]);

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        intro={t('knowledge.intro')}
        actions={
          open === null ? (
            <button type="button" className="button-primary" onClick={() => setOpen('new')}>
              {t('knowledge.new')}
            </button>
          ) : null
        }
      />
      {open !== null ? (
        <ArticleEditor
          key={open}
          articleId={open === 'new' ? null : open}
          onSaved={(d) => {
            refresh(d);
            setOpen(d.id);
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {staleCount(articles.data) > 0 ? (
        <Notice>{t('knowledge.staleCount', { count: staleCount(articles.data) })}</Notice>
      ) : null}
      <ResourceTable
        {...listTexts(t, 'knowledge')}
        resource={articles}
        columns={[
          {
            key: 'title',
            header: t('knowledge.articleTitle'),
            rowHeader: true,
            cell: (a) => (
              <button type="button" className="link" onClick={() => setOpen(a.id)}>
                {a.translations.find((x) => x.title)?.title ?? a.slug}
              </button>
            ),
            sortValue: (a) => a.translations[0]?.title ?? a.slug,
          },
          codeColumn<KnowledgeArticle>('slug', t('knowledge.slug'), (a) => a.slug),
          textColumn<KnowledgeArticle>('languages', t('knowledge.languages'), (a) =>
            a.translations.map((x) => `${x.language} · ${t(`knowledge.status.${x.status}`)}`).join(', '),
          ),
          textColumn<KnowledgeArticle>('flags', t('knowledge.flags'), (a) =>
            [a.internal ? t('knowledge.internal') : null, a.stale ? t('knowledge.stale') : null]
              .filter(Boolean)
              .join(', '),
          ),
          timeColumn<KnowledgeArticle>('updated', t('knowledge.updated'), (a) => a.updatedAt, fmt.dateTime),
        ]}
      />
      {can(me, 'knowledge.manage') ? <Synonyms /> : null}
    </>
  );
}

/** A file's bytes as base64 (the upload is JSON). */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const staleCount = (list: KnowledgeArticle[] | undefined) => (list ?? []).filter((a) => a.stale).length;

/** The synonym form's fields (API names; the inputs are named `synonym-…`) and their help. */
const SYNONYM_FIELDS = [
  ['language', 'knowledge.languageHelp'],
  ['terms', 'knowledge.synonyms.termsHelp'],
] as const;

/** Synonym groups per language, which search treats as one word (admins). */
function Synonyms() {
  const { t } = useTranslation();
  const groups = useResource(() => knowledgeApi.synonyms(), []);
  const submit = useSubmit();
  const { values, set, reset } = useFieldValues({ language: 'en', terms: '' });
  const bind = fieldBinder(submit.fields);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const made = await submit.run(() =>
      knowledgeApi.addSynonyms({
        language: values.language,
        terms: values.terms
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    );
    if (made) {
      groups.set((list) => [...(list ?? []), made]);
      reset('terms');
    }
  };
  return (
    <section className="card" aria-labelledby="knowledge-synonyms">
      <h2 id="knowledge-synonyms">{t('knowledge.synonyms.title')}</h2>
      <p className="muted">{t('knowledge.synonyms.intro')}</p>
      <form className="form" onSubmit={add} noValidate>
        <ErrorBanner error={submit.bannerError} />
        <div className="form-grid">
          {SYNONYM_FIELDS.map(([field, help]) => (
            <TextField
              key={field}
              label={t(`knowledge.synonyms.${field}`)}
              help={t(help)}
              {...bind(field, values[field], (v) => set(field, v))}
              name={`synonym-${field}`}
              required
            />
          ))}
        </div>
        <FormActions busy={submit.busy} label={t('knowledge.synonyms.add')} />
      </form>
      <ResourceTable
        {...listTexts(t, 'knowledge.synonyms')}
        resource={groups}
        columns={[
          codeColumn<KnowledgeSynonyms>('language', t('knowledge.synonyms.language'), (g) => g.language),
          textColumn<KnowledgeSynonyms>('terms', t('knowledge.synonyms.terms'), (g) => g.terms.join(', ')),
          buttonColumn<KnowledgeSynonyms>(
            'remove',
            t('knowledge.synonyms.remove'),
            submit.busy,
            async (g) => {
              const done = await submit.run(async () => {
                await knowledgeApi.removeSynonyms(g.id);
                return true;
              });
              if (done) groups.set((list) => (list ?? []).filter((x) => x.id !== g.id));
            },
          ),
        ]}
      />
    </section>
  );
}

function ArticleEditor(props: {
  articleId: string | null;
  onSaved(detail: KnowledgeArticleDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const submit = useSubmit();
  const detail = useResource(
    () => (props.articleId ? knowledgeApi.article(props.articleId) : Promise.resolve(null)),
    [props.articleId],
  );
  const [language, setLanguage] = useState('en');
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const article = detail.data ?? null;
  const latest = article?.latest.find((v) => v.language === language) ?? null;
  // Fill the form from the newest version of the chosen language once it has loaded.
  const key = `${article?.id ?? 'new'}|${language}|${latest?.number ?? 0}`;
  if (article && loadedFor !== key) {
    setLoadedFor(key);
    setTitle(latest?.title ?? '');
    setBody(latest?.body ?? '');
  }
  const bind = fieldBinder(submit.fields);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await submit.run(() =>
      article
        ? knowledgeApi.saveDraft(article.id, { language, title, body })
        : knowledgeApi.create({ slug, language, title, body }),
    );
    if (saved) {
      detail.set(() => saved);
      props.onSaved(saved);
    }
  };
  const step = async (action: 'submit' | 'publish') => {
    if (!article) return;
    const saved = await submit.run(() => knowledgeApi[action](article.id, language));
    if (saved) {
      detail.set(() => saved);
      props.onSaved(saved);
    }
  };

  return (
    <form className="form card" onSubmit={onSave} noValidate>
      <ErrorBanner error={submit.bannerError ?? detail.error} />
      <div className="form-grid">
        {article ? null : (
          <TextField
            label={t('knowledge.slug')}
            help={t('knowledge.slugHelp')}
            {...bind('slug', slug, setSlug)}
            required
          />
        )}
        <TextField
          label={t('knowledge.language')}
          help={t('knowledge.languageHelp')}
          {...bind('language', language, setLanguage)}
          required
          suggestions={article?.translations.map((x) => x.language) ?? []}
        />
        <TextField label={t('knowledge.articleTitle')} {...bind('title', title, setTitle)} required />
      </div>
      <label className="field">
        <span>{t('knowledge.body')}</span>
        <textarea
          name="body"
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={submit.fields.body ? true : undefined}
        />
        {submit.fields.body ? <span className="field-error">{submit.fields.body}</span> : null}
      </label>
      <label className="field">
        <span>{t('knowledge.attach')}</span>
        <input
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
          aria-invalid={submit.fields.contentBase64 ? true : undefined}
          onChange={async (e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (!chosen) return;
            const stored = await submit.run(async () =>
              knowledgeApi.uploadFile({ fileName: chosen.name, contentBase64: await base64Of(chosen) }),
            );
            if (stored)
              setBody((b) => (b.trim() === '' ? stored.markdown : `${b.trimEnd()}\n\n${stored.markdown}`));
          }}
        />
        <span className="field-help">{t('knowledge.attachHelp')}</span>
        {submit.fields.contentBase64 ? (
          <span className="field-error">{submit.fields.contentBase64}</span>
        ) : null}
      </label>
      {latest ? (
        <p className="muted">
          {t('knowledge.latest', {
            number: latest.number,
            status: t(`knowledge.status.${latest.status === 'superseded' ? 'published' : latest.status}`),
          })}
        </p>
      ) : null}
      <FormActions busy={submit.busy} label={t('knowledge.saveDraft')}>
        {article && latest?.status === 'draft' ? (
          <button type="button" onClick={() => step('submit')} disabled={submit.busy}>
            {t('knowledge.submit')}
          </button>
        ) : null}
        {article && latest && can(me, 'knowledge.publish') && latest.status !== 'published' ? (
          <button type="button" onClick={() => step('publish')} disabled={submit.busy}>
            {t('knowledge.publish')}
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          {t('knowledge.close')}
        </button>
      </FormActions>
      {article ? <ArticleTickets articleId={article.id} /> : null}
      {article ? (
        <History
          articleId={article.id}
          language={language}
          key={key}
          onRestored={(d) => {
            detail.set(() => d);
            props.onSaved(d);
          }}
        />
      ) : null}
    </form>
  );
}

function History(props: {
  articleId: string;
  language: string;
  onRestored(d: KnowledgeArticleDetail): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const versions = useResource(
    () => knowledgeApi.versions(props.articleId, props.language).catch(() => []),
    [props.articleId, props.language],
  );
  const submit = useSubmit();
  return (
    <>
      <ErrorBanner error={submit.bannerError} />
      <ResourceTable
        caption={t('knowledge.history')}
        resource={versions}
        rowKey={(v) => String(v.number)}
        empty={t('knowledge.noHistory')}
        columns={[
          textColumn<KnowledgeVersion>('number', t('knowledge.version'), (v) => String(v.number)),
          textColumn<KnowledgeVersion>('title', t('knowledge.articleTitle'), (v) => v.title),
          textColumn<KnowledgeVersion>('status', t('knowledge.state'), (v) =>
            t(`knowledge.versionStatus.${v.status}`),
          ),
          timeColumn<KnowledgeVersion>('created', t('knowledge.saved'), (v) => v.createdAt, fmt.dateTime),
          buttonColumn<KnowledgeVersion>('restore', t('knowledge.restore'), submit.busy, async (v) => {
            const d = await submit.run(() => knowledgeApi.restore(props.articleId, props.language, v.number));
            if (d) props.onRestored(d);
          }),
        ]}
      />
    </>
  );
}
