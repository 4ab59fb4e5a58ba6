// A judged query set for the knowledge search (bench/knowledge-search.bench.ts): eight help-center
// articles written in six languages (English, Turkish, Hungarian, German: PostgreSQL stemmers;
// Hebrew, Latvian: none, the trigram and prefix fallback), and queries as visitors type them —
// paraphrases, inflected forms, typos, missing diacritics — each with the one article that
// answers it. Written for Shoreline by hand; not taken from any search log.

export interface JudgedArticle {
  slug: string;
  /** language → [title, body]. */
  text: Record<string, [string, string]>;
}

export const LANGUAGES = ['en', 'tr', 'hu', 'de', 'he', 'lv'] as const;

export const ARTICLES: JudgedArticle[] = [
  {
    slug: 'reset-password',
    text: {
      en: [
        'I forgot my password',
        'Open Settings, choose Reset password and follow the link we send to your e-mail address. The link works for one hour.',
      ],
      tr: [
        'Şifremi unuttum',
        'Ayarlar menüsünü açın, Şifreyi sıfırla seçeneğini seçin ve e-posta adresinize gönderdiğimiz bağlantıyı izleyin. Bağlantı bir saat geçerlidir.',
      ],
      hu: [
        'Elfelejtettem a jelszavamat',
        'Nyissa meg a Beállításokat, válassza a Jelszó visszaállítása lehetőséget, és kövesse az e-mail címére küldött hivatkozást. A hivatkozás egy óráig érvényes.',
      ],
      de: [
        'Ich habe mein Passwort vergessen',
        'Öffnen Sie die Einstellungen, wählen Sie Passwort zurücksetzen und folgen Sie dem Link, den wir an Ihre E-Mail-Adresse senden. Der Link gilt eine Stunde.',
      ],
      he: [
        'שכחתי את הסיסמה',
        'פתחו את ההגדרות, בחרו איפוס סיסמה ופעלו לפי הקישור שנשלח לכתובת הדוא״ל שלכם. הקישור תקף לשעה אחת.',
      ],
      lv: [
        'Aizmirsu paroli',
        'Atveriet Iestatījumus, izvēlieties Atiestatīt paroli un sekojiet saitei, ko nosūtīsim uz jūsu e-pasta adresi. Saite ir derīga vienu stundu.',
      ],
    },
  },
  {
    slug: 'refund',
    text: {
      en: [
        'How do I get a refund?',
        'Return the item within 30 days. We pay the refund to the card you paid with within 14 days of receiving the return.',
      ],
      tr: [
        'Nasıl para iadesi alırım?',
        'Ürünü 30 gün içinde iade edin. İadeyi aldıktan sonra 14 gün içinde ödemeyi yaptığınız karta para iadesi yaparız.',
      ],
      hu: [
        'Hogyan kaphatom vissza a pénzemet?',
        'Küldje vissza a terméket 30 napon belül. A visszatérítést a visszaküldés beérkezésétől számított 14 napon belül utaljuk arra a kártyára, amellyel fizetett.',
      ],
      de: [
        'Wie bekomme ich eine Rückerstattung?',
        'Senden Sie den Artikel innerhalb von 30 Tagen zurück. Wir erstatten den Betrag innerhalb von 14 Tagen nach Eingang der Rücksendung auf die Karte, mit der Sie bezahlt haben.',
      ],
      he: [
        'איך מקבלים החזר כספי?',
        'החזירו את המוצר תוך 30 יום. אנו מעבירים את ההחזר לכרטיס שבו שילמתם תוך 14 יום מקבלת ההחזרה.',
      ],
      lv: [
        'Kā saņemt naudas atmaksu?',
        'Atgrieziet preci 30 dienu laikā. Atmaksu pārskaitām uz karti, ar kuru maksājāt, 14 dienu laikā pēc atgrieztās preces saņemšanas.',
      ],
    },
  },
  {
    slug: 'track-order',
    text: {
      en: [
        'Where is my order?',
        'Open Orders and choose the order to see its tracking number and where the parcel is now. Tracking starts when the parcel leaves our warehouse.',
      ],
      tr: [
        'Siparişim nerede?',
        'Siparişler bölümünü açın ve siparişi seçerek kargo takip numarasını ve paketin şu an nerede olduğunu görün. Takip, paket depomuzdan çıktığında başlar.',
      ],
      hu: [
        'Hol van a rendelésem?',
        'Nyissa meg a Rendeléseket, és válassza ki a rendelést a csomagkövetési szám és a csomag jelenlegi helyének megtekintéséhez. A követés akkor indul, amikor a csomag elhagyja raktárunkat.',
      ],
      de: [
        'Wo ist meine Bestellung?',
        'Öffnen Sie Bestellungen und wählen Sie die Bestellung, um die Sendungsnummer und den aktuellen Standort des Pakets zu sehen. Die Sendungsverfolgung beginnt, wenn das Paket unser Lager verlässt.',
      ],
      he: [
        'איפה ההזמנה שלי?',
        'פתחו את ההזמנות ובחרו בהזמנה כדי לראות את מספר המעקב ואיפה החבילה נמצאת עכשיו. המעקב מתחיל כשהחבילה יוצאת מהמחסן שלנו.',
      ],
      lv: [
        'Kur ir mans pasūtījums?',
        'Atveriet Pasūtījumus un izvēlieties pasūtījumu, lai redzētu sūtījuma izsekošanas numuru un to, kur paka atrodas tagad. Izsekošana sākas, kad paka atstāj mūsu noliktavu.',
      ],
    },
  },
  {
    slug: 'change-address',
    text: {
      en: [
        'Change the delivery address',
        'You can change the delivery address of an order until it is shipped: open the order and choose Edit address.',
      ],
      tr: [
        'Teslimat adresini değiştirme',
        'Siparişin teslimat adresini kargoya verilene kadar değiştirebilirsiniz: siparişi açın ve Adresi düzenle seçeneğini seçin.',
      ],
      hu: [
        'A szállítási cím módosítása',
        'A rendelés szállítási címét a feladásig módosíthatja: nyissa meg a rendelést, és válassza a Cím szerkesztése lehetőséget.',
      ],
      de: [
        'Lieferadresse ändern',
        'Sie können die Lieferadresse einer Bestellung ändern, bis sie versandt ist: Öffnen Sie die Bestellung und wählen Sie Adresse bearbeiten.',
      ],
      he: [
        'שינוי כתובת המשלוח',
        'אפשר לשנות את כתובת המשלוח של הזמנה עד שהיא נשלחת: פתחו את ההזמנה ובחרו עריכת כתובת.',
      ],
      lv: [
        'Piegādes adreses maiņa',
        'Pasūtījuma piegādes adresi varat mainīt, līdz tas ir nosūtīts: atveriet pasūtījumu un izvēlieties Rediģēt adresi.',
      ],
    },
  },
  {
    slug: 'cancel-subscription',
    text: {
      en: [
        'Cancel your subscription',
        'Go to Account, then Subscription, and choose Cancel subscription. You keep access until the end of the period you paid for.',
      ],
      tr: [
        'Aboneliğinizi iptal edin',
        'Hesap, ardından Abonelik bölümüne gidin ve Aboneliği iptal et seçeneğini seçin. Ödediğiniz dönemin sonuna kadar erişiminiz devam eder.',
      ],
      hu: [
        'Az előfizetés lemondása',
        'Lépjen a Fiók, majd az Előfizetés menüpontra, és válassza az Előfizetés lemondása lehetőséget. A kifizetett időszak végéig megtartja a hozzáférést.',
      ],
      de: [
        'Abonnement kündigen',
        'Gehen Sie zu Konto und dann Abonnement und wählen Sie Abonnement kündigen. Sie behalten den Zugang bis zum Ende des bezahlten Zeitraums.',
      ],
      he: ['ביטול המנוי', 'עברו לחשבון ואז למנוי ובחרו ביטול מנוי. הגישה נשמרת עד סוף התקופה ששילמתם עליה.'],
      lv: [
        'Abonementa atcelšana',
        'Dodieties uz Konts, tad Abonements, un izvēlieties Atcelt abonementu. Piekļuve saglabājas līdz apmaksātā perioda beigām.',
      ],
    },
  },
  {
    slug: 'damaged-parcel',
    text: {
      en: [
        'My parcel arrived damaged',
        'Take a photo of the parcel and the item, then report the damage from the order page within 7 days. We send a replacement or refund you.',
      ],
      tr: [
        'Kargom hasarlı geldi',
        'Paketin ve ürünün fotoğrafını çekin, ardından hasarı 7 gün içinde sipariş sayfasından bildirin. Yenisini göndeririz ya da ücretinizi iade ederiz.',
      ],
      hu: [
        'Sérült csomagot kaptam',
        'Fényképezze le a csomagot és a terméket, majd 7 napon belül jelentse a sérülést a rendelés oldalán. Cseretermék küldünk, vagy visszatérítjük az árát.',
      ],
      de: [
        'Mein Paket kam beschädigt an',
        'Fotografieren Sie das Paket und den Artikel und melden Sie den Schaden innerhalb von 7 Tagen auf der Bestellseite. Wir schicken Ersatz oder erstatten den Betrag.',
      ],
      he: [
        'החבילה הגיעה פגומה',
        'צלמו את החבילה ואת המוצר ודווחו על הנזק מדף ההזמנה תוך 7 ימים. נשלח מוצר חלופי או נחזיר לכם את הכסף.',
      ],
      lv: [
        'Paka pienāca bojāta',
        'Nofotografējiet paku un preci, tad 7 dienu laikā ziņojiet par bojājumu pasūtījuma lapā. Mēs nosūtīsim jaunu preci vai atmaksāsim naudu.',
      ],
    },
  },
  {
    slug: 'invoice',
    text: {
      en: [
        'Download an invoice',
        'Every order has an invoice as a PDF: open the order and choose Download invoice. Invoices show VAT and your billing address.',
      ],
      tr: [
        'Fatura indirme',
        'Her siparişin PDF olarak bir faturası vardır: siparişi açın ve Faturayı indir seçeneğini seçin. Faturalarda KDV ve fatura adresiniz yer alır.',
      ],
      hu: [
        'Számla letöltése',
        'Minden rendeléshez PDF számla tartozik: nyissa meg a rendelést, és válassza a Számla letöltése lehetőséget. A számlán szerepel az áfa és a számlázási cím.',
      ],
      de: [
        'Rechnung herunterladen',
        'Zu jeder Bestellung gibt es eine Rechnung als PDF: Öffnen Sie die Bestellung und wählen Sie Rechnung herunterladen. Rechnungen zeigen die Mehrwertsteuer und Ihre Rechnungsadresse.',
      ],
      he: [
        'הורדת חשבונית',
        'לכל הזמנה יש חשבונית בקובץ PDF: פתחו את ההזמנה ובחרו הורדת חשבונית. בחשבונית מופיעים המע״מ וכתובת החיוב שלכם.',
      ],
      lv: [
        'Rēķina lejupielāde',
        'Katram pasūtījumam ir rēķins PDF formātā: atveriet pasūtījumu un izvēlieties Lejupielādēt rēķinu. Rēķinos norādīts PVN un jūsu norēķinu adrese.',
      ],
    },
  },
  {
    slug: 'two-step',
    text: {
      en: [
        'Turn on two-step verification',
        'Protect your account with a code from an authenticator app: open Security and choose Turn on two-step verification.',
      ],
      tr: [
        'İki adımlı doğrulamayı açın',
        'Hesabınızı bir doğrulama uygulamasından gelen kodla koruyun: Güvenlik bölümünü açın ve İki adımlı doğrulamayı aç seçeneğini seçin.',
      ],
      hu: [
        'Kétlépcsős azonosítás bekapcsolása',
        'Védje fiókját egy hitelesítő alkalmazás kódjával: nyissa meg a Biztonság menüt, és válassza a Kétlépcsős azonosítás bekapcsolása lehetőséget.',
      ],
      de: [
        'Zwei-Schritt-Verifizierung aktivieren',
        'Schützen Sie Ihr Konto mit einem Code aus einer Authentifizierungs-App: Öffnen Sie Sicherheit und wählen Sie Zwei-Schritt-Verifizierung aktivieren.',
      ],
      he: [
        'הפעלת אימות דו-שלבי',
        'הגנו על החשבון בקוד מאפליקציית אימות: פתחו את האבטחה ובחרו הפעלת אימות דו-שלבי.',
      ],
      lv: [
        'Divpakāpju verifikācijas ieslēgšana',
        'Aizsargājiet kontu ar kodu no autentifikācijas lietotnes: atveriet Drošība un izvēlieties Ieslēgt divpakāpju verifikāciju.',
      ],
    },
  },
];

