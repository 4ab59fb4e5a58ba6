// The widget's own strings in the five UI languages. The widget runs on other sites' pages and
// must stay small, so it carries these few instead of the web app's catalogs (src/i18n/locales).

export type WidgetLanguage = 'en' | 'tr' | 'he' | 'hu' | 'lv';

export interface WidgetStrings {
  launcher: string;
  title: string;
  close: string;
  prompt: string;
  emailOptional: string;
  email: string;
  start: string;
  mayHelp: string;
  openNow: string;
  closedNow: string;
  opensAt: string;
  leave: string;
  left: string;
  placeholder: string;
  send: string;
  sending: string;
  typing: string;
  end: string;
  ended: string;
  rate: string;
  comment: string;
  submit: string;
  thanks: string;
  reconnecting: string;
  you: string;
  agent: string;
  error: string;
}

export const STRINGS: Record<WidgetLanguage, WidgetStrings> = {
  en: {
    launcher: 'Chat with us',
    title: 'Support chat',
    close: 'Close',
    prompt: 'How can we help?',
    emailOptional: 'E-mail (optional)',
    email: 'E-mail',
    start: 'Start chat',
    mayHelp: 'These articles may help',
    openNow: 'An agent who speaks your language is available now.',
    closedNow:
      'No one who speaks your language is available right now. Leave a message and we will answer by e-mail.',
    opensAt: 'We open again at {time}.',
    leave: 'Send message',
    left: 'Thank you: we will answer by e-mail.',
    placeholder: 'Write a message…',
    send: 'Send',
    sending: 'sending…',
    typing: 'The agent is typing…',
    end: 'End chat',
    ended: 'The chat has ended. How did we do?',
    rate: 'Rate {n} of 5',
    comment: 'Comment (optional)',
    submit: 'Send rating',
    thanks: 'Thank you for your feedback!',
    reconnecting: 'Reconnecting…',
    you: 'You',
    agent: 'Agent',
    error: 'Something went wrong: {message}',
  },
  tr: {
    launcher: 'Bize yazın',
    title: 'Destek sohbeti',
    close: 'Kapat',
    prompt: 'Size nasıl yardımcı olabiliriz?',
    emailOptional: 'E-posta (isteğe bağlı)',
    email: 'E-posta',
    start: 'Sohbeti başlat',
    mayHelp: 'Bu makaleler yardımcı olabilir',
    openNow: 'Dilinizi konuşan bir temsilci şu anda müsait.',
    closedNow: 'Şu anda dilinizi konuşan kimse müsait değil. Mesaj bırakın, size e-postayla yanıt verelim.',
    opensAt: '{time} itibarıyla yeniden açığız.',
    leave: 'Mesajı gönder',
    left: 'Teşekkürler: size e-postayla yanıt vereceğiz.',
    placeholder: 'Bir mesaj yazın…',
    send: 'Gönder',
    sending: 'gönderiliyor…',
    typing: 'Temsilci yazıyor…',
    end: 'Sohbeti bitir',
    ended: 'Sohbet sona erdi. Nasıldık?',
    rate: '5 üzerinden {n} puan ver',
    comment: 'Yorum (isteğe bağlı)',
    submit: 'Puanı gönder',
    thanks: 'Geri bildiriminiz için teşekkürler!',
    reconnecting: 'Yeniden bağlanılıyor…',
    you: 'Siz',
    agent: 'Temsilci',
    error: 'Bir sorun oluştu: {message}',
  },
  he: {
    launcher: 'צ׳אט איתנו',
    title: 'צ׳אט תמיכה',
    close: 'סגירה',
    prompt: 'איך נוכל לעזור?',
    emailOptional: 'דוא״ל (לא חובה)',
    email: 'דוא״ל',
    start: 'התחלת צ׳אט',
    mayHelp: 'המאמרים האלה עשויים לעזור',
    openNow: 'נציג הדובר את שפתך זמין עכשיו.',
    closedNow: 'אין כרגע נציג זמין הדובר את שפתך. השאירו הודעה ונענה בדוא״ל.',
    opensAt: 'נפתח שוב ב־{time}.',
    leave: 'שליחת הודעה',
    left: 'תודה: נענה לך בדוא״ל.',
    placeholder: 'כתבו הודעה…',
    send: 'שליחה',
    sending: 'נשלח…',
    typing: 'הנציג מקליד…',
    end: 'סיום הצ׳אט',
    ended: 'הצ׳אט הסתיים. איך היה?',
    rate: 'דירוג {n} מתוך 5',
    comment: 'הערה (לא חובה)',
    submit: 'שליחת הדירוג',
    thanks: 'תודה על המשוב!',
    reconnecting: 'מתחבר מחדש…',
    you: 'את/ה',
    agent: 'נציג',
    error: 'משהו השתבש: {message}',
  },
  hu: {
    launcher: 'Írjon nekünk',
    title: 'Ügyfélszolgálati csevegés',
    close: 'Bezárás',
    prompt: 'Miben segíthetünk?',
    emailOptional: 'E-mail (nem kötelező)',
    email: 'E-mail',
    start: 'Csevegés indítása',
    mayHelp: 'Ezek a cikkek segíthetnek',
    openNow: 'Most elérhető egy munkatárs, aki beszéli az Ön nyelvét.',
    closedNow:
      'Jelenleg nincs elérhető munkatárs, aki beszéli az Ön nyelvét. Hagyjon üzenetet, e-mailben válaszolunk.',
    opensAt: 'Újra nyitunk: {time}.',
    leave: 'Üzenet küldése',
    left: 'Köszönjük: e-mailben válaszolunk.',
    placeholder: 'Írjon üzenetet…',
    send: 'Küldés',
    sending: 'küldés…',
    typing: 'A munkatárs ír…',
    end: 'Csevegés befejezése',
    ended: 'A csevegés véget ért. Hogy tetszett?',
    rate: '{n} az 5-ből',
    comment: 'Megjegyzés (nem kötelező)',
    submit: 'Értékelés küldése',
    thanks: 'Köszönjük a visszajelzést!',
    reconnecting: 'Újracsatlakozás…',
    you: 'Ön',
    agent: 'Munkatárs',
    error: 'Hiba történt: {message}',
  },
  lv: {
    launcher: 'Rakstiet mums',
    title: 'Atbalsta tērzēšana',
    close: 'Aizvērt',
    prompt: 'Kā varam palīdzēt?',
    emailOptional: 'E-pasts (nav obligāti)',
    email: 'E-pasts',
    start: 'Sākt tērzēšanu',
    mayHelp: 'Šie raksti var palīdzēt',
    openNow: 'Tagad ir pieejams darbinieks, kurš runā jūsu valodā.',
    closedNow:
      'Pašlaik nav pieejams neviens, kurš runā jūsu valodā. Atstājiet ziņu, un mēs atbildēsim pa e-pastu.',
    opensAt: 'Atkal strādāsim no {time}.',
    leave: 'Sūtīt ziņu',
    left: 'Paldies: atbildēsim pa e-pastu.',
    placeholder: 'Rakstiet ziņu…',
    send: 'Sūtīt',
    sending: 'sūta…',
    typing: 'Darbinieks raksta…',
    end: 'Beigt tērzēšanu',
    ended: 'Tērzēšana ir beigusies. Kā mums gāja?',
    rate: 'Vērtējums {n} no 5',
    comment: 'Komentārs (nav obligāti)',
    submit: 'Sūtīt vērtējumu',
    thanks: 'Paldies par atsauksmi!',
    reconnecting: 'Atjauno savienojumu…',
    you: 'Jūs',
    agent: 'Darbinieks',
    error: 'Radās kļūda: {message}',
  },
};

/** The page's language (a tag such as `tr-TR`), as one of the five; English otherwise. */
export function widgetLanguage(tag: string | null | undefined): WidgetLanguage {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return base in STRINGS ? (base as WidgetLanguage) : 'en';
}

/** Hebrew reads right to left. */
export const isRtl = (l: WidgetLanguage) => l === 'he';
