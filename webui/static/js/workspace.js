/* songngu post-editing workspace (and the shared part of the review grid).
 *
 * The page works without this file (each row is a form); with it:
 *  - every change autosaves (debounced) through /workspace/api, a conflict shows both texts
 *    and lets the translator choose, and leaving with unsaved text warns;
 *  - QA messages come back with every save and replace the row's list;
 *  - the keyboard: Ctrl+Enter confirm and go to the next unconfirmed segment, Ctrl+Up/Down
 *    move, Ctrl+Shift+S copy the source, Ctrl+Shift+R restore the machine draft, "?" help;
 *  - the side panel: memory matches, glossary entries, concordance, history, proposing a term.
 *
 * Inline tags. The editor is a plain <textarea> in which each inline element of the source is a
 * numbered token: {1}bold words{/1}, {2/} for a line break. Elements are numbered in document
 * order, exactly as the server numbers the source's tokens (translate/desk/workspace_service.py),
 * and the map number -> tag comes from the segment's source HTML, so a save turns tokens back into
 * the very tags of the source and always sends HTML. Why a textarea and not contenteditable chips:
 * a textarea is what browsers, screen readers, spell checkers, undo and automated tests handle
 * best; its value is text, so pasted HTML can never inject markup; and a token can be typed on any
 * keyboard. The tokens are kept whole here: Backspace/Delete next to a token remove all of it,
 * the arrow keys step over it, and a selection never ends inside one. A pair that is still broken
 * (a {1} without its {/1}) is reported by the server's tag check as the translator types.
 *
 * Post-edit effort (translate/desk/postedit/). Each row measures its active editing time and its
 * keystrokes and sends them with the confirm, then starts again from zero. Time runs from focus
 * (or the last key) to the next key, the blur or the confirm; a gap over a minute without input
 * counts nothing (the translator was away, not editing). Sent with the confirm and not with each
 * autosave: the record is written by the confirm, an autosave is the hot path, and figures that
 * ride the confirm cannot be double-counted by a retried save. A failed confirm keeps them for
 * the next try; a reload before confirming loses them. A memory match inserted from the side
 * panel is sent too (memory_pct), since the server only sees the text that resulted.
 *
 * User-visible text comes from data-text-* attributes on the workspace element (translated
 * there); labels of states and checks from its data-labels JSON.
 */
