// The embeddable chat widget: one script tag, no framework, its own shadow root so the host page's
// styles neither reach it nor are touched by it.
//   <script src="https://support.example/widget.js" data-shoreline-key="wgt_…" async></script>
// Optional: data-lang="tr" (else the page's language). The page may call
// `window.Shoreline.open({ articlesRead, searchText })` to open it with context (the help center
// does: the agent then sees what the customer already read).
import type { ChatClientFrame, ChatServerFrame } from '@shoreline/server/contract';
import { isRtl, STRINGS, type WidgetLanguage, widgetLanguage } from './strings';
import { Transcript } from './transcript';

interface Context {
  articlesRead?: string[];
  searchText?: string;
  page?: string;
  /** The help-center session it was opened from (its chat-context): the chat counts as its contact. */
  helpSession?: string;
}

type View = 'pre' | 'chat' | 'ended' | 'rated' | 'left';

const CSS = `:host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}
.l{position:fixed;bottom:20px;inset-inline-end:20px;z-index:2147483000;background:#0b5cad;color:#fff;border:0;border-radius:24px;padding:12px 18px;cursor:pointer}
.p{position:fixed;bottom:20px;inset-inline-end:20px;z-index:2147483000;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 40px);background:#fff;color:#111;border:1px solid #ccc;border-radius:10px;display:flex;flex-direction:column;box-shadow:0 6px 24px #0003}
header{display:flex;justify-content:space-between;align-items:center;padding:10px 12px;background:#0b5cad;color:#fff;border-radius:10px 10px 0 0}
header button{background:none;border:0;color:#fff;cursor:pointer;font-size:18px}
.b{flex:1;overflow:auto;padding:10px 12px;display:flex;flex-direction:column;gap:8px}
textarea,input{width:100%;border:1px solid #bbb;border-radius:6px;padding:6px}
button.a{background:#0b5cad;color:#fff;border:0;border-radius:6px;padding:8px 12px;cursor:pointer}
.m{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}
.c{align-self:flex-end;background:#dcebfb}.g{align-self:flex-start;background:#eee}.q{opacity:.6}
.n{color:#555;font-size:12px}.f{display:flex;gap:6px;padding:8px;border-top:1px solid #ddd}
.s{display:flex;gap:4px}.s button{flex:1;padding:8px 0;border:1px solid #bbb;background:#fff;border-radius:6px;cursor:pointer}
.s button[aria-pressed=true]{background:#0b5cad;color:#fff}a{color:#0b5cad}`;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

/**
 * A text box named by its placeholder (the panel has no room for labels above each box), holding
 * `value`; each edit goes to `onInput`.
 */
function textBox<K extends 'input' | 'textarea'>(
  tag: K,
  name: string,
  value: string,
  onInput: (value: string) => void,
  props: Partial<Record<string, string>> = {},
): HTMLElementTagNameMap[K] {
  const box = h(tag, { 'aria-label': name, placeholder: name, ...props });
  box.value = value;
  box.oninput = () => onInput(box.value);
  return box;
}

class ChatWidget {
  private readonly t;
  private readonly root: ShadowRoot;
  private view: View = 'pre';
  private shown = false;
  private message = '';
  private comment = '';
  private ws: WebSocket | null = null;
  private backoff = 500;
  private readonly transcript: Transcript;
  private token: string | null;
  private context: Context = {};
  private draft = '';
  private email = '';
  private suggestion: Extract<ChatServerFrame, { t: 'suggestions' }> | null = null;
  private unavailable: { opensAt: string | null } | null = null;
  private agentTyping = false;
  private connected = false;
  private error: string | null = null;
  private score = 0;
  private suggestTimer = 0;
  private typingSent = 0;
  private typingTimer = 0;
  private startedId: string | null = null;
  private inlineStyle = true;

