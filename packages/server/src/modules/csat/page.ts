import { type SurveyStrings, surveyStrings } from './strings.js';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type SurveyPageState = 'open' | 'answered' | 'thanks' | 'unknown';

/**
 * The customer's survey page (the e-mailed link): a 1–5 choice and a comment posted as a plain
 * form, no script, in the customer's language (Hebrew right to left).
 */
export function surveyPage(language: string | null, state: SurveyPageState, token: string): string {
  const { lang, dir, t } = surveyStrings(language);
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(t.title)}</title></head>
<body><main><h1>${esc(t.title)}</h1>${bodyOf(t, state, token)}</main></body>
</html>`;
}

function bodyOf(t: SurveyStrings, state: SurveyPageState, token: string): string {
  if (state === 'unknown') return `<p>${esc(t.unknown)}</p>`;
  if (state === 'answered') return `<p role="status">${esc(t.already)}</p>`;
  if (state === 'thanks') return `<p role="status">${esc(t.thanks)}</p>`;
  const choices = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="score" value="${n}" required> ${n}</label>`)
    .join(' ');
  return `<form method="post" action="/survey/${esc(token)}">
<fieldset><legend>${esc(t.question)}</legend>${choices}<p>${esc(t.scale)}</p></fieldset>
<label>${esc(t.comment)}<br><textarea name="comment" maxlength="2000" rows="4"></textarea></label>
<p><button type="submit">${esc(t.send)}</button></p>
</form>`;
}