/** [language, query as typed, slug of the article that answers it]. */
export const QUERIES: [string, string, string][] = [
  ['en', 'forgot password', 'reset-password'],
  ['en', 'pasword reset', 'reset-password'],
  ['en', 'refunds', 'refund'],
  ['en', 'money back for a return', 'refund'],
  ['en', 'track my parcel', 'track-order'],
  ['en', 'wrong delivery adress', 'change-address'],
  ['en', 'cancel subscription', 'cancel-subscription'],
  ['en', 'box arrived broken damaged', 'damaged-parcel'],
  ['en', 'invoice pdf', 'invoice'],
  ['en', 'authenticator code', 'two-step'],
  ['tr', 'şifremi unuttm', 'reset-password'],
  ['tr', 'sifre sifirlama', 'reset-password'],
  ['tr', 'para iadesi', 'refund'],
  ['tr', 'siparisim nerede', 'track-order'],
  ['tr', 'kargo takip numarası', 'track-order'],
  ['tr', 'adres değiştirmek', 'change-address'],
  ['tr', 'abonelik iptali', 'cancel-subscription'],
  ['tr', 'hasarlı paket', 'damaged-parcel'],
  ['tr', 'faturamı indir', 'invoice'],
  ['tr', 'iki adimli dogrulama', 'two-step'],
  ['hu', 'elfelejtett jelszó', 'reset-password'],
  ['hu', 'jelszo visszaallitas', 'reset-password'],
  ['hu', 'visszatérítés', 'refund'],
  ['hu', 'csomagkövetés', 'track-order'],
  ['hu', 'szállítási címet módosítani', 'change-address'],
  ['hu', 'előfizetés lemondás', 'cancel-subscription'],
  ['hu', 'sérült csomag', 'damaged-parcel'],
  ['hu', 'szamla letoltes', 'invoice'],
  ['hu', 'kétlépcsős', 'two-step'],
  ['de', 'passwort vergessen', 'reset-password'],
  ['de', 'pasword zurücksetzen', 'reset-password'],
  ['de', 'rückerstattung', 'refund'],
  ['de', 'geld zurück', 'refund'],
  ['de', 'sendungsverfolgung', 'track-order'],
  ['de', 'lieferadresse ändern', 'change-address'],
  ['de', 'abo kündigen', 'cancel-subscription'],
  ['de', 'paket beschädigt', 'damaged-parcel'],
  ['de', 'rechnungen', 'invoice'],
  ['he', 'שכחתי סיסמה', 'reset-password'],
  ['he', 'איפוס סיסמא', 'reset-password'],
  ['he', 'החזר כספי', 'refund'],
  ['he', 'מעקב חבילה', 'track-order'],
  ['he', 'לשנות כתובת', 'change-address'],
  ['he', 'ביטול מנוי', 'cancel-subscription'],
  ['he', 'חבילה פגומה', 'damaged-parcel'],
  ['he', 'חשבונית', 'invoice'],
  ['he', 'אימות דו שלבי', 'two-step'],
  ['lv', 'aizmirsu paroli', 'reset-password'],
  ['lv', 'paroles atiestatīšana', 'reset-password'],
  ['lv', 'naudas atmaksa', 'refund'],
  ['lv', 'kur mans pasutijums', 'track-order'],
  ['lv', 'mainīt adresi', 'change-address'],
  ['lv', 'atcelt abonementu', 'cancel-subscription'],
  ['lv', 'bojāta paka', 'damaged-parcel'],
  ['lv', 'rēķins', 'invoice'],
  ['lv', 'divpakapju', 'two-step'],
];
