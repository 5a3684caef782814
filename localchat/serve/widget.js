/* localchat widget: the blog's chat on the blog's own pages.
 *
 *   <script src="https://chat.example.com/widget.js" defer></script>
 *
 * A button in the corner opens a chat panel that streams from the same server's HTTP API
 * (/v1/chat/completions): the quoted passage first, then the answer, the posts as links,
 * follow-ups in the same conversation, a stop button, thumbs up/down. No framework; the panel
 * lives in a shadow root, so the host page's styles do not reach it and its styles do not leak.
 * Theme it from the host page with CSS variables on `localchat-chat` (or :root):
 *   --localchat-accent, --localchat-bg, --localchat-fg, --localchat-muted, --localchat-font,
 *   --localchat-radius, --localchat-z.
 * Everything the server sends is put on the page as text or as elements built here (links only
 * to http(s) or same-site addresses): never as HTML.
 */
(function () {
  "use strict";
  if (window.customElements && customElements.get("localchat-chat")) return;
  var script = document.currentScript;
  var BASE = new URL(".", script && script.src ? script.src : location.href).href.replace(/\/$/, "");
  // The server fills in its words in the blog's language (serve/strings.py); English otherwise.
  var S = /*STRINGS*/{"title": "Ask the blog", "placeholder": "Ask about the blog…", "question": "Your question",
    "send": "Send", "stop": "Stop", "close": "Close", "sources": "Sources", "nearest": "Nearest posts",
    "stopped": "Stopped.", "unreachable": "The chat can't be reached right now. Please try again in a moment.",
    "failed": "The chat could not answer ({status}).", "helpful": "Helpful", "unhelpful": "Not helpful",
    "feedback": "Was this helpful?", "dir": "ltr"}/*END*/;
  var TITLE = (script && script.getAttribute("data-title")) || S.title;
  var MAX_CHARS = 1000;
  var MAX_TURNS = 8;

  var CSS = [
    ":host{all:initial;--a:var(--localchat-accent,#2563eb);--bg:var(--localchat-bg,#fff);--fg:var(--localchat-fg,#111827);",
    "--mu:var(--localchat-muted,#6b7280);--r:var(--localchat-radius,14px);font-family:var(--localchat-font,system-ui,sans-serif);",
    "position:fixed;right:20px;bottom:20px;z-index:var(--localchat-z,2147483000);font-size:15px;line-height:1.45;color:var(--fg)}",
    "*{box-sizing:border-box}",
    ".launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--a);color:#fff;cursor:pointer;display:grid;place-items:center;",
    "box-shadow:0 4px 14px rgba(0,0,0,.25)}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid var(--a);outline-offset:2px}",
    ".panel{position:absolute;right:0;bottom:70px;width:min(400px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));",
    "background:var(--bg);border-radius:var(--r);box-shadow:0 10px 40px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}",
    ".panel[hidden]{display:none}",
    "header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:var(--a);color:#fff}",
    "h2{font-size:16px;margin:0;font-weight:600}",
    ".close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}",
    ".log{flex:1;overflow-y:auto;margin:0;padding:12px;list-style:none}",
    ".msg{margin:0 0 12px;max-width:92%;padding:9px 12px;border-radius:12px;word-wrap:break-word;unicode-bidi:plaintext}",
    ".user{margin-inline-start:auto;background:var(--a);color:#fff;white-space:pre-wrap}",
    ".bot{background:rgba(127,127,127,.1)}",
    "blockquote{margin:0 0 8px;padding:4px 10px;border-inline-start:3px solid var(--a);color:var(--fg)}",
    "blockquote cite{display:block;font-size:13px;color:var(--mu);font-style:normal;margin-top:4px}",
    ".note,.error{font-size:13px;color:var(--mu);font-style:italic;margin:0 0 6px}",
    ".error{color:#b91c1c;font-style:normal}",
    ".sources{font-size:13px;margin:8px 0 0;padding-inline-start:18px}",
    ".label{font-size:12px;color:var(--mu);margin-top:8px}",
    "a{color:var(--a)}",
    "p{margin:0 0 6px}ul{margin:0 0 6px;padding-inline-start:18px}",
    "del{color:var(--mu)}",
    ".thumbs{margin-top:6px}.thumbs button{background:none;border:1px solid transparent;border-radius:6px;cursor:pointer;color:var(--mu);padding:3px 6px}",
    ".thumbs button[aria-pressed=true]{border-color:var(--a);color:var(--a)}",
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid rgba(127,127,127,.25)}",
    "textarea{flex:1;resize:none;height:42px;padding:9px;border-radius:10px;border:1px solid rgba(127,127,127,.4);font:inherit;color:var(--fg);background:var(--bg)}",
    "form button{border:0;border-radius:10px;padding:0 14px;background:var(--a);color:#fff;font:inherit;cursor:pointer}",
    "form button[hidden]{display:none}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    "@media (max-width:600px){:host{right:12px;bottom:12px}",
    ".panel{position:fixed;inset:0;width:100vw;height:100vh;border-radius:0;bottom:auto;right:auto}}"
  ].join("");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }

  // Icons are drawn, not emoji: a machine without an emoji font shows boxes for those.
  var ICONS = {
    chat: "M4 4h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z",
    up: "M2 10h4v10H2zM8 20V10l4-8c1.6 0 2.6 1.2 2.2 2.8L13.4 9H20a2 2 0 0 1 2 2.3l-1.3 7A2 2 0 0 1 18.7 20z"
  };
  function icon(name, flip) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("width", name === "chat" ? "26" : "16");
    svg.setAttribute("height", name === "chat" ? "26" : "16");
    if (flip) svg.setAttribute("transform", "rotate(180)");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  // A link only to an http(s) address or one on the chat's own server; anything else is text.
  function href(url) {
    try {
      var u = new URL(url, BASE + "/");
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }

  // The server's answer is sanitised markdown; it becomes elements built here, never parsed as HTML.
  function inline(parent, text) {
    var re = /\[([^\]]+)\]\(([^)\s]+)\)|~~([^~]+)~~|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
    var last = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) {
        var url = href(m[2]);
        var a = url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer"}, m[1]) : el("span", {}, m[1]);
        parent.appendChild(a);
      } else if (m[3] !== undefined) parent.appendChild(el("del", {}, m[3]));
      else if (m[4] !== undefined) parent.appendChild(el("strong", {}, m[4]));
      else parent.appendChild(el("em", {}, m[5]));
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function markdown(parent, text) {
    var blocks = text.replace(/\r/g, "").split(/\n{2,}/);
    blocks.forEach(function (block) {
      var lines = block.split("\n").filter(function (l) { return l.trim(); });
      if (!lines.length) return;
      if (lines.every(function (l) { return /^\s*[-*] /.test(l); })) {
        var ul = el("ul");
        lines.forEach(function (l) { var li = el("li"); inline(li, l.replace(/^\s*[-*] /, "")); ul.appendChild(li); });
        parent.appendChild(ul);
      } else {
        var p = el("p");
        inline(p, lines.join(" ").replace(/^>\s?/, ""));
        parent.appendChild(p);
      }
    });
  }

  class Chat extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({mode: "open"});
      root.appendChild(el("style", {}, CSS));
      this.history = [];
      this.controller = null;
      this.launcher = el("button", {class: "launcher", type: "button", "aria-label": TITLE, "aria-expanded": "false",
                                    "aria-controls": "localchat-panel", part: "launcher"});
      this.launcher.appendChild(icon("chat"));
      this.panel = el("section", {class: "panel", id: "localchat-panel", role: "dialog", "aria-label": TITLE, dir: S.dir, hidden: ""});
      var header = el("header");
      header.appendChild(el("h2", {}, TITLE));
      this.closer = el("button", {class: "close", type: "button", "aria-label": S.close}, "×");
      header.appendChild(this.closer);
      this.log = el("ol", {class: "log", "aria-live": "polite", "aria-relevant": "additions text"});
      this.form = el("form");
      var label = el("label", {class: "sr", for: "localchat-q"}, S.question);
      this.input = el("textarea", {id: "localchat-q", maxlength: String(MAX_CHARS), placeholder: S.placeholder,
                                   rows: "1", dir: "auto"});
      this.send = el("button", {type: "submit", class: "send"}, S.send);
      this.stop = el("button", {type: "button", class: "stop", hidden: ""}, S.stop);
      [label, this.input, this.send, this.stop].forEach(function (n) { this.form.appendChild(n); }, this);
      [header, this.log, this.form].forEach(function (n) { this.panel.appendChild(n); }, this);
      root.appendChild(this.panel);
      root.appendChild(this.launcher);
      var self = this;
      this.launcher.addEventListener("click", function () { self.toggle(); });
      this.closer.addEventListener("click", function () { self.toggle(false); });
      this.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") self.toggle(false); });
      this.input.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); self.form.requestSubmit(); }
      });
      this.form.addEventListener("submit", function (e) { e.preventDefault(); self.ask(); });
      this.stop.addEventListener("click", function () { if (self.controller) self.controller.abort(); });
      if (window.performance && performance.mark) performance.mark("localchat-drawn");  // scripts/widget_bench.py
    }

    toggle(open) {
      var show = open === undefined ? this.panel.hidden : open;
      this.panel.hidden = !show;
      this.launcher.setAttribute("aria-expanded", String(show));
      if (show) this.input.focus(); else this.launcher.focus();
    }

    busy(on) {
      this.stop.hidden = !on;
      this.send.hidden = on;
      this.input.disabled = on;
    }

    ask() {
      var question = this.input.value.trim();
      if (!question || this.controller) return;
      if (question.length > MAX_CHARS) question = question.slice(0, MAX_CHARS);
      this.input.value = "";
      this.log.appendChild(el("li", {class: "msg user"}, question));
      var bubble = el("li", {class: "msg bot", "aria-busy": "true"});
      this.log.appendChild(bubble);
      var messages = this.history.slice(-MAX_TURNS).concat([{role: "user", content: question}]);
      this.controller = new AbortController();
      this.busy(true);
      var self = this;
      this.stream(messages, bubble).then(function (answer) {
        if (answer) self.history.push({role: "user", content: question}, {role: "assistant", content: answer});
      }).finally(function () {
        bubble.removeAttribute("aria-busy");
        self.controller = null;
        self.busy(false);
        self.input.focus();
      });
    }

    async stream(messages, bubble) {
      var text = el("div", {class: "text"});
      var lead = null, raw = "", first = null, answerId = "", safe = null;
      bubble.appendChild(text);
      var scroll = () => { this.log.scrollTop = this.log.scrollHeight; };
      try {
        var response = await fetch(BASE + "/v1/chat/completions", {
          method: "POST", headers: {"Content-Type": "application/json"}, signal: this.controller.signal,
          body: JSON.stringify({model: "localchat", stream: true, messages: messages})
        });
        if (!response.ok) {
          var message = S.failed.replace("{status}", response.status);
          try { message = (await response.json()).error.message || message; } catch (e) { /* not JSON */ }
          bubble.appendChild(el("p", {class: "error", role: "alert"}, message));
          return null;
        }
        var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
        for (;;) {
          var part = await reader.read();
          if (part.done) break;
          buffer += decoder.decode(part.value, {stream: true});
          var events = buffer.split("\n\n");
          buffer = events.pop();
          for (var i = 0; i < events.length; i++) {
            var data = events[i].replace(/^data: ?/, "");
            if (!data || data === "[DONE]") continue;
            var chunk = JSON.parse(data);
            answerId = chunk.id || answerId;
            if (!first) {
              first = chunk;
              this.evidence(bubble, text, chunk);
              if ((chunk.evidence && chunk.evidence.length) || chunk.note) lead = "";  // the next delta repeats them
              scroll();
              continue;
            }
            var choice = (chunk.choices || [])[0] || {};
            var delta = (choice.delta || {}).content;
            if (delta) {
              if (lead === "") { lead = delta; continue; }
              raw += delta;
              text.textContent = raw;  // raw tokens as text while they arrive
            }
            if (chunk.safe_content != null) safe = chunk.safe_content;
            scroll();
          }
        }
      } catch (e) {
        if (e.name === "AbortError") {
          bubble.appendChild(el("p", {class: "note"}, S.stopped));
        } else {
          bubble.appendChild(el("p", {class: "error", role: "alert"},
                                S.unreachable));
          return null;
        }
      }
      if (safe != null) {
        text.textContent = "";
        markdown(text, lead && safe.indexOf(lead) === 0 ? safe.slice(lead.length) : safe);
      }
      this.sources(bubble, first);
      if (answerId && first) this.thumbs(bubble, answerId);
      scroll();
      return raw || (safe || "");
    }

    evidence(bubble, before, chunk) {
      if (chunk.note) bubble.insertBefore(el("p", {class: "note"}, chunk.note), before);
      (chunk.evidence || []).slice(0, 1).forEach(function (e) {
        var quote = el("blockquote");
        quote.appendChild(el("p", {}, e.quote));
        var cite = el("cite");
        var url = href(e.url);
        var title = e.title + (e.heading ? " › " + e.heading : "");
        cite.appendChild(url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer"}, title) : el("span", {}, title));
        quote.appendChild(cite);
        bubble.insertBefore(quote, before);
      });
    }

    sources(bubble, first) {
      var list = (first && first.sources) || [];
      if (!list.length) return;
      bubble.appendChild(el("div", {class: "label"}, first.refused ? S.nearest : S.sources));
      var ol = el("ol", {class: "sources"});
      list.forEach(function (s) {
        var li = el("li"), url = href(s.url);
        li.appendChild(url ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer", class: "source"}, s.title)
                           : el("span", {}, s.title));
        ol.appendChild(li);
      });
      bubble.appendChild(ol);
    }

    thumbs(bubble, id) {
      var box = el("div", {class: "thumbs", role: "group", "aria-label": S.feedback});
      [["up", false, S.helpful], ["down", true, S.unhelpful]].forEach(function (t) {
        var b = el("button", {type: "button", class: "thumb-" + t[0], "aria-label": t[2], "aria-pressed": "false"});
        b.appendChild(icon("up", t[1]));
        b.addEventListener("click", function () {
          if (b.getAttribute("aria-pressed") === "true") return;  // one vote per answer, the last one counts
          box.querySelectorAll("button").forEach(function (o) { o.setAttribute("aria-pressed", "false"); });
          b.setAttribute("aria-pressed", "true");
          fetch(BASE + "/api/feedback", {method: "POST", headers: {"Content-Type": "application/json"},
                                         body: JSON.stringify({id: id, rating: t[0]})}).catch(function () {});
        });
        box.appendChild(b);
      });
      bubble.appendChild(box);
    }
  }

  customElements.define("localchat-chat", Chat);
  var mount = function () { document.body.appendChild(document.createElement("localchat-chat")); };
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