  constructor(
    private readonly origin: string,
    private readonly key: string,
    readonly lang: WidgetLanguage,
  ) {
    this.t = STRINGS[lang];
    const host = h('div', { 'data-shoreline-widget': '' });
    document.body.append(host);
    this.root = host.attachShadow({ mode: 'open' });
    // A constructed stylesheet is not inline style to a Content-Security-Policy (the help center's
    // pages, and many shops, forbid inline style); an old browser gets a <style> element instead.
    if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      this.root.adoptedStyleSheets = [sheet];
      this.inlineStyle = false;
    }
    this.token = sessionStorage.getItem(this.storageKey);
    this.transcript = new Transcript(Math.random().toString(36).slice(2, 10));
    if (this.token) {
      // A chat in progress survives a page change: reopen it where it was.
      this.view = 'chat';
      this.shown = true;
      this.connect();
    }
    this.render();
  }

  private get storageKey() {
    return `shoreline-chat:${this.key}`;
  }

  open(context?: Context): void {
    if (context) this.context = { ...context, page: location.href };
    this.shown = true;
    this.connect();
    this.render();
  }

  private connect(): void {
    if (this.ws) return;
    const ws = new WebSocket(
      `${this.origin.replace(/^http/, 'ws')}/api/chat/socket?key=${encodeURIComponent(this.key)}`,
    );
    this.ws = ws;
    ws.onopen = () => {
      this.connected = true;
      this.backoff = 500;
      this.send({
        t: 'hello',
        ...(this.token ? { token: this.token } : {}),
        after: this.transcript.resumeAfter,
      });
      // At least once: whatever the server has not acknowledged goes again (it keeps each id once).
      if (this.token)
        for (const p of this.transcript.pending()) this.send({ t: 'msg', id: p.id, text: p.text });
      this.render();
    };
    ws.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as ChatServerFrame);
    ws.onclose = () => {
      this.ws = null;
      this.connected = false;
      this.render();
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 10_000);
    };
  }

  private send(frame: ChatClientFrame): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private receive(f: ChatServerFrame): void {
    switch (f.t) {
      case 'welcome':
        if (!f.session && this.token) {
          sessionStorage.removeItem(this.storageKey);
          this.token = null;
          this.view = 'pre';
        }
        break;
      case 'suggestions':
        if (f.q === this.draft.trim()) this.suggestion = f;
        break;
      case 'started':
        this.token = f.token;
        sessionStorage.setItem(this.storageKey, f.token);
        this.view = 'chat';
        break;
      case 'unavailable':
        this.unavailable = { opensAt: f.opensAt };
        break;
      case 'msg':
        this.transcript.receive(f.m);
        if (f.m.author === 'agent') this.agentTyping = false;
        break;
      case 'ack':
        this.transcript.ack(f.id);
        break;
      case 'typing':
        this.agentTyping = f.on;
        break;
      case 'left':
        this.view = 'left';
        break;
      case 'ended':
        if (this.view !== 'rated') this.view = 'ended';
        break;
      case 'rated':
        this.view = 'rated';
        sessionStorage.removeItem(this.storageKey);
        break;
      case 'error':
        this.error = f.message;
        break;
    }
    this.render();
  }

  private onDraft(value: string): void {
    this.draft = value;
    clearTimeout(this.suggestTimer);
    this.suggestTimer = window.setTimeout(() => {
      const q = this.draft.trim();
      if (q.length >= 3) this.send({ t: 'suggest', q, lang: this.lang });
    }, 350);
  }

  private onTyping(): void {
    const now = Date.now();
    if (now - this.typingSent > 2_000) {
      this.typingSent = now;
      this.send({ t: 'typing', on: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => {
      this.typingSent = 0;
      this.send({ t: 'typing', on: false });
    }, 3_000);
  }

  private start(): void {
    const text = this.draft.trim();
    if (!text) return;
    this.error = null;
    this.startedId = this.transcript.queue(text);
    this.transcript.ack(this.startedId);
    this.send({
      t: 'start',
      id: this.startedId,
      text,
      lang: this.lang,
      ...(this.email ? { email: this.email } : {}),
      context: { ...this.context, page: this.context.page ?? location.href },
    });
  }

  private leave(): void {
    this.error = null;
    this.send({
      t: 'leave',
      id: this.transcript.queue(this.draft),
      text: this.draft.trim(),
      lang: this.lang,
      email: this.email.trim(),
      context: this.context,
    });
  }

  private post(input: HTMLInputElement): void {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    this.message = '';
    const id = this.transcript.queue(text);
    this.send({ t: 'msg', id, text });
    this.render();
  }

  private render(): void {
    const { t } = this;
    const dir = isRtl(this.lang) ? 'rtl' : 'ltr';
    const style: Node[] = this.inlineStyle ? [h('style', {}, CSS)] : [];
    if (!this.shown) {
      const b = h('button', { class: 'l', type: 'button', dir, lang: this.lang }, t.launcher);
      b.onclick = () => this.open();
      this.root.replaceChildren(...style, b);
      return;
    }
    // Re-rendered from state on every change: the field being typed in keeps its focus.
    const focused = (this.root.activeElement as HTMLElement | null)?.getAttribute('aria-label');
    const close = h('button', { type: 'button', 'aria-label': t.close }, '×');
    close.onclick = () => {
      this.shown = false;
      this.render();
    };
    const body = h('div', { class: 'b', role: 'log', 'aria-live': 'polite' });
    let footer: HTMLElement | null = null;
    if (!this.connected && this.view !== 'left' && this.view !== 'rated')
      body.append(h('p', { class: 'n' }, t.reconnecting));
    if (this.error)
      body.append(h('p', { class: 'n', role: 'alert' }, t.error.replace('{message}', this.error)));
    if (this.view === 'pre') this.renderPre(body);
    else if (this.view === 'left') body.append(h('p', {}, t.left));
    else if (this.view === 'rated') body.append(h('p', {}, t.thanks));
    else {
      for (const m of this.transcript.messages())
        body.append(
          h(
            'div',
            {
              class: `m ${m.author === 'customer' ? 'c' : 'g'}`,
              'aria-label': m.author === 'customer' ? t.you : t.agent,
            },
            m.text,
          ),
        );
      for (const p of this.transcript.pending())
        body.append(h('div', { class: 'm c q' }, p.text, h('span', { class: 'n' }, ` ${t.sending}`)));
      if (this.agentTyping) body.append(h('p', { class: 'n' }, t.typing));
      if (this.view === 'chat') {
        const input = h('input', {
          'aria-label': t.placeholder,
          placeholder: t.placeholder,
          maxlength: '4000',
        });
        input.value = this.message;
        input.oninput = () => {
          this.message = input.value;
          this.onTyping();
        };
        input.onkeydown = (e) => {
          if (e.key === 'Enter') this.post(input);
        };
        const send = h('button', { class: 'a', type: 'button' }, t.send);
        send.onclick = () => this.post(input);
        const end = h('button', { type: 'button' }, t.end);
        end.onclick = () => this.send({ t: 'end' });
        footer = h('div', { class: 'f' }, input, send, end);
      } else this.renderRating(body);
    }
    const panel = h(
      'div',
      { class: 'p', role: 'dialog', 'aria-label': t.title, dir, lang: this.lang },
      h('header', {}, h('strong', {}, t.title), close),
      body,
      footer,
    );
    this.root.replaceChildren(...style, panel);
    body.scrollTop = body.scrollHeight;
    const again = focused
      ? [...panel.querySelectorAll<HTMLInputElement>('input,textarea')].find(
          (e) => e.getAttribute('aria-label') === focused,
        )
      : (panel.querySelector('input,textarea') as HTMLInputElement | null);
    if (again) {
      again.focus();
      try {
        again.setSelectionRange(again.value.length, again.value.length);
      } catch {
        // E-mail inputs have no selection.
      }
    }
  }

  private renderPre(body: HTMLElement): void {
    const { t } = this;
    const text = textBox('textarea', t.prompt, this.draft, (v) => this.onDraft(v), {
      rows: '3',
      maxlength: '4000',
    });
    const emailName = this.unavailable ? t.email : t.emailOptional;
    const email = textBox('input', emailName, this.email, (v) => (this.email = v), { type: 'email' });
    body.append(h('label', {}, t.prompt), text);
    const s = this.suggestion;
    if (s && s.articles.length > 0) {
      const list = h('ul', { 'aria-label': t.mayHelp });
      for (const a of s.articles)
        list.append(h('li', {}, h('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.title)));
      body.append(h('p', { class: 'n' }, t.mayHelp), list);
    }
    if (this.unavailable || (s && !s.open)) {
      const opensAt = this.unavailable?.opensAt ?? s?.opensAt ?? null;
      body.append(h('p', { role: 'status' }, t.closedNow));
      if (opensAt)
        body.append(
          h('p', { class: 'n' }, t.opensAt.replace('{time}', new Date(opensAt).toLocaleString(this.lang))),
        );
      const leave = h('button', { class: 'a', type: 'button' }, t.leave);
      leave.onclick = () => this.leave();
      body.append(email, leave);
    } else {
      if (s?.open) body.append(h('p', { class: 'n' }, t.openNow));
      const start = h('button', { class: 'a', type: 'button' }, t.start);
      start.onclick = () => this.start();
      body.append(email, start);
    }
  }

  private renderRating(body: HTMLElement): void {
    const { t } = this;
    body.append(h('p', {}, t.ended));
    const stars = h('div', { class: 's', role: 'group', 'aria-label': t.ended });
    for (let n = 1; n <= 5; n++) {
      const b = h(
        'button',
        {
          type: 'button',
          'aria-label': t.rate.replace('{n}', String(n)),
          'aria-pressed': String(this.score === n),
        },
        String(n),
      );
      b.onclick = () => {
        this.score = n;
        this.render();
      };
      stars.append(b);
    }
    const comment = textBox(
      'textarea',
      t.comment,
      this.comment,
      (v) => {
        this.comment = v;
      },
      { rows: '2', maxlength: '2000' },
    );
    const submit = h('button', { class: 'a', type: 'button' }, t.submit);
    submit.onclick = () => {
      if (this.score > 0)
        this.send({
          t: 'rate',
          scale: '1-5',
          score: this.score,
          ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
        });
    };
    body.append(stars, comment, submit);
  }
}

// The script tag that loaded us names the server (its src) and the organization (its key).
const script = (document.currentScript ??
  document.querySelector('script[data-shoreline-key]')) as HTMLScriptElement | null;
if (script?.dataset['shorelineKey']) {
  const origin = new URL(script.src, location.href).origin;
  let widget: ChatWidget | null = null;
  const boot = () => {
    widget ??= new ChatWidget(
      origin,
      script.dataset['shorelineKey'] as string,
      widgetLanguage(script.dataset['lang'] ?? document.documentElement.lang ?? navigator.language),
    );
    return widget;
  };
  const api = { open: (context?: Context) => boot().open(context) };
  (window as unknown as { Shoreline: typeof api }).Shoreline = api;
  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot);
}
