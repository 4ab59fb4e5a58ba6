import { isRightToLeft, primaryLanguage } from '@shoreline/core';

/**
 * The survey's own words per customer language (server-rendered e-mail and page, so not the web
 * app's catalogs); a language missing here falls back to English.
 */
const STRINGS = {
  en: {
    mailSubject: 'How did we do? {subject}',
    mailText:
      'Your request “{subject}” has been solved.\n\nHow did we do? Tell us in one click:\n{url}\n\nThank you.',
    title: 'How did we do?',
    question: 'How satisfied are you with the help you received?',
    scale: '1 = very dissatisfied, 5 = very satisfied',
    comment: 'Comment (optional)',
    send: 'Send',
    thanks: 'Thank you for your answer.',
    already: 'This survey has already been answered. Thank you.',
    unknown: 'This survey link is not valid.',
  },
  tr: {
    mailSubject: 'Nasıldık? {subject}',
    mailText:
      '“{subject}” talebiniz çözüldü.\n\nNasıldık? Tek tıkla bize bildirin:\n{url}\n\nTeşekkür ederiz.',
    title: 'Nasıldık?',
    question: 'Aldığınız yardımdan ne kadar memnunsunuz?',
    scale: '1 = hiç memnun değilim, 5 = çok memnunum',
    comment: 'Yorum (isteğe bağlı)',
    send: 'Gönder',
    thanks: 'Yanıtınız için teşekkür ederiz.',
    already: 'Bu anket zaten yanıtlandı. Teşekkür ederiz.',
    unknown: 'Bu anket bağlantısı geçerli değil.',
  },
  he: {
    mailSubject: 'איך היינו? {subject}',
    mailText: 'הפנייה שלך „{subject}” טופלה.\n\nאיך היינו? ספר/י לנו בלחיצה אחת:\n{url}\n\nתודה.',
    title: 'איך היינו?',
    question: 'עד כמה את/ה מרוצה מהעזרה שקיבלת?',
    scale: '1 = לא מרוצה בכלל, 5 = מרוצה מאוד',
    comment: 'הערה (לא חובה)',
    send: 'שליחה',
    thanks: 'תודה על תשובתך.',
    already: 'כבר ענית על הסקר הזה. תודה.',
    unknown: 'קישור הסקר אינו תקף.',
  },
  hu: {
    mailSubject: 'Milyenek voltunk? {subject}',
    mailText:
      'A(z) „{subject}” kérését megoldottuk.\n\nMilyenek voltunk? Egy kattintással elmondhatja:\n{url}\n\nKöszönjük.',
    title: 'Milyenek voltunk?',
    question: 'Mennyire elégedett a kapott segítséggel?',
    scale: '1 = nagyon elégedetlen, 5 = nagyon elégedett',
    comment: 'Megjegyzés (nem kötelező)',
    send: 'Küldés',
    thanks: 'Köszönjük a válaszát.',
    already: 'Erre a kérdőívre már válaszoltak. Köszönjük.',
    unknown: 'Ez a kérdőív-hivatkozás nem érvényes.',
  },
  lv: {
    mailSubject: 'Kā mums veicās? {subject}',
    mailText:
      'Jūsu pieprasījums “{subject}” ir atrisināts.\n\nKā mums veicās? Pastāstiet ar vienu klikšķi:\n{url}\n\nPaldies.',
    title: 'Kā mums veicās?',
    question: 'Cik apmierināts esat ar saņemto palīdzību?',
    scale: '1 = ļoti neapmierināts, 5 = ļoti apmierināts',
    comment: 'Komentārs (nav obligāts)',
    send: 'Sūtīt',
    thanks: 'Paldies par atbildi.',
    already: 'Uz šo aptauju jau ir atbildēts. Paldies.',
    unknown: 'Šī aptaujas saite nav derīga.',
  },
} as const;

export type SurveyStrings = Record<keyof (typeof STRINGS)['en'], string>;

/** The strings for a language tag (`tr`, `tr-TR`), English when it is not one of the five. */
export function surveyStrings(language: string | null): {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: SurveyStrings;
} {
  const base = primaryLanguage(language ?? 'en');
  const lang = base in STRINGS ? base : 'en';
  return { lang, dir: isRightToLeft(lang) ? 'rtl' : 'ltr', t: STRINGS[lang as keyof typeof STRINGS] };
}

export const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