(function () {
  "use strict";

  const TOKEN = /\{(\/?)(\d{1,3})(\/?)\}/g;
  const TOKEN_END = /\{\/?\d{1,3}\/?\}$/;
  const TOKEN_START = /^\{\/?\d{1,3}\/?\}/;
  const VOID = new Set(["br", "img", "wbr"]);
  const SAVE_DELAY_MS = 600;
  const RETRY_MS = [1000, 3000, 8000, 15000];
  const DONE = new Set(["confirmed", "approved"]);
  const IDLE_MS = 60000;
  const MAX_ACTIVE_MS = 8 * 3600 * 1000;
  const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock"]);

  // --- inline tags <-> tokens ---------------------------------------------------------------------

  function fragment(html) {
    // A <template> parses without running anything: no scripts, no image loads, no handlers.
    const t = document.createElement("template");
    t.innerHTML = html || "";
    return t.content;
  }

  function signature(el) {
    const parts = [el.localName];
    ["href", "title", "lang", "src"].forEach((a) => {
      if (el.hasAttribute(a)) parts.push(a + "=" + el.getAttribute(a));
    });
    return parts.join(" ");
  }

  function entryFor(el, n) {
    const name = el.localName;
    const isVoid = VOID.has(name);
    const outer = el.cloneNode(false).outerHTML;
    const close = isVoid ? "" : "</" + name + ">";
    return { n, name, sig: signature(el), isVoid, open: isVoid ? outer : outer.slice(0, outer.length - close.length), close };
  }

  function buildMap(sourceHtml) {
    return Array.from(fragment(sourceHtml).querySelectorAll("*"), (el, i) => entryFor(el, i + 1));
  }

  function toTokens(html, map) {
    const used = new Set();
    let out = "";
    const find = (el) => {
      const sig = signature(el);
      let e = map.find((m) => !used.has(m.n) && m.sig === sig)
        || map.find((m) => !used.has(m.n) && m.name === el.localName)
        || map.find((m) => m.sig === sig);
      if (!e) {
        e = entryFor(el, map.length + 1);
        map.push(e);
      }
      used.add(e.n);
      return e;
    };
    const walk = (node) => {
      node.childNodes.forEach((child) => {
        if (child.nodeType === Node.TEXT_NODE) {
          out += child.data;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const e = find(child);
          if (e.isVoid) {
            out += "{" + e.n + "/}";
          } else {
            out += "{" + e.n + "}";
            walk(child);
            out += "{/" + e.n + "}";
          }
        }
      });
    };
    walk(fragment(html));
    return out;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function fromTokens(text, map) {
    const byN = new Map(map.map((m) => [m.n, m]));
    const flat = text.replace(/\s*[\r\n]+\s*/g, " ");
    let out = "";
    let last = 0;
    for (const m of flat.matchAll(TOKEN)) {
      out += escapeHtml(flat.slice(last, m.index));
      const e = byN.get(Number(m[2]));
      if (!e) out += escapeHtml(m[0]);
      else if (e.isVoid) out += e.open;
      else if (m[3]) out += e.open + e.close;
      else out += m[1] ? e.close : e.open;
      last = m.index + m[0].length;
    }
    return out + escapeHtml(flat.slice(last));
  }

  function appendText(el, text, phrase) {
    if (!phrase) {
      el.append(text);
      return;
    }
    const hay = text.toLowerCase();
    const needle = phrase.toLowerCase();
    let last = 0;
    let at = hay.indexOf(needle);
    while (needle && at >= 0) {
      el.append(text.slice(last, at));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + needle.length);
      el.append(mark);
      last = at + needle.length;
      at = hay.indexOf(needle, last);
    }
    el.append(text.slice(last));
  }

  // Show token text read-only: tokens as chips, the rest as text (never as HTML).
  function renderTokens(el, text, phrase) {
    el.textContent = "";
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      if (m.index > last) appendText(el, text.slice(last, m.index), phrase);
      const chip = document.createElement("span");
      chip.className = "tok";
      chip.textContent = m[0];
      el.append(chip);
      last = m.index + m[0].length;
    }
    if (last < text.length) appendText(el, text.slice(last), phrase);
    return el;
  }

  function plainOf(tokens) {
    return tokens.replace(TOKEN, "");
  }

  // --- keeping tokens whole in a textarea -------------------------------------------------------------

  function tokenSpan(value, pos) {
    for (const m of value.matchAll(TOKEN)) {
      if (m.index < pos && pos < m.index + m[0].length) return [m.index, m.index + m[0].length];
      if (m.index >= pos) break;
    }
    return null;
  }

  function snapSelection(ta) {
    const v = ta.value;
    let s = ta.selectionStart;
    let e = ta.selectionEnd;
    const a = tokenSpan(v, s);
    const b = tokenSpan(v, e);
    if (s === e && a) {
      s = e = a[1];
    } else {
      if (a) s = a[0];
      if (b) e = b[1];
    }
    if (s !== ta.selectionStart || e !== ta.selectionEnd) ta.setSelectionRange(s, e, ta.selectionDirection);
  }

  function guardTokens(ta, ev) {
    const v = ta.value;
    const s = ta.selectionStart;
    const e = ta.selectionEnd;
    const before = (pos) => { const m = v.slice(Math.max(0, pos - 10), pos).match(TOKEN_END); return m ? m[0].length : 0; };
    const after = (pos) => { const m = v.slice(pos, pos + 10).match(TOKEN_START); return m ? m[0].length : 0; };
    if (ev.key === "Backspace" && s === e) {
      const n = before(s);
      if (n) ta.setSelectionRange(s - n, s); // the default action deletes the whole token
    } else if (ev.key === "Delete" && s === e) {
      const n = after(s);
      if (n) ta.setSelectionRange(s, s + n);
    } else if ((ev.key === "ArrowLeft" || ev.key === "ArrowRight") && !ev.altKey && !ev.metaKey && !ev.ctrlKey) {
      const left = ev.key === "ArrowLeft";
      const backward = ta.selectionDirection === "backward";
      const focus = ev.shiftKey ? (backward || s === e ? (left ? s : e) : e) : (left ? s : e);
      const n = left ? before(focus) : after(focus);
      if (!n) return;
      ev.preventDefault();
      if (!ev.shiftKey) {
        const to = left ? (s !== e ? s : focus - n) : (s !== e ? e : focus + n);
        ta.setSelectionRange(to, to);
      } else if (left) {
        const anchor = backward || s === e ? e : s;
        const moved = focus - n;
        ta.setSelectionRange(Math.min(moved, anchor), Math.max(moved, anchor), moved < anchor ? "backward" : "forward");
      } else {
        const anchor = backward ? e : s;
        const moved = focus + n;
        ta.setSelectionRange(Math.min(moved, anchor), Math.max(moved, anchor), moved < anchor ? "backward" : "forward");
      }
    }
  }

  // Replace a range of the editor's text the way typing would: undoable, and it fires "input".
  function replaceText(ta, text, start, end) {
    ta.focus();
    ta.setSelectionRange(start, end);
    let done = false;
    try {
      done = document.execCommand("insertText", false, text);
    } catch (err) {
      done = false;
    }
    if (!done || ta.value.slice(start, start + text.length) !== text) {
      ta.setRangeText(text, start, end, "end");
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // --- talking to the server --------------------------------------------------------------------------

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  async function call(method, url, body) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      headers["X-CSRFToken"] = csrfToken();
    }
    let resp;
    try {
      resp = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      return { ok: false, status: 0, data: null, message: String(err.message || err) };
    }
    let data = null;
    try {
      data = await resp.json();
    } catch (err) {
      data = null;
    }
    const message = data && data.error ? data.error.message : (resp.statusText || String(resp.status));
    return { ok: resp.ok, status: resp.status, data, message };
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // --- one row ------------------------------------------------------------------------------------------

  class Row {
    constructor(node, ws) {
      this.node = node;
      this.ws = ws;
      this.id = Number(node.dataset.segment);
      this.number = Number(node.dataset.number);
      this.version = Number(node.dataset.version);
      this.state = node.dataset.state;
      this.map = buildMap(node.dataset.kind === "text" ? node.dataset.source : "");
      this.editor = node.querySelector("[data-editor]");
      this.readonly = node.querySelector("[data-readonly]");
      this.statusEl = node.querySelector("[data-status]");
      this.qa = node.querySelector("[data-qa]");
      this.timer = null;
      this.inflight = null;
      this.conflict = null;
      this.failure = null;
      this.retries = 0;
      this.effort = { ms: 0, keys: 0, memoryPct: null, mark: null };
      const initialHtml = this.editor ? this.editor.value : (this.readonly ? this.readonly.dataset.html || "" : "");
      this.mtHtml = node.hasAttribute("data-mt-same") ? initialHtml : node.dataset.mt || "";
      if (this.editor) {
        this.editor.value = toTokens(this.editor.value, this.map);
        this.savedText = this.editor.value;
        this.bindEditor();
      } else if (this.readonly && this.readonly.dataset.html) {
        renderTokens(this.readonly, toTokens(this.readonly.dataset.html, this.map));
      }
    }

    get dirty() {
      return !!this.editor && (this.editor.value !== this.savedText || !!this.conflict || !!this.inflight);
    }

    bindEditor() {
      const ta = this.editor;
      ta.addEventListener("input", () => this.schedule());
      ta.addEventListener("focus", () => { this.effort.mark = Date.now(); });
      ta.addEventListener("blur", () => { this.tick(); this.effort.mark = null; });
      ta.addEventListener("keydown", (ev) => {
        if (MODIFIERS.has(ev.key)) return;
        this.tick();
        if ((ev.ctrlKey || ev.metaKey) && (ev.key === "Enter" || ev.key.startsWith("Arrow"))) return; // commands
        this.effort.keys += 1;
      });
      ta.addEventListener("keydown", (ev) => guardTokens(ta, ev));
      ["mouseup", "keyup", "select", "focus"].forEach((type) => ta.addEventListener(type, () => snapSelection(ta)));
      ta.addEventListener("blur", () => { if (this.timer) this.save(); });
      ta.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" && !ev.ctrlKey && !ev.metaKey) ev.preventDefault(); // one sentence, one line
      });
      const form = this.node.querySelector("[data-seg-form]");
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const confirm = ev.submitter && ev.submitter.hasAttribute("data-confirm-seg");
        if (confirm) this.ws.confirmAndMove(this, false);
        else this.save();
      });
    }

    // Add the time since the last mark to the active time, unless the gap was idle (over a minute).
    tick() {
      const e = this.effort;
      const now = Date.now();
      if (e.mark !== null && now - e.mark <= IDLE_MS) e.ms = Math.min(MAX_ACTIVE_MS, e.ms + (now - e.mark));
      if (e.mark !== null) e.mark = now;
    }

    setStatus(kind, detail) {
      if (!this.statusEl) return;
      const text = {
        saving: this.ws.t("Saving", "Saving…"),
        saved: this.ws.t("Saved", "Saved"),
        unsaved: this.ws.t("Unsaved", "Not saved yet"),
      }[kind];
      this.statusEl.textContent = text || detail || "";
      this.statusEl.dataset.kind = kind;
      this.node.classList.toggle("seg--failed", kind === "failed");
      this.ws.updateSummary();
    }

    setState(state) {
      this.state = state;
      this.node.dataset.state = state;
      this.node.className = this.node.className.replace(/\bseg--(new|machine|memory|edited|rejected|confirmed|approved)\b/, "seg--" + state);
      const label = this.node.querySelector("[data-state-label]");
      if (label) {
        label.textContent = this.ws.labels.states[state] || state;
        label.className = "state state--" + state;
      }
      this.ws.updateProgress();
    }

    showFlags(flags) {
      if (!this.qa) return;
      this.qa.textContent = "";
      (flags || []).forEach((f) => {
        const li = el("li", "qa__item qa__item--" + f.severity);
        li.append(el("span", "qa__label", (this.ws.labels.severities[f.severity] || f.severity) + " · " + (this.ws.labels.checks[f.check] || f.check)));
        li.append(" ", el("span", "qa__message", f.message));
        this.qa.append(li);
      });
      this.node.classList.toggle("seg--flagged", !!(flags && flags.length));
    }

    schedule() {
      if (this.conflict) return;
      clearTimeout(this.timer);
      this.setStatus("unsaved");
      this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    }

    // Resolves true once the editor's text is stored (or there was nothing to store).
    async save() {
      clearTimeout(this.timer);
      this.timer = null;
      if (!this.editor || this.conflict) return !this.conflict;
      if (this.inflight) {
        await this.inflight;
        return this.editor.value === this.savedText ? true : this.save();
      }
      const text = this.editor.value;
      if (text === this.savedText && !this.failure) {
        if (this.statusEl && this.statusEl.dataset.kind === "unsaved") this.setStatus("saved");
        return true;
      }
      const html = fromTokens(text, this.map).trim();
      if (!html) {
        this.setStatus("failed", this.ws.t("Empty", "An empty translation is not saved."));
        return false;
      }
      this.setStatus("saving");
      this.inflight = call("POST", this.ws.api + "/segments/" + this.id + "/save", { target: html, version: this.version });
      const res = await this.inflight;
      this.inflight = null;
      if (res.ok) {
        const seg = res.data.segment;
        this.version = seg.version;
        this.savedText = text;
        this.failure = null;
        this.retries = 0;
        this.setState(seg.state);
        this.showFlags(seg.flags);
        const origin = this.node.querySelector("[data-origin]");
        if (origin && seg.origin === "human") origin.textContent = this.ws.t("Human", "Human");
        if (this.editor.value !== text) this.schedule();
        else this.setStatus("saved");
        return this.editor.value === text;
      }
      if (res.status === 409 && res.data) {
        this.showConflict(res.data.current_target || "", res.data.current_version, text);
        return false;
      }
      this.failure = res.message;
      this.setStatus("failed", this.ws.t("Failed", "Not saved: {reason}").replace("{reason}", res.message));
      if (res.status === 401) this.ws.sessionLost();
      if (res.status === 0 || res.status === 401 || res.status >= 500) {
        const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)];
        this.retries += 1;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.save(), wait);
      }
      return false;
    }

    showConflict(theirsHtml, theirVersion, mineText) {
      this.conflict = { theirs: theirsHtml, version: theirVersion };
      this.setStatus("failed", this.ws.t("Conflict", "Conflict"));
      const old = this.node.querySelector(".conflict");
      if (old) old.remove();
      const box = el("div", "conflict");
      box.setAttribute("role", "alert");
      box.append(el("p", "conflict__lead", this.ws.t("Conflict", "Someone else saved this segment first.")));
      const cols = el("div", "conflict__cols");
      const theirs = el("div", "conflict__side conflict__side--theirs");
      theirs.append(el("h3", "conflict__title", this.ws.t("Theirs", "Their version (saved)")));
      theirs.append(renderTokens(el("p", "conflict__text"), toTokens(theirsHtml, this.map)));
      const take = el("button", "button button--small", this.ws.t("TakeTheirs", "Use theirs"));
      take.type = "button";
      theirs.append(take);
      const mine = el("div", "conflict__side conflict__side--mine");
      mine.append(el("h3", "conflict__title", this.ws.t("Mine", "Your version (not saved)")));
      mine.append(renderTokens(el("p", "conflict__text"), mineText));
      const keep = el("button", "button button--small button--primary", this.ws.t("KeepMine", "Keep mine"));
      keep.type = "button";
      mine.append(keep);
      cols.append(theirs, mine);
      box.append(cols);
      this.node.querySelector(".seg__cols").after(box);
      take.addEventListener("click", () => this.resolveConflict(false));
      keep.addEventListener("click", () => this.resolveConflict(true));
      this.ws.updateSummary();
    }

    async resolveConflict(keepMine) {
      const c = this.conflict;
      this.conflict = null;
      this.version = c.version;
      const box = this.node.querySelector(".conflict");
      if (box) box.remove();
      if (keepMine) {
        this.savedText = null; // force the save of what is in the editor now
        await this.save();
      } else {
        const text = toTokens(c.theirs, this.map);
        this.editor.value = text;
        this.savedText = text;
        this.setStatus("saved");
      }
      this.editor.focus();
    }

    replaceAll(tokens) {
      if (!this.editor) return;
      replaceText(this.editor, tokens, 0, this.editor.value.length);
    }

    insertAtCaret(text) {
      if (!this.editor) return;
      const ta = this.editor;
      replaceText(ta, text, ta.selectionStart, ta.selectionEnd);
    }

    async confirm() {
      if (this.conflict) {
        this.node.querySelector(".conflict button").focus();
        return false;
      }
      if (!(await this.save())) return false;
      if (!this.editor.value.trim()) return false;
      this.setStatus("saving");
      this.tick();
      const e = this.effort;
      const effort = { active_ms: Math.round(e.ms), keystrokes: Math.min(e.keys, 200000) };
      if (e.memoryPct !== null) effort.memory_pct = e.memoryPct;
      const res = await call("POST", this.ws.api + "/segments/" + this.id + "/confirm", effort);
      if (res.ok) {
        this.effort = { ms: 0, keys: 0, memoryPct: null, mark: e.mark === null ? null : Date.now() };
        this.version = res.data.segment.version;
        this.setState(res.data.segment.state);
        this.setStatus("saved", "");
        this.statusEl.textContent = this.ws.t("Confirmed", "Confirmed");
        return true;
      }
      if (res.status === 409 && res.data) {
        this.showConflict(res.data.current_target || "", res.data.current_version, this.editor.value);
        return false;
      }
      this.setStatus("failed", this.ws.t("Failed", "Not saved: {reason}").replace("{reason}", res.message));
      return false;
    }
  }

  // --- the workspace ------------------------------------------------------------------------------------

  class Workspace {
    constructor(root) {
      this.root = root;
      this.mode = root.dataset.mode;
      this.doc = Number(root.dataset.doc);
      this.api = root.dataset.api;
      this.labels = JSON.parse(root.dataset.labels || "{}");
      this.rows = Array.from(root.querySelectorAll(".seg[data-segment]"), (node) => new Row(node, this));
      this.byNode = new Map(this.rows.map((r) => [r.node, r]));
      this.current = null;
      this.panel = new Panel(root.querySelector("[data-panel]"), this);
      this.bind();
      root.dataset.ready = "1";
      if (window.performance && performance.mark) performance.mark("songngu-workspace-ready");
    }

    t(key, fallback) {
      return this.root.dataset["text" + key] || fallback;
    }

    rowOf(node) {
      const seg = node && node.closest ? node.closest(".seg[data-segment]") : null;
      return seg ? this.byNode.get(seg) : null;
    }

    bind() {
      const root = this.root;
      root.addEventListener("focusin", (ev) => {
        const row = this.rowOf(ev.target);
        if (row) this.setCurrent(row);
      });
      root.addEventListener("keydown", (ev) => this.onKey(ev));
      document.addEventListener("keydown", (ev) => {
        if (ev.key === "?" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !isTyping(ev.target)) {
          ev.preventDefault();
          this.openHelp();
        }
      });
      const helpButton = root.querySelector("[data-help-open]");
      if (helpButton) {
        helpButton.hidden = false;
        helpButton.addEventListener("click", () => this.openHelp());
      }
      const filterBox = root.querySelector("[data-filter-box]");
      if (filterBox) {
        filterBox.hidden = false;
        filterBox.querySelector("select").addEventListener("change", (ev) => this.filter(ev.target.value));
      }
      window.addEventListener("beforeunload", (ev) => {
        if (this.rows.some((r) => r.dirty)) {
          ev.preventDefault();
          ev.returnValue = this.t("UnsavedLeave", "Some text is not saved yet.");
        }
      });
      this.bindTermTips();
      root.querySelectorAll("[data-comment-form]").forEach((f) => this.enhanceCommentForm(f));
      root.querySelectorAll("[data-resolve-form]").forEach((f) => this.enhanceResolveForm(f));
    }

    // A glossary term shows its entry (written once per page, hidden) on hover and on focus; Escape hides it.
    bindTermTips() {
      const tip = el("div", "term-tip");
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.append(tip);
      const show = (mark) => {
        const entry = document.getElementById(mark.getAttribute("aria-describedby") || "");
        if (!entry) return;
        tip.replaceChildren(...Array.from(entry.cloneNode(true).childNodes));
        tip.hidden = false;
        const r = mark.getBoundingClientRect();
        const width = tip.offsetWidth;
        const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
        tip.style.left = (left + window.scrollX) + "px";
        tip.style.top = (r.bottom + window.scrollY + 6) + "px";
      };
      const hide = () => { tip.hidden = true; };
      const termOf = (ev) => (ev.target && ev.target.closest ? ev.target.closest(".term") : null);
      this.root.addEventListener("mouseover", (ev) => { const m = termOf(ev); if (m) show(m); });
      this.root.addEventListener("mouseout", (ev) => { if (termOf(ev)) hide(); });
      this.root.addEventListener("focusin", (ev) => { const m = termOf(ev); if (m) show(m); else hide(); });
      this.root.addEventListener("focusout", (ev) => { if (termOf(ev)) hide(); });
      document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") hide(); });
    }

    openHelp() {
      const dialog = this.root.querySelector("[data-help]");
      if (dialog && !dialog.open) dialog.showModal();
    }

    filter(value) {
      this.rows.forEach((r) => {
        const flagged = r.qa && r.qa.children.length > 0;
        const show = value === "all" || (value === "todo" && !DONE.has(r.state))
          || (value === "qa" && flagged) || (value === "rejected" && r.state === "rejected");
        r.node.hidden = !show;
      });
    }

    setCurrent(row) {
      if (this.current === row) return;
      if (this.current) this.current.node.classList.remove("seg--current");
      this.current = row;
      row.node.classList.add("seg--current");
      this.panel.show(row);
    }

    focusRow(row) {
      if (!row) return;
      row.node.hidden = false;
      const target = row.editor || row.readonly || row.node.querySelector("button, summary");
      if (target) {
        target.focus();
        if (row.editor) {
          const end = row.editor.value.length;
          row.editor.setSelectionRange(end, end);
        }
      }
      row.node.scrollIntoView({ block: "nearest" });
    }

    neighbour(row, step) {
      const visible = this.rows.filter((r) => !r.node.hidden);
      const at = visible.indexOf(row);
      return visible[at + step] || null;
    }

    nextUnconfirmed(row) {
      const at = this.rows.indexOf(row);
      for (let i = 1; i <= this.rows.length; i += 1) {
        const r = this.rows[(at + i) % this.rows.length];
        if (!DONE.has(r.state)) return r;
      }
      return null;
    }

    async confirmAndMove(row, move) {
      const ok = await row.confirm();
      if (!ok || !move) return;
      const next = this.nextUnconfirmed(row);
      if (next) this.focusRow(next);
      else this.announce(this.t("DoneAll", "Every segment is confirmed."));
    }

    onKey(ev) {
      const row = this.rowOf(ev.target) || this.current;
      if (!row || !(ev.ctrlKey || ev.metaKey)) return;
      const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
      if (key === "Enter" && !ev.shiftKey && row.editor) {
        ev.preventDefault();
        this.confirmAndMove(row, true);
      } else if ((key === "ArrowDown" || key === "ArrowUp") && !ev.shiftKey && !ev.altKey) {
        ev.preventDefault();
        this.focusRow(this.neighbour(row, key === "ArrowDown" ? 1 : -1));
      } else if (ev.shiftKey && key === "s" && row.editor) {
        ev.preventDefault();
        row.replaceAll(toTokens(row.node.dataset.kind === "text" ? row.node.dataset.source : plainSource(row), row.map));
      } else if (ev.shiftKey && key === "r" && row.editor) {
        ev.preventDefault();
        if (row.mtHtml) row.replaceAll(toTokens(row.mtHtml, row.map));
        else this.announce(this.t("NoDraft", "This segment has no machine draft."));
      }
    }

    announce(text) {
      const box = this.root.querySelector("[data-save-summary]");
      if (box) box.textContent = text;
    }

    sessionLost() {
      this.announce(this.t("Offline", "Your session has ended: sign in again in another tab."));
    }

    updateSummary() {
      if (this.mode !== "edit") return;
      const box = this.root.querySelector("[data-save-summary]");
      if (!box) return;
      const busy = this.rows.some((r) => r.inflight);
      const dirty = this.rows.some((r) => r.editor && (r.editor.value !== r.savedText || r.conflict));
      const text = busy ? this.t("Pending", "Saving changes…") : dirty ? this.t("Unsaved", "Not saved yet") : this.t("AllSaved", "All changes saved");
      if (box.textContent !== text) box.textContent = text;
    }

    updateProgress() {
      const meter = this.root.querySelector("#ws-progress");
      if (!meter) return;
      const total = this.rows.length;
      const approved = this.rows.filter((r) => r.state === "approved").length;
      const done = this.rows.filter((r) => DONE.has(r.state)).length;
      const pct = (n) => (total ? Math.round((100 * n) / total) : 0);
      meter.setAttribute("aria-valuenow", String(pct(done)));
      const a = meter.querySelector(".meter__fill--approved");
      const c = meter.querySelector(".meter__fill--confirmed");
      if (a && c) {
        a.setAttribute("width", String(pct(approved)));
        c.setAttribute("x", String(pct(approved)));
        c.setAttribute("width", String(pct(done) - pct(approved)));
      }
      const text = meter.querySelector("[data-meter-text]");
      const template = this.t("Progress", "");
      if (text && template) {
        const words = template.replace("{done}", done).replace("{total}", total);
        text.textContent = words;
        meter.setAttribute("aria-valuetext", words);
      }
    }

    // Comment forms (replies, the panel's new comment): posted with fetch, shown without a reload.
    enhanceCommentForm(form) {
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const data = new FormData(form);
        const body = { body: data.get("body") || "" };
        const parent = data.get("parent_id");
        const segment = data.get("segment_id");
        if (parent) body.parent_id = Number(parent);
        else if (segment) body.segment_id = Number(segment);
        const res = await call("POST", this.api + "/documents/" + this.doc + "/comments", body);
        const msg = form.querySelector("[data-form-msg]") || form.appendChild(el("p", "ws-panel__msg"));
        msg.setAttribute("data-form-msg", "");
        msg.setAttribute("role", "status");
        if (!res.ok) {
          msg.textContent = res.message;
          return;
        }
        form.reset();
        msg.textContent = this.t("Commented", "Comment added.");
        this.showComment(res.data.comment, form);
      });
    }

    showComment(c, form) {
      const line = el("li", c.parent_id ? "comment" : "thread");
      const meta = el("p", "comment__meta");
      meta.append(el("strong", "comment__who", c.user || ""), " · ", el("time", null, new Date(c.at + "Z").toLocaleString()));
      line.append(meta, el("p", "comment__body", c.body));
      if (c.parent_id) {
        const thread = form.closest("[data-thread]");
        const list = thread && thread.querySelector("[data-replies]");
        if (list) list.append(line);
        return;
      }
      const row = this.rows.find((r) => r.id === c.segment_id);
      if (!row) return;
      let list = row.node.querySelector("[data-threads]");
      if (!list) {
        const box = el("details", "threads-box");
        box.open = true;
        box.append(el("summary", null, this.t("Comments", "Comments")));
        list = el("ol", "threads");
        list.setAttribute("data-threads", "");
        box.append(list);
        row.node.append(box);
      }
      list.append(line);
    }

    enhanceResolveForm(form) {
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const thread = form.closest("[data-thread]");
        const res = await call("POST", this.api + "/comments/" + thread.dataset.thread + "/resolve", {});
        if (!res.ok) return;
        thread.classList.add("thread--resolved");
        form.replaceWith(el("p", "thread__resolved", this.t("Resolved", "Resolved")));
      });
    }
  }

  function isTyping(target) {
    return !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function inSource(node) {
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return !!(element && element.closest("[data-source-text]"));
  }

  function plainSource(row) {
    const box = row.node.querySelector("[data-source-text]");
    return box ? box.textContent : "";
  }

  // --- the side panel -----------------------------------------------------------------------------------

  class Panel {
    constructor(node, ws) {
      this.node = node;
      this.ws = ws;
      this.row = null;
      this.cache = new Map();
      this.timer = null;
      if (!node) return;
      this.tm = node.querySelector("[data-tm]");
      this.glossary = node.querySelector("[data-glossary]");
      this.history = node.querySelector("[data-history]");
      this.historyBox = node.querySelector("[data-history-box]");
      this.results = node.querySelector("[data-cc-results]");
      const cc = node.querySelector("[data-concordance]");
      if (cc) cc.addEventListener("submit", (ev) => { ev.preventDefault(); this.concordance(new FormData(cc).get("q")); });
      if (this.historyBox) this.historyBox.addEventListener("toggle", () => { if (this.historyBox.open) this.loadHistory(); });
      const propose = node.querySelector("[data-propose]");
      if (propose) this.enhancePropose(propose);
      document.addEventListener("selectionchange", () => this.noteSelection());
    }

    show(row) {
      if (!this.node) return;
      this.row = row;
      this.node.querySelector("[data-panel-number]").textContent = String(row.number);
      const empty = this.node.querySelector("[data-panel-empty]");
      if (empty) empty.hidden = true;
      this.node.querySelectorAll("[data-panel-segment]").forEach((i) => { i.value = String(row.id); });
      this.node.querySelectorAll("[data-panel-number-input]").forEach((i) => { i.value = String(row.number); });
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(row), 120);
      if (this.historyBox && this.historyBox.open) this.loadHistory();
    }

    async load(row) {
      let data = this.cache.get(row.id);
      if (!data) {
        this.tm.replaceChildren(el("li", "muted", this.ws.t("Loading", "Loading…")));
        const res = await call("GET", this.ws.api + "/segments/" + row.id + "/panel");
        if (!res.ok) {
          this.tm.replaceChildren(el("li", "notice notice--error", res.message));
          return;
        }
        data = res.data;
        this.cache.set(row.id, data);
      }
      if (this.row !== row) return;
      this.renderMemory(row, data.memory);
      this.renderGlossary(row, data.glossary);
    }

    renderMemory(row, matches) {
      this.tm.textContent = "";
      if (!matches.length) {
        this.tm.append(el("li", "muted", this.ws.t("NoMatches", "No memory matches for this segment.")));
        return;
      }
      matches.forEach((m, i) => {
        const li = el("li", "tm");
        const head = el("div", "tm__head");
        head.append(el("span", "tm__pct" + (m.match_pct >= 100 ? " tm__pct--exact" : ""), Math.floor(m.match_pct) + "%"));
        head.append(el("span", "tm__src", m.source));
        const target = renderTokens(el("div", "tm__tgt"), toTokens(m.target, row.map));
        target.id = "tm-" + row.id + "-" + i;
        target.lang = this.ws.root.dataset.targetLang;
        li.append(head, target);
        if (row.editor) {
          const b = el("button", "button button--small tm__use", this.ws.t("Insert", "Insert"));
          b.type = "button";
          b.setAttribute("aria-describedby", target.id);
          b.addEventListener("click", () => {
            row.replaceAll(toTokens(m.target, row.map));
            if (m.match_pct > 0) row.effort.memoryPct = Math.min(100, m.match_pct);
          });
          li.append(b);
        }
        this.tm.append(li);
      });
    }

    renderGlossary(row, entries) {
      this.glossary.textContent = "";
      if (!entries.length) {
        this.glossary.append(el("li", "muted", this.ws.t("NoTerms", "No glossary terms in this segment.")));
        return;
      }
      entries.forEach((e) => {
        const li = el("li", "gl");
        li.append(el("span", "gl__src", e.source), " → ");
        if (row.editor) {
          const b = el("button", "gl__tgt", e.target);
          b.type = "button";
          b.addEventListener("click", () => row.insertAtCaret(e.target));
          li.append(b);
        } else {
          li.append(el("strong", "gl__tgt", e.target));
        }
        if (e.variants.length) li.append(el("span", "gl__line", this.ws.t("Also", "Also: {forms}").replace("{forms}", e.variants.join(", "))));
        if (e.forbidden.length) li.append(el("span", "gl__line gl__line--forbidden", this.ws.t("Forbidden", "Never: {forms}").replace("{forms}", e.forbidden.join(", "))));
        if (e.note) li.append(el("span", "gl__line gl__line--note", e.note));
        this.glossary.append(li);
      });
    }

    async concordance(q) {
      const phrase = (q || "").trim();
      this.results.replaceChildren(el("li", "muted", this.ws.t("Loading", "Loading…")));
      const res = await call("GET", this.ws.api + "/documents/" + this.ws.doc + "/concordance?q=" + encodeURIComponent(phrase));
      this.results.textContent = "";
      if (!res.ok) {
        this.results.append(el("li", "notice notice--error", res.message));
        return;
      }
      if (!res.data.hits.length) {
        this.results.append(el("li", "muted", this.ws.t("NoHits", "Nothing in the memory holds this phrase.")));
        return;
      }
      const map = this.row ? this.row.map : [];
      res.data.hits.forEach((h) => {
        const li = el("li", "cc");
        const head = el("div", "tm__head");
        head.append(el("span", "tm__pct", Math.floor(h.match_pct) + "%"),
          el("span", "cc__side", h.side === "source" ? this.ws.t("SourceSide", "found in the source") : this.ws.t("TargetSide", "found in the translation")));
        const src = el("div", "cc__src");
        src.lang = this.ws.root.dataset.sourceLang;
        appendText(src, h.source, h.side === "source" ? phrase : "");
        const tgt = renderTokens(el("div", "cc__tgt"), toTokens(h.target, map.slice()), h.side === "target" ? phrase : "");
        tgt.lang = this.ws.root.dataset.targetLang;
        li.append(head, src, tgt);
        this.results.append(li);
      });
    }

    async loadHistory() {
      const row = this.row;
      if (!row || !this.history) return;
      this.history.replaceChildren(el("li", "muted", this.ws.t("Loading", "Loading…")));
      const res = await call("GET", this.ws.api + "/segments/" + row.id + "/history");
      if (this.row !== row) return;
      this.history.textContent = "";
      if (!res.ok) {
        this.history.append(el("li", "notice notice--error", res.message));
        return;
      }
      if (!res.data.entries.length) {
        this.history.append(el("li", "muted", this.ws.t("NoHistory", "No history yet.")));
        return;
      }
      res.data.entries.forEach((h) => {
        const li = el("li", "hist hist--" + h.action);
        const meta = el("p", "hist__meta");
        meta.append(el("strong", null, this.ws.labels.actions[h.action] || h.action), " · " + (h.user || "—") + " · ",
          el("time", null, new Date(h.at + "Z").toLocaleString()));
        if (h.distance !== null && h.distance !== undefined) meta.append(" · " + this.ws.t("Distance", "{num} characters changed from the draft").replace("{num}", h.distance));
        li.append(meta);
        li.append(renderTokens(el("p", "hist__text"), toTokens(h.target, row.map)));
        if (h.diff && h.diff.length && h.action !== "machine") {
          const diff = el("p", "hist__diff");
          h.diff.forEach(([op, text]) => diff.append(op === "=" ? text : el(op === "+" ? "ins" : "del", null, text)));
          li.append(diff);
        }
        if (row.editor && h.target) {
          const b = el("button", "button button--small", this.ws.t("Restore", "Restore this text"));
          b.type = "button";
          b.addEventListener("click", () => row.replaceAll(toTokens(h.target, row.map)));
          li.append(b);
        }
        this.history.append(li);
      });
    }

    noteSelection() {
      const sel = document.getSelection();
      const form = this.node && this.node.querySelector("[data-propose]");
      if (!form) return;
      let text = "";
      let side = null;
      const active = document.activeElement;
      if (active && active.matches && active.matches("[data-editor]") && active.selectionEnd > active.selectionStart) {
        text = plainOf(active.value.slice(active.selectionStart, active.selectionEnd));
        side = "target";
      } else if (sel && !sel.isCollapsed && inSource(sel.anchorNode) && inSource(sel.focusNode)) {
        text = plainOf(sel.toString());
        side = "source";
      }
      text = text.replace(/\s+/g, " ").trim();
      if (!side || !text || text.length > 300) return;
      const input = form.querySelector("[data-propose-" + side + "]");
      if (input && (!input.value || input.dataset.auto === "1")) {
        input.value = text;
        input.dataset.auto = "1";
      }
      const cc = this.node.querySelector("#cc-q");
      if (cc && side === "source" && (!cc.value || cc.dataset.auto === "1")) {
        cc.value = text;
        cc.dataset.auto = "1";
      }
    }

    enhancePropose(form) {
      form.querySelectorAll("input").forEach((i) => i.addEventListener("input", () => { i.dataset.auto = "0"; }));
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const data = new FormData(form);
        const body = {};
        ["vi", "en", "domain", "note"].forEach((k) => { body[k] = data.get(k) || ""; });
        const msg = form.querySelector("[data-propose-msg]");
        const res = await call("POST", this.ws.api + "/glossary/propose", body);
        msg.textContent = res.ok ? this.ws.t("Proposed", "Term proposed.") : res.message;
        msg.className = "ws-panel__msg" + (res.ok ? "" : " notice--error");
        if (res.ok) form.querySelectorAll("input[type=text]").forEach((i) => { i.value = ""; });
      });
    }
  }

  const instances = new WeakMap();
  window.songnguWorkspace = Object.freeze({
    get: (root) => instances.get(root),
    call,
    el,
    toTokens,
    fromTokens,
    renderTokens,
    buildMap,
  });

  songngu.register("workspace", (root) => {
    instances.set(root, new Workspace(root));
  });
})();
