// Vraagbaak in de browser: CodeMirror 5 as the editor, the language server over a
// WebSocket (one JSON-RPC message per text frame), the drafts over /api.
'use strict';
(function () {
  const token = new URLSearchParams(location.search).get('token') || '';
  const $ = (id) => document.getElementById(id);
  const Pos = CodeMirror.Pos;

  function withToken(path) {
    return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  }
  function api(path, options) { return fetch(withToken(path), options); }

  // ---- Status line -------------------------------------------------------------------
  function setStatus(text, isProblem) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('problem', !!isProblem);
  }

  // ---- A JSON-RPC client over a WebSocket --------------------------------------------
  class LanguageClient {
    constructor(url) {
      this.url = url;
      this.nextId = 1;
      this.pending = new Map();
      this.notificationHandlers = {};
      this.requestHandlers = {};
    }
    connect() {
      return new Promise((resolve, reject) => {
        const socket = new WebSocket(this.url);
        this.socket = socket;
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error('geen verbinding'));
        socket.onmessage = (event) => this.receive(event.data);
        socket.onclose = () => {
          for (const { reject: fail } of this.pending.values()) fail(new Error('verbinding verbroken'));
          this.pending.clear();
          if (this.onclose) this.onclose();
        };
      });
    }
    send(message) {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, message)));
        return true;
      }
      return false;
    }
    request(method, params) {
      const id = this.nextId++;
      return new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        if (!this.send({ id, method, params })) {
          this.pending.delete(id);
          reject(new Error('geen verbinding met de taalserver'));
        }
      });
    }
    notify(method, params) { this.send({ method, params }); }
    receive(data) {
      let message;
      try { message = JSON.parse(data); } catch (e) { return; }
      if (message.method === undefined) {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error) waiting.reject(message.error); else waiting.resolve(message.result);
      } else if (message.id !== undefined) {
        const handler = this.requestHandlers[message.method];
        if (handler) {
          Promise.resolve(handler(message.params)).then(
            (result) => this.send({ id: message.id, result: result === undefined ? null : result }),
            (error) => this.send({ id: message.id, error: { code: -32603, message: String(error) } }));
        } else {
          this.send({ id: message.id, error: { code: -32601, message: 'Niet ondersteund: ' + message.method } });
        }
      } else {
        const handler = this.notificationHandlers[message.method];
        if (handler) handler(message.params);
      }
    }
  }

  // ---- State ---------------------------------------------------------------------------
  let config = null;
  let client = null;
  let editor = null;
  let serverCapabilities = {};
  /** The open draft: name, uri, the file version it builds on, the LSP version, the saved text. */
  let current = null;
  let diagnostics = [];
  let loading = false;

  const severityName = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };
  const severityLabel = { 1: 'Fout', 2: 'Waarschuwing', 3: 'Info', 4: 'Tip' };

  function lspPosition(pos) { return { line: pos.line, character: pos.ch }; }
  function cmPosition(position) { return Pos(position.line, position.character); }
  function textDocument() { return { uri: current.uri }; }

  // ---- Markdown from hovers and previews, to safe HTML ---------------------------------
  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function inlineMarkdown(text) {
    let html = escapeHTML(text);
    html = html.replace(/`([^`]+)`/g, '<code>$1</code>');
    html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    html = html.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    return html.replace(/\\([\\`*_{}\[\]()#+\-.!|>~])/g, '$1');
  }
  function markdownToHTML(markdown) {
    const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
    return blocks.map((block) => {
      const lines = block.split('\n').filter((line) => line.trim() !== '');
      if (lines.length && lines.every((line) => /^\s*[-*] /.test(line))) {
        return '<ul>' + lines.map((line) => '<li>' + inlineMarkdown(line.replace(/^\s*[-*] /, '')) + '</li>').join('') + '</ul>';
      }
      if (/^---+$/.test(block.trim())) return '<hr>';
      return '<p>' + lines.map(inlineMarkdown).join('<br>') + '</p>';
    }).join('');
  }
  function contentsToHTML(contents) {
    if (!contents) return '';
    if (typeof contents === 'string') return markdownToHTML(contents);
    if (Array.isArray(contents)) return contents.map(contentsToHTML).join('');
    if (contents.kind === 'plaintext') return '<p>' + escapeHTML(contents.value).replace(/\n/g, '<br>') + '</p>';
    return markdownToHTML(contents.value || '');
  }

  // ---- Drafts ------------------------------------------------------------------------
  async function refreshDraftList() {
    const response = await api('/api/drafts');
    const drafts = response.ok ? await response.json() : [];
    const list = $('draft-list');
    list.textContent = '';
    if (!drafts.length) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'Nog geen concepten in deze map.';
      list.appendChild(empty);
    }
    for (const draft of drafts) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = draft.name;
      button.dataset.name = draft.name;
      if (current && current.name === draft.name) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => openDraft(draft.name));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  function backupKey(name) { return 'vraagbaak-onbewaard:' + config.folder + '/' + name; }

  async function openDraft(name) {
    if (current && current.name === name) { editor.focus(); return; }
    if (current) {
      await saveNow();
      client.notify('textDocument/didClose', { textDocument: textDocument() });
    }
    const response = await api('/api/drafts/' + encodeURIComponent(name));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      setStatus('Kan ' + name + ' niet openen: ' + (body.error || response.statusText), true);
      return;
    }
    current = { name, uri: body.uri, version: body.version, lspVersion: 1, saved: body.text, conflict: false };
    diagnostics = [];
    loading = true;
    editor.setValue(body.text);
    editor.clearHistory();
    loading = false;
    editor.setOption('readOnly', false);
    $('draft-name').textContent = name;
    document.title = name + ' – Vraagbaak';
    history.replaceState(null, '', '#concept=' + encodeURIComponent(name));
    client.notify('textDocument/didOpen', {
      textDocument: { uri: current.uri, languageId: 'vraag', version: 1, text: body.text },
    });
    await refreshDraftList();
    restoreBackup(body);
    renderFindings();
    scheduleSimilar(0);
    setStatus('Geopend: ' + name);
    document.body.dataset.draft = name;
    editor.focus();
  }

  /** Text typed but not saved when the page went away (no connection) comes back. */
  function restoreBackup(draft) {
    let backup = null;
    try { backup = JSON.parse(localStorage.getItem(backupKey(draft.name)) || 'null'); } catch (e) { backup = null; }
    if (!backup || backup.text === draft.text) { localStorage.removeItem(backupKey(draft.name)); return; }
    if (backup.version === draft.version) {
      editor.setValue(backup.text);
      setStatus('Niet-opgeslagen tekst van de vorige keer hersteld.');
    } else {
      showConflict({ version: draft.version, text: draft.text }, backup.text);
    }
  }

  async function createDraft(event) {
    event.preventDefault();
    const input = $('new-name');
    const name = input.value.trim();
    if (!name) { input.focus(); setStatus('Geef eerst een naam voor het nieuwe concept.', true); return; }
    const response = await api('/api/drafts', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { setStatus(body.error || 'Aanmaken mislukt.', true); return; }
    input.value = '';
    await refreshDraftList();
    await openDraft(body.name);
  }

  // ---- Never lose text: save within a second, check the version ---------------------
  let saveTimer = null;
  let saving = null;

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 400);
  }

  async function saveNow() {
    clearTimeout(saveTimer);
    while (saving) await saving;
    if (!current || current.conflict) return;
    const draft = current;
    const text = editor.getValue();
    if (text === draft.saved) return;
    saving = (async () => {
      try {
        const response = await api('/api/drafts/' + encodeURIComponent(draft.name) + '?version=' + draft.version, {
          method: 'PUT', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text,
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          draft.version = body.version;
          draft.saved = text;
          if (draft === current && editor.getValue() === text) {
            localStorage.removeItem(backupKey(draft.name));
            setStatus('Opgeslagen om ' + new Date().toLocaleTimeString('nl-BE'));
          }
        } else if (response.status === 409 && body.version) {
          showConflict(body, text);
        } else {
          setStatus('Opslaan mislukt: ' + (body.error || response.statusText) + ' Uw tekst blijft hier staan.', true);
          saveTimer = setTimeout(saveNow, 3000);
        }
      } catch (error) {
        setStatus('Opslaan mislukt: geen verbinding met vraagbaak web. Uw tekst blijft in dit tabblad; we proberen opnieuw.', true);
        saveTimer = setTimeout(saveNow, 3000);
      }
    })();
    await saving;
    saving = null;
    if (current && !current.conflict && editor.getValue() !== current.saved) scheduleSave();
  }

  /** Someone else saved this draft: say so, keep both texts, let the user choose. */
  function showConflict(theirs, mine) {
    current.conflict = true;
    current.theirs = theirs;
    current.mine = mine;
    setStatus('Niet opgeslagen: dit concept werd intussen elders gewijzigd.', true);
    const dialog = $('conflict');
    if (!dialog.open) dialog.showModal();
    $('conflict-keep-mine').focus();
  }

  async function resolveConflict(keepMine) {
    const dialog = $('conflict');
    dialog.close();
    const { theirs } = current;
    current.conflict = false;
    if (keepMine) {
      current.version = theirs.version;
      current.saved = theirs.text;
      await saveNow();
      return;
    }
    // Take theirs; my text goes into a new draft beside it, so nothing is lost.
    const mine = editor.getValue();
    const copyName = current.name.replace(/\.vraag$/, '') + ' (mijn versie ' + new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-') + ').vraag';
    const created = await api('/api/drafts', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: copyName }),
    });
    if (created.ok) {
      const copy = await created.json();
      await api('/api/drafts/' + encodeURIComponent(copy.name) + '?version=' + copy.version, {
        method: 'PUT', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: mine,
      });
    }
    current.version = theirs.version;
    current.saved = theirs.text;
    editor.setValue(theirs.text);
    localStorage.removeItem(backupKey(current.name));
    await refreshDraftList();
    setStatus(created.ok ? 'De andere versie is geladen; uw tekst staat in "' + copyName + '".'
      : 'De andere versie is geladen.', !created.ok);
  }

  function onEditorChange() {
    if (loading || !current) return;
    current.lspVersion += 1;
    client.notify('textDocument/didChange', {
      textDocument: { uri: current.uri, version: current.lspVersion },
      contentChanges: [{ text: editor.getValue() }],
    });
    try {
      localStorage.setItem(backupKey(current.name), JSON.stringify({ version: current.version, text: editor.getValue() }));
    } catch (e) { /* storage full or off: the file is still saved within a second */ }
    if (!current.conflict) {
      setStatus('Wijzigingen worden opgeslagen…');
      scheduleSave();
    }
    scheduleSimilar(1500);
  }

  // ---- Diagnostics: underlines (lint add-on) and the list ---------------------------
  function annotations() {
    return diagnostics.map((diagnostic) => {
      const from = cmPosition(diagnostic.range.start);
      let to = cmPosition(diagnostic.range.end);
      if (CodeMirror.cmpPos(from, to) === 0) {
        // An empty range still needs something to underline.
        const line = editor.getLine(from.line) || '';
        to = Pos(from.line, Math.min(line.length, from.ch + 1));
        if (to.ch === from.ch && from.ch > 0) from.ch -= 1;
      }
      return { from, to, message: diagnostic.message, severity: severityName[diagnostic.severity] || 'info' };
    });
  }

  function renderFindings() {
    const list = $('findings');
    list.textContent = '';
    $('findings-count').textContent = diagnostics.length ? '(' + diagnostics.length + ')' : '';
    if (!diagnostics.length) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = current ? 'Geen bevindingen.' : 'Open een concept.';
      list.appendChild(empty);
      return;
    }
    const sorted = diagnostics.slice().sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const diagnostic of sorted) {
      const item = document.createElement('li');
      item.className = 'finding finding-' + (severityName[diagnostic.severity] || 'info');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'finding-go';
      const where = 'regel ' + (diagnostic.range.start.line + 1);
      button.innerHTML = '<span class="severity">' + escapeHTML(severityLabel[diagnostic.severity] || 'Info') + '</span> '
        + '<span class="message">' + escapeHTML(diagnostic.message) + '</span> '
        + '<span class="where">' + where + (diagnostic.code ? ' · ' + escapeHTML(String(diagnostic.code)) : '') + '</span>';
      button.addEventListener('click', () => {
        editor.setSelection(cmPosition(diagnostic.range.start), cmPosition(diagnostic.range.start));
        editor.scrollIntoView(null, 80);
        editor.focus();
      });
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'finding-fix';
      fix.textContent = 'Oplossen…';
      fix.title = 'Snelle oplossingen voor deze bevinding (Ctrl-.)';
      fix.addEventListener('click', () => {
        editor.setSelection(cmPosition(diagnostic.range.start), cmPosition(diagnostic.range.end));
        editor.focus();
        showQuickFixes();
      });
      item.appendChild(button);
      item.appendChild(fix);
      list.appendChild(item);
    }
  }

  function onDiagnostics(params) {
    if (!current || params.uri !== current.uri) return;
    if (params.version != null && params.version < current.lspVersion) return;
    diagnostics = params.diagnostics || [];
    editor.performLint();
    renderFindings();
    // The corpus may have been loading when the panel asked first: new diagnostics
    // follow its arrival, so ask again while the panel is still empty.
    if (similarIsEmpty) scheduleSimilar(100);
  }

  // ---- Hover: previews of cited questions ----------------------------------------------
  let hoverTimer = null;
  let hoverTick = 0;

  function hideHover() {
    clearTimeout(hoverTimer);
    hoverTick += 1;
    $('hover').hidden = true;
  }

  async function showHoverAt(pos, coords) {
    if (!current) return;
    const tick = ++hoverTick;
    let result;
    try {
      result = await client.request('textDocument/hover', { textDocument: textDocument(), position: lspPosition(pos) });
    } catch (e) { return; }
    if (tick !== hoverTick || !result || !result.contents) return;
    const html = contentsToHTML(result.contents);
    if (!html) return;
    const box = $('hover');
    box.innerHTML = html;
    box.hidden = false;
    const width = box.offsetWidth;
    box.style.left = Math.max(8, Math.min(coords.left, window.innerWidth - width - 8)) + 'px';
    const below = coords.bottom + 6;
    box.style.top = (below + box.offsetHeight > window.innerHeight ? Math.max(8, coords.top - box.offsetHeight - 6) : below) + 'px';
  }

  function onMouseMove(event) {
    clearTimeout(hoverTimer);
    if ($('hover').contains(event.target)) return;
    const x = event.clientX;
    const y = event.clientY;
    hoverTimer = setTimeout(() => {
      const pos = editor.coordsChar({ left: x, top: y }, 'window');
      const start = editor.charCoords(pos, 'window');
      // Past the end of a line is not over a word.
      const line = editor.getLine(pos.line) || '';
      if (pos.ch >= line.length && x > start.right + 4) { hideHover(); return; }
      showHoverAt(pos, { left: x, top: start.top, bottom: start.bottom });
    }, 350);
  }

  function hoverAtCursor() {
    const pos = editor.getCursor();
    const coords = editor.cursorCoords(pos, 'window');
    showHoverAt(pos, { left: coords.left, top: coords.top, bottom: coords.bottom });
  }

  // ---- Completion (show-hint add-on) -------------------------------------------------
  function wordStart(pos) {
    const line = editor.getLine(pos.line);
    let ch = pos.ch;
    while (ch > 0 && /[\p{L}\p{N}_-]/u.test(line.charAt(ch - 1))) ch -= 1;
    return Pos(pos.line, ch);
  }

  function completionHint(cm, callback) {
    if (!current) { callback(null); return; }
    const cursor = cm.getCursor();
    client.request('textDocument/completion', {
      textDocument: textDocument(), position: lspPosition(cursor), context: { triggerKind: 1 },
    }).then((result) => {
      const items = Array.isArray(result) ? result : ((result && result.items) || []);
      const now = cm.getCursor();
      const start = wordStart(now);
      const list = items.map((item) => {
        let from = start;
        let to = now;
        let text = item.insertText || item.label;
        const edit = item.textEdit;
        if (edit) {
          const range = edit.range || edit.replace;
          text = edit.newText;
          from = cmPosition(range.start);
          to = cmPosition(range.end);
          // Typed on since the request: the edit now ends at the cursor.
          if (to.line === now.line && to.ch <= now.ch) to = now;
        }
        return {
          text, from, to, item,
          displayText: item.label,
          render(element, self, data) {
            element.innerHTML = '<span class="hint-label">' + escapeHTML(item.label) + '</span>'
              + (item.detail ? ' <span class="hint-detail">' + escapeHTML(item.detail) + '</span>' : '');
          },
        };
      });
      callback(list.length ? { list, from: start, to: now } : null);
    }, () => callback(null));
  }
  completionHint.async = true;

  function showCompletion() {
    editor.showHint({ hint: completionHint, completeSingle: false, closeCharacters: /[\s()\[\]{};>,]/ });
  }

  let completionTimer = null;
  function onInputRead(cm, change) {
    if (!current || change.origin === 'complete' || change.origin === 'paste') return;
    const typed = change.text.join('\n');
    if (typed.length !== 1) return;
    const triggers = ((serverCapabilities.completionProvider || {}).triggerCharacters) || [];
    const isWordCharacter = /[\p{L}\p{N}]/u.test(typed);
    if (!triggers.includes(typed) && !isWordCharacter) return;
    if (cm.state.completionActive) return;
    clearTimeout(completionTimer);
    completionTimer = setTimeout(showCompletion, isWordCharacter ? 250 : 60);
  }

  // ---- Quick fixes ---------------------------------------------------------------------
  function applyWorkspaceEdit(edit) {
    if (!edit || !current) return false;
    let edits = [];
    if (edit.changes && edit.changes[current.uri]) edits = edit.changes[current.uri];
    for (const change of edit.documentChanges || []) {
      if (change.textDocument && change.textDocument.uri === current.uri) edits = edits.concat(change.edits);
    }
    if (!edits.length) return false;
    const ordered = edits.slice().sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    editor.operation(() => {
      for (const textEdit of ordered) {
        editor.replaceRange(textEdit.newText, cmPosition(textEdit.range.start), cmPosition(textEdit.range.end), '+quickfix');
      }
    });
    return true;
  }

  async function showQuickFixes() {
    if (!current) return;
    const from = editor.getCursor('from');
    const to = editor.getCursor('to');
    const touching = diagnostics.filter((d) => {
      const start = cmPosition(d.range.start);
      const end = cmPosition(d.range.end);
      return CodeMirror.cmpPos(start, to) <= 0 && CodeMirror.cmpPos(end, from) >= 0;
    });
    let actions;
    try {
      actions = await client.request('textDocument/codeAction', {
        textDocument: textDocument(),
        range: { start: lspPosition(from), end: lspPosition(to) },
        context: { diagnostics: touching, only: ['quickfix'] },
      });
    } catch (e) { actions = []; }
    actions = (actions || []).filter((action) => action.edit);
    if (!actions.length) { setStatus('Geen snelle oplossing op deze plaats.'); return; }
    const cursor = editor.getCursor();
    editor.showHint({
      completeSingle: false,
      closeCharacters: /[^]/,
      hint: () => ({
        from: cursor, to: cursor,
        list: actions.map((action) => ({
          text: '', displayText: action.title, className: 'quickfix',
          hint() {
            applyWorkspaceEdit(action.edit);
            setStatus('Toegepast: ' + action.title);
          },
        })),
      }),
    });
  }

  // ---- Similar answered questions ----------------------------------------------------
  let similarTimer = null;
  let similarTick = 0;
  let similarIsEmpty = true;

  function scheduleSimilar(delay) {
    clearTimeout(similarTimer);
    similarTimer = setTimeout(refreshSimilar, delay);
  }

  async function refreshSimilar() {
    if (!current) return;
    const tick = ++similarTick;
    let results;
    try {
      results = await client.request('vraagbaak/search', { text: editor.getValue(), limit: 8 });
    } catch (e) { return; }
    if (tick !== similarTick) return;
    const list = $('similar');
    list.textContent = '';
    similarIsEmpty = !results || !results.length;
    if (similarIsEmpty) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'Geen gelijkaardige vragen gevonden.';
      list.appendChild(empty);
      return;
    }
    for (const result of results) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      // Records without a number are referred to by their title: show the date instead.
      const reference = result.reference && !result.reference.startsWith(result.title) ? result.reference : (result.date || '');
      button.innerHTML = '<span class="similar-title">' + escapeHTML(result.title || '(zonder titel)') + '</span>'
        + (reference ? '<span class="similar-reference">' + escapeHTML(reference) + '</span>' : '');
      button.addEventListener('click', () => openPreview(result, button));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  async function openPreview(result, opener) {
    let record;
    try {
      record = await client.request('vraagbaak/record', {
        title: result.title, number: result.number, date: result.date, uri: result.uri,
      });
    } catch (error) {
      setStatus('Kan deze vraag niet tonen: ' + (error.message || error), true);
      return;
    }
    $('preview-title').textContent = record.title || result.title || '(zonder titel)';
    $('preview-summary').innerHTML = markdownToHTML(record.summary || '');
    const full = $('preview-text');
    full.textContent = record.text || '';
    full.hidden = !record.text;
    const dialog = $('preview');
    dialog.returnFocus = opener;
    dialog.showModal();
    $('preview-close').focus();
  }

  // ---- Submission text -----------------------------------------------------------------
  async function copySubmission() {
    if (!current) { setStatus('Open eerst een concept.', true); return; }
    const response = await api('/api/submission', {
      method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: editor.getValue(),
    });
    if (!response.ok) { setStatus('Kon de indienklare tekst niet maken.', true); return; }
    const { text } = await response.json();
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (e) {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      copied = document.execCommand('copy');
      area.remove();
    }
    $('submission-text').value = text;
    setStatus(copied ? 'Indienklare tekst gekopieerd: plak hem in het formulier van het parlement.'
      : 'Kopiëren lukte niet; selecteer de tekst hieronder en kopieer hem zelf.', !copied);
  }

  // ---- Start -----------------------------------------------------------------------------
  async function start() {
    editor = CodeMirror($('editor'), {
      value: '',
      lineNumbers: true,
      lineWrapping: true,
      readOnly: true,
      gutters: ['CodeMirror-lint-markers'],
      lint: { getAnnotations: (text, update) => update(annotations()), async: true, lintOnChange: false },
      screenReaderLabel: 'Tekst van het concept',
      extraKeys: {
        'Ctrl-Space': showCompletion,
        'Ctrl-.': showQuickFixes,
        'Alt-Enter': showQuickFixes,
        'Ctrl-I': hoverAtCursor,
        'Ctrl-S': saveNow,
        Esc: hideHover,
        // Tab leaves the editor, so the page works with the keyboard alone.
        Tab: false,
        'Shift-Tab': false,
      },
    });
    editor.on('change', onEditorChange);
    editor.on('inputRead', onInputRead);
    editor.on('cursorActivity', hideHover);
    const wrapper = editor.getWrapperElement();
    wrapper.addEventListener('mousemove', onMouseMove);
    wrapper.addEventListener('mouseleave', () => clearTimeout(hoverTimer));
    editor.on('scroll', hideHover);
    document.addEventListener('keydown', (event) => { if (event.key === 'Escape') hideHover(); });

    $('new-draft').addEventListener('submit', createDraft);
    $('copy').addEventListener('click', copySubmission);
    $('conflict-keep-mine').addEventListener('click', () => resolveConflict(true));
    $('conflict-take-theirs').addEventListener('click', () => resolveConflict(false));
    $('conflict').addEventListener('cancel', (event) => event.preventDefault());
    $('preview-close').addEventListener('click', () => $('preview').close());
    $('preview').addEventListener('close', () => { const opener = $('preview').returnFocus; if (opener) opener.focus(); });
    window.addEventListener('pagehide', () => {
      if (current && !current.conflict && editor.getValue() !== current.saved) {
        fetch(withToken('/api/drafts/' + encodeURIComponent(current.name) + '?version=' + current.version), {
          method: 'PUT', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: editor.getValue(), keepalive: true,
        });
      }
    });

    renderFindings();
    const response = await api('/api/config');
    if (!response.ok) { setStatus('Geen toegang: open de volledige link die "vraagbaak web" toonde.', true); return; }
    config = await response.json();
    $('folder').textContent = config.folder;

    setStatus('Verbinden met de taalserver…');
    const socketURL = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + withToken('/lsp');
    client = new LanguageClient(socketURL);
    client.notificationHandlers['textDocument/publishDiagnostics'] = onDiagnostics;
    client.notificationHandlers['window/showMessage'] = (params) => setStatus(params.message, params.type <= 2);
    client.requestHandlers['workspace/configuration'] = (params) => (params.items || []).map(() => null);
    client.requestHandlers['client/registerCapability'] = () => null;
    client.requestHandlers['client/unregisterCapability'] = () => null;
    client.requestHandlers['window/workDoneProgress/create'] = () => null;
    client.requestHandlers['workspace/diagnostic/refresh'] = () => null;
    client.requestHandlers['window/showMessageRequest'] = (params) => { setStatus(params.message, params.type <= 2); return null; };
    client.requestHandlers['workspace/applyEdit'] = (params) => ({ applied: applyWorkspaceEdit(params.edit) });
    client.onclose = () => setStatus('De verbinding met vraagbaak web is verbroken. Uw tekst is bewaard tot de laatste wijziging die als opgeslagen werd gemeld; herlaad de pagina.', true);
    try {
      await client.connect();
    } catch (e) {
      setStatus('Geen verbinding met de taalserver.', true);
      return;
    }
    const initializeResult = await client.request('initialize', {
      processId: null,
      clientInfo: { name: 'vraagbaak web' },
      locale: 'nl',
      rootUri: config.folderURI,
      workspaceFolders: [{ uri: config.folderURI, name: 'concepten' }],
      initializationOptions: config.corpus.length ? { corpus: config.corpus } : {},
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          synchronization: { didSave: false },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: false, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
        // "Watching" the corpus is accepted and left undone: a page's server lives as
        // long as the page, and a reload reads the corpus afresh. Without this, every
        // open page's server would poll the corpus folders on its own.
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
    serverCapabilities = initializeResult.capabilities || {};
    client.notify('initialized', {});
    setStatus('Klaar.');

    await refreshDraftList();
    document.body.dataset.ready = 'true';
    const wanted = new URLSearchParams(location.hash.slice(1)).get('concept');
    if (wanted) await openDraft(wanted);
    window.addEventListener('hashchange', () => {
      const name = new URLSearchParams(location.hash.slice(1)).get('concept');
      if (name && (!current || current.name !== name)) openDraft(name);
    });
  }

  start().catch((error) => setStatus('Er ging iets mis: ' + (error && error.message ? error.message : error), true));
})();
