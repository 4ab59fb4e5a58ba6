import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, posix, relative, sep } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import matter from 'gray-matter';
import type { Clock } from '../../../platform/clock.js';
import { validationError } from '../../../platform/http/validation.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { ALLOWED_FILE_TYPES, fileMarkdown } from '../files.js';
import { authorize } from '../policy.js';
import { type KnowledgeExport, KnowledgeExportSchema, MAX_FILE_BYTES } from '../schemas.js';
import { settingsRow } from '../service.js';
import { importKnowledge } from '../transfer.js';
import { badFile, iso, localeTag, names, slugOf } from './common.js';

/** A file of the folder: its path relative to the folder (with `/`) and its bytes. */
export interface FolderFile {
  path: string;
  content: Buffer;
}

type ExportArticle = KnowledgeExport['articles'][number];
type ExportTranslation = ExportArticle['translations'][number];

// Markdown images and links whose target is a relative path (not a URL, not an anchor, not absolute).
const RELATIVE_TARGET = /(!?\[[^\]]*\])\(\s*<?([^)\s>]+)>?(\s+"[^"]*")?\s*\)/g;
const isRelative = (target: string) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(target);

/**
 * A folder of Markdown files as our export document (docs/knowledge-export.md). Each `.md` file is
 * one translation; its YAML front matter (gray-matter, npm, MIT) may name `title` (else the first
 * `# heading`, else the file name), `language` (else the help center's default), `slug` (else from
 * the title; files sharing a slug are one article in several languages), `category` (a category
 * with one section of that name), `internal` and `draft`. Images and files it references by a
 * relative path are read from the folder, checked by their bytes like uploads, stored once by
 * SHA-256 and linked as `../../files/<sha>`; a missing or refused one is an error naming the file.
 */
export async function markdownFolderToExport(
  files: readonly FolderFile[],
  defaultLanguage: string,
  now: string,
): Promise<KnowledgeExport> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const stored = new Map<string, { sha256: string; fileName: string; contentType: string; base64: string }>();
  const categories = new Map<string, string>();
  const articles = new Map<string, ExportArticle>();
  const markdown = files
    .filter((f) => extname(f.path).toLowerCase() === '.md')
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of markdown) {
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(file.content.toString('utf8'));
    } catch (err) {
      throw badFile('markdown', file.path, `front matter is not valid YAML (${(err as Error).message})`);
    }
    const data = parsed.data as Record<string, unknown>;
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
    let body = parsed.content.trim();
    let title = text('title');
    const heading = /^#\s+(.+)\n*/.exec(body);
    if (!title && heading) {
      title = heading[1]!.trim();
      body = body.slice(heading[0].length);
    }
    if (!title) title = posix.basename(file.path, extname(file.path)).replace(/[-_]+/g, ' ');
    const language = localeTag(text('language') || null, defaultLanguage);
    const slug = slugOf(text('slug') || title, `article-${articles.size + 1}`);
    const category = text('category');
    if (category) categories.set(slugOf(category, `category-${categories.size + 1}`), category);
    body = await relink(body, file.path, byPath, stored);
    const createdAt = iso(data.date instanceof Date ? data.date.toISOString() : text('date'), now);
    const draft = data.draft === true;
    const translation: ExportTranslation = {
      language,
      status: draft ? 'draft' : 'published',
      publishedVersion: draft ? null : 1,
      publishedAt: draft ? null : createdAt,
      versions: [
        {
          number: 1,
          title: title.slice(0, 300),
          body,
          status: draft ? 'draft' : 'published',
          authorId: 'import:markdown',
          reviewerId: null,
          restoredFrom: null,
          createdAt,
        },
      ],
    };
    const article = articles.get(slug);
    if (article) {
      if (article.translations.some((t) => t.language === language))
        throw badFile('markdown', file.path, `a second "${language}" text of the article "${slug}"`);
      article.translations.push(translation);
      article.translations.sort((a, b) => (a.language < b.language ? -1 : 1));
      continue;
    }
    articles.set(slug, {
      slug,
      section: category ? slugOf(category, `category-${categories.size}`) : null,
      ownerId: null,
      reviewBy: null,
      internal: data.internal === true,
      createdAt,
      translations: [translation],
    });
  }
  return {
    format: 'shoreline-knowledge',
    version: 1,
    categories: [...categories.entries()].map(([slug, name], position) => ({
      slug,
      names: names([[defaultLanguage, name]], slug),
      position,
      sections: [{ slug, names: names([[defaultLanguage, name]], slug), position: 0 }],
    })),
    articles: [...articles.values()],
    files: [...stored.values()].map((f) => ({
      sha256: f.sha256,
      fileName: f.fileName,
      contentType: f.contentType,
      contentBase64: f.base64,
    })),
  };
}

/** Rewrites the body's relative images and file links to stored files. */
async function relink(
  body: string,
  from: string,
  byPath: ReadonlyMap<string, FolderFile>,
  stored: Map<string, { sha256: string; fileName: string; contentType: string; base64: string }>,
): Promise<string> {
  const targets = [...body.matchAll(RELATIVE_TARGET)].filter(
    (m) => isRelative(m[2]!) && !m[2]!.endsWith('.md'),
  );
  const replacements = new Map<string, string>();
  for (const m of targets) {
    const target = decodeURI(m[2]!.split(/[?#]/)[0]!);
    const path = posix.normalize(posix.join(posix.dirname(from), target));
    const file = byPath.get(path);
    if (!file) throw badFile('markdown', from, `"${m[2]}" is not in the folder`);
    if (file.content.length > MAX_FILE_BYTES)
      throw badFile('markdown', from, `"${m[2]}" is larger than ${MAX_FILE_BYTES} bytes`);
    const type = await fileTypeFromBuffer(file.content);
    if (!type || !ALLOWED_FILE_TYPES[type.mime])
      throw badFile('markdown', from, `"${m[2]}" is not a PNG, JPEG, GIF or WebP image or a PDF`);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const fileName = posix.basename(path);
    stored.set(sha256, { sha256, fileName, contentType: type.mime, base64: file.content.toString('base64') });
    const shown = fileMarkdown(sha256, fileName, type.mime);
    // Keep the author's label; only the target changes.
    replacements.set(m[0], `${m[1]}${shown.slice(shown.indexOf('('))}`);
  }
  return body.replace(RELATIVE_TARGET, (whole) => replacements.get(whole) ?? whole);
}

/** Every file under `dir` (hidden ones skipped), with paths relative to it. */
export async function readFolder(dir: string): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    out.push({ path, content: await readFile(full) });
  }
  return out;
}

/**
 * `shoreline knowledge import --markdown DIR`: the folder's articles into an empty knowledge base,
 * through the exit plan's import (the same checks as an export document).
 */
export async function importMarkdownFolder(
  s: ScopedDb,
  clock: Clock,
  files: readonly FolderFile[],
): Promise<{ categories: number; articles: number; versions: number }> {
  authorize(s.actor, 'knowledge.manage', 'knowledge base');
  const { default_language: language } = await settingsRow(s, clock);
  const doc = await markdownFolderToExport(files, language, clock.now().toISOString());
  const checked = KnowledgeExportSchema.safeParse(doc);
  if (!checked.success) throw validationError(checked.error.issues, 'markdown');
  return importKnowledge(s, clock, checked.data);
}
