/**
 * The help center's only script (`/help/<slug>/chat.js`, ≈ 2 kB), on pages whose help center offers
 * a chat widget: it shows the "chat with us" buttons (hidden without script, where the contact form
 * stands alone) and loads the widget (`/widget.js`, ≈ 17 kB) only when the visitor asks for a chat,
 * then opens it with what this session read and searched (`chat-context`, read with the session
 * cookie), so the agent sees it on the ticket. A chat already in progress in this tab (the widget's
 * sessionStorage) loads the widget at once, so it follows the visitor from page to page.
 * Plain ES2017 in a string: the server's TypeScript has no DOM, and this is all the page runs.
 */
export const CHAT_LOADER_JS = `(function () {
  var me = document.currentScript;
  if (!me) return;
  var key = me.getAttribute('data-key');
  var widget = me.getAttribute('data-widget');
  var contextUrl = me.getAttribute('data-context');
  var lang = document.documentElement.lang;
  var loaded = null;
  function load() {
    if (window.Shoreline) return Promise.resolve();
    if (!loaded)
      loaded = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = widget;
        s.async = true;
        s.setAttribute('data-shoreline-key', key);
        s.setAttribute('data-lang', lang);
        s.onload = function () { resolve(); };
        s.onerror = function () { loaded = null; reject(new Error('chat widget did not load')); };
        document.head.appendChild(s);
      });
    return loaded;
  }
  function open(button) {
    button.disabled = true;
    var context = fetch(contextUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; });
    Promise.all([context, load()])
      .then(function (r) { window.Shoreline.open(r[0]); })
      .finally(function () { button.disabled = false; });
  }
  var buttons = document.querySelectorAll('[data-shoreline-chat]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function (e) { open(e.currentTarget); });
  }
  try {
    if (sessionStorage.getItem('shoreline-chat:' + key)) load();
  } catch (e) {}
})();
`;
