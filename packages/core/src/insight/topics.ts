/**
 * Contact-reason extraction: tags and categories first, then multilingual keywords in the subject
 * and text. A transparent keyword lexicon (English, Turkish, Hebrew, Hungarian, Latvian, German,
 * French, Spanish, Italian) rather than a model: every assignment can be explained by the word
 * that matched. Matching is on lower-cased, diacritic-folded text, by word prefix.
 */
export const TOPICS = [
  'billing',
  'refund',
  'cancellation',
  'delivery',
  'account_access',
  'technical',
  'product_inquiry',
  'complaint',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Keywords per topic (matched on folded text, by word prefix; see extractTopic). */
export const LEXICON: Readonly<Record<Topic, readonly string[]>> = {
  refund: [
    'refund',
    'money back',
    'iade',
    'para iade',
    'החזר',
    'visszaterites',
    'atmaksa',
    'erstattung',
    'rembourse',
    'reembolso',
    'rimborso',
  ],
  cancellation: [
    'cancel',
    'unsubscribe',
    'iptal',
    'ביטול',
    'lemond',
    'atcel',
    'kundig',
    'stornier',
    'annul',
    'cancelacion',
    'disdett',
  ],
  billing: [
    'bill',
    'invoice',
    'charge',
    'payment',
    'paid',
    'fatura',
    'odeme',
    'חשבונית',
    'תשלום',
    'szamla',
    'fizetes',
    'rekin',
    'maksajum',
    'rechnung',
    'zahlung',
    'factur',
    'paiement',
    'pago',
    'fattura',
    'pagamento',
  ],
  delivery: [
    'deliver',
    'shipping',
    'shipment',
    'parcel',
    'package',
    'tracking',
    'kargo',
    'teslim',
    'משלוח',
    'szallit',
    'csomag',
    'piegad',
    'lieferung',
    'livraison',
    'entrega',
    'envio',
    'consegna',
    'spedizion',
  ],
  account_access: [
    'password',
    'login',
    'log in',
    'sign in',
    'account access',
    'locked out',
    '2fa',
    'sifre',
    'giris',
    'סיסמה',
    'jelszo',
    'bejelentkez',
    'parole',
    'pieslegt',
    'passwort',
    'anmeld',
    'mot de passe',
    'contrasena',
    'accesso',
  ],
  technical: [
    'error',
    'bug',
    'crash',
    'not working',
    "doesn't work",
    'broken',
    'issue',
    'hata',
    'calismiyor',
    'ariza',
    'תקלה',
    'שגיאה',
    'hiba',
    'nem mukodik',
    'kluda',
    'nestrada',
    'fehler',
    'funktioniert nicht',
    'erreur',
    'panne',
    'fallo',
    'no funciona',
    'errore',
    'guasto',
    'network',
    'software',
    'hardware',
    'display',
    'battery',
    'install',
    'data loss',
  ],
  product_inquiry: [
    'how do i',
    'how to',
    'question',
    'recommend',
    'compatib',
    'price',
    'soru',
    'nasil',
    'שאלה',
    'kerdes',
    'jautajum',
    'frage',
    'question',
    'pregunta',
    'domanda',
  ],
  complaint: [
    'complain',
    'terrible',
    'awful',
    'worst',
    'disappoint',
    'sikayet',
    'תלונה',
    'panasz',
    'sudzib',
    'beschwerde',
    'plainte',
    'queja',
    'reclamo',
  ],
};

/** Any UTF-16 code unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cases and strips diacritics (NFD then drop combining marks); ı → i, so Turkish folds too. */
export function foldText(text: string): string {
  // ASCII has no marks to strip and nothing NFD changes: lower-casing is the whole fold (most
  // imported text, and the normalisation was most of extracting a topic from it).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replaceAll('ı', 'i');
}

/**
 * The topic of a ticket: the first tag or category naming a known topic (or a lexicon keyword),
 * else the topic whose keywords first match the subject, else the description. Returns null when
 * nothing matches: unknown stays unknown rather than guessed.
 *
 * @example extractTopic({ tags: [], subject: 'Fatura hatası', text: null }) // 'billing'
 */
export function extractTopic(input: {
  tags: readonly string[];
  subject: string | null;
  text: string | null;
}): Topic | null {
  for (const tag of input.tags) {
    const folded = foldText(tag).replaceAll(/[\s-]+/g, '_');
    if ((TOPICS as readonly string[]).includes(folded)) return folded as Topic;
    const byKeyword = matchKeywords(foldText(tag));
    if (byKeyword) return byKeyword;
  }
  const { subject, text } = input;
  if (subject) {
    const found = matchKeywords(foldText(subject));
    if (found) return found;
  }
  // A description equal to the subject (a short post is both) was searched just now.
  if (text && text !== subject) return matchKeywords(foldText(text));
  return null;
}

const FOLDED_LEXICON: [Topic, string[]][] = Object.entries(LEXICON).map(([topic, words]) => [
  topic as Topic,
  words.map(foldText),
]);

/**
 * Any keyword anywhere, as one pattern: most texts hold none, and one scan says so where the loop
 * below makes an indexOf pass per keyword. Where this finds nothing, no indexOf can either.
 */
const ANY_KEYWORD = new RegExp(
  FOLDED_LEXICON.flatMap(([, words]) => words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

function matchKeywords(folded: string): Topic | null {
  if (!ANY_KEYWORD.test(folded)) return null;
  for (const [topic, words] of FOLDED_LEXICON) {
    for (const word of words) {
      const at = folded.indexOf(word);
      if (at >= 0 && (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!))) return topic;
    }
  }
  return null;
}
