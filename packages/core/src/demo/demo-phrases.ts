/**
 * What the demo's customers write and agents answer, per topic and language: a few phrasings each,
 * so subjects read like a real inbox in every language the demo organization serves.
 */
const PHRASES: Record<string, Record<string, readonly string[]>> = {
  billing: {
    en: ['Charged twice this month', 'Question about my invoice', 'Wrong VAT on my bill'],
    tr: ['Bu ay iki kez ücret alındı', 'Faturamla ilgili bir soru', 'Faturada yanlış KDV'],
    hu: ['Kétszer terheltek meg ebben a hónapban', 'Kérdés a számlámmal kapcsolatban', 'Hibás ÁFA a számlán'],
    lv: ['Šomēnes divreiz noņemta maksa', 'Jautājums par manu rēķinu', 'Nepareizs PVN rēķinā'],
    ru: ['Деньги списали дважды', 'Вопрос по счёту', 'Неверный НДС в счёте'],
    de: ['Diesen Monat doppelt abgebucht', 'Frage zu meiner Rechnung', 'Falsche MwSt. auf der Rechnung'],
  },
  delivery: {
    en: ['Where is my order?', 'Parcel marked delivered but not here', 'Delivery is a week late'],
    tr: ['Siparişim nerede?', 'Kargo teslim edildi görünüyor ama gelmedi', 'Teslimat bir hafta gecikti'],
    hu: ['Hol van a rendelésem?', 'A csomag kézbesítve, de nem kaptam meg', 'Egy hetet késik a szállítás'],
    lv: [
      'Kur ir mans pasūtījums?',
      'Sūtījums atzīmēts kā piegādāts, bet nav saņemts',
      'Piegāde kavējas nedēļu',
    ],
    ru: ['Где мой заказ?', 'Посылка отмечена доставленной, но её нет', 'Доставка опаздывает на неделю'],
    de: [
      'Wo ist meine Bestellung?',
      'Paket als zugestellt markiert, aber nicht da',
      'Lieferung eine Woche zu spät',
    ],
  },
  refund: {
    en: ['Refund not received yet', 'Please refund my returned jacket', 'How long does a refund take?'],
    tr: ['İadem hâlâ yatmadı', 'İade ettiğim montun parasını istiyorum', 'İade ne kadar sürer?'],
    hu: ['Még nem kaptam vissza a pénzt', 'Kérem a visszaküldött kabát árát', 'Mennyi idő a visszatérítés?'],
    lv: ['Atmaksa vēl nav saņemta', 'Lūdzu atmaksāt atgriezto jaku', 'Cik ilgi notiek atmaksa?'],
    ru: ['Возврат денег ещё не пришёл', 'Верните деньги за куртку', 'Сколько длится возврат?'],
    de: [
      'Erstattung noch nicht erhalten',
      'Bitte Geld für die Rücksendung erstatten',
      'Wie lange dauert die Erstattung?',
    ],
  },
  technical: {
    en: ['App crashes at checkout', 'Cannot upload a photo of the damage', 'Error 500 on the website'],
    tr: ['Uygulama ödeme adımında çöküyor', 'Hasar fotoğrafını yükleyemiyorum', 'Sitede 500 hatası'],
    hu: ['Fizetésnél összeomlik az alkalmazás', 'Nem tudom feltölteni a fotót', '500-as hiba a weboldalon'],
    lv: ['Lietotne avarē pie apmaksas', 'Nevaru augšupielādēt foto', 'Kļūda 500 vietnē'],
    ru: ['Приложение падает при оплате', 'Не могу загрузить фото', 'Ошибка 500 на сайте'],
    de: ['App stürzt beim Bezahlen ab', 'Foto lässt sich nicht hochladen', 'Fehler 500 auf der Website'],
  },
  account_access: {
    en: ['Cannot log in to my account', 'Password reset email never arrives', 'Account locked'],
    tr: ['Hesabıma giriş yapamıyorum', 'Şifre sıfırlama e-postası gelmiyor', 'Hesabım kilitlendi'],
    hu: ['Nem tudok belépni a fiókomba', 'Nem jön meg a jelszó-visszaállító e-mail', 'Zárolták a fiókomat'],
    lv: ['Nevaru pieslēgties kontam', 'Paroles atiestatīšanas e-pasts nepienāk', 'Konts bloķēts'],
    ru: ['Не могу войти в аккаунт', 'Не приходит письмо для сброса пароля', 'Аккаунт заблокирован'],
    de: ['Kann mich nicht anmelden', 'E-Mail zum Zurücksetzen kommt nicht an', 'Konto gesperrt'],
  },
  product_inquiry: {
    en: ['Is this tent waterproof?', 'Which size should I order?', 'Will the blue model be restocked?'],
    tr: ['Bu çadır su geçirmez mi?', 'Hangi bedeni sipariş etmeliyim?', 'Mavi model tekrar gelecek mi?'],
    hu: ['Vízálló ez a sátor?', 'Melyik méretet rendeljem?', 'Lesz még kék modell?'],
    lv: ['Vai šī telts ir ūdensnecaurlaidīga?', 'Kādu izmēru pasūtīt?', 'Vai zilais modelis būs atkal?'],
    ru: ['Эта палатка водонепроницаемая?', 'Какой размер заказать?', 'Будет ли снова синяя модель?'],
    de: [
      'Ist dieses Zelt wasserdicht?',
      'Welche Größe soll ich bestellen?',
      'Kommt das blaue Modell wieder?',
    ],
  },
  cancellation: {
    en: ['Please cancel my order', 'Cancel my subscription', 'Ordered by mistake, cancel please'],
    tr: [
      'Lütfen siparişimi iptal edin',
      'Aboneliğimi iptal etmek istiyorum',
      'Yanlışlıkla sipariş verdim, iptal',
    ],
    hu: [
      'Kérem, mondják le a rendelésemet',
      'Le szeretném mondani az előfizetést',
      'Tévedésből rendeltem, törlést kérek',
    ],
    lv: ['Lūdzu atcelt manu pasūtījumu', 'Atcelt abonementu', 'Pasūtīju kļūdas pēc, lūdzu atcelt'],
    ru: ['Отмените мой заказ', 'Отменить подписку', 'Заказал по ошибке, отмените'],
    de: ['Bitte meine Bestellung stornieren', 'Abo kündigen', 'Versehentlich bestellt, bitte stornieren'],
  },
  complaint: {
    en: [
      'Very disappointed with the service',
      'Nobody answered my last three emails',
      'Rude agent on the phone',
    ],
    tr: ['Hizmetten çok memnun kalmadım', 'Son üç e-postama cevap verilmedi', 'Telefondaki temsilci kabaydı'],
    hu: [
      'Nagyon csalódott vagyok',
      'Az utolsó három e-mailemre senki nem válaszolt',
      'Udvariatlan volt az ügyintéző',
    ],
    lv: ['Ļoti vīlies apkalpošanā', 'Neviens neatbildēja uz trim e-pastiem', 'Nepieklājīgs operators'],
    ru: ['Очень разочарован обслуживанием', 'На три письма никто не ответил', 'Грубый оператор'],
    de: [
      'Sehr enttäuscht vom Service',
      'Auf drei E-Mails keine Antwort',
      'Unfreundlicher Mitarbeiter am Telefon',
    ],
  },
  reply: {
    en: ['Thank you for reaching out. I have looked into this and here is what happens next.'],
    tr: ['Bize ulaştığınız için teşekkürler. Konuyu inceledim, sonraki adımlar şöyle.'],
    hu: ['Köszönjük, hogy megkeresett minket. Utánanéztem, a következő lépések ezek.'],
    lv: ['Paldies, ka sazinājāties. Es to pārbaudīju, un lūk, kas notiks tālāk.'],
    ru: ['Спасибо за обращение. Я проверил ваш вопрос, вот что будет дальше.'],
    // German customers are answered in English: no team speaks German (a gap the demo shows).
    de: ['Thank you for reaching out. I have looked into this and here is what happens next.'],
  },
};

/** A phrasing for a topic in a language (English when the language has none), varied by `n`. */
export function demoSubject(topic: string, language: string, n: number): string {
  const byLanguage = PHRASES[topic] ?? PHRASES.product_inquiry!;
  const options = byLanguage[language] ?? byLanguage.en!;
  return options[n % options.length]!;
}
