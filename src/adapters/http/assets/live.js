// Loket officer console, conversation page: the transcript and the notes follow the server's
// event stream (new lines, delivery of replies, notes), every form is posted in the background
// so the page is never reloaded, and the citizen sees "typing" while the officer writes. Served
// by the app itself (the CSP allows no inline script); without it the forms post and redirect.
/* global document, window, EventSource */
(() => {
  'use strict';

  const list = document.getElementById('transcript');
  if (!list || !list.dataset.stream) return;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') || '';
  // Set once this page is on its way out (a form that ends the conversation here, or a link).
  let leaving = false;
  // Forms posted and not yet answered: one of them may be what closed the conversation.
  let pending = 0;
  let closed = false;
  window.addEventListener('beforeunload', () => {
    leaving = true;
  });

  /** The server renders each line with the page's own view: markup from it, escaped there. */
  const element = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  };

  const follow = () => {
    // After a dropped connection the browser sends Last-Event-ID (the last line it got), so the
    // server continues after it; the id checks keep one element per line and per note.
    const source = new EventSource(list.dataset.stream);
    source.addEventListener('line', (event) => {
      const data = JSON.parse(event.data);
      if (document.getElementById(`line-${data.index}`)) return;
      const line = element(data.html);
      list.append(line);
      line.scrollIntoView({ block: 'nearest' });
    });
    source.addEventListener('delivery', (event) => {
      const data = JSON.parse(event.data);
      const old = document.getElementById(`line-${data.index}`);
      if (old) old.replaceWith(element(data.html));
    });
    source.addEventListener('note', (event) => {
      const data = JSON.parse(event.data);
      const notes = document.getElementById('notes-list');
      if (!notes || document.getElementById(`note-${data.index}`)) return;
      notes.querySelector('.no-notes')?.remove();
      notes.append(element(data.html));
    });
    // Closed elsewhere: reload into the closed page, unless this page is already leaving or
    // waits for the answer of its own form, which says where to go (a reload would cancel it).
    source.addEventListener('closed', () => {
      source.close();
      closed = true;
      if (!leaving && pending === 0) window.location.reload();
    });
  };
  if (window.EventSource) follow();

  /** The form's status line (made on first use): what the server said, or why it failed. */
  const say = (form, text, kind) => {
    let status = form.querySelector('.form-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'form-status';
      status.setAttribute('role', 'status');
      form.append(status);
    }
    status.dataset.kind = kind;
    status.textContent = text || '';
    status.hidden = !text;
  };

  /** A refusal as the console's JSON error: the message, then what to fix in each field. */
  const refusal = (body) => {
    const error = body && body.error;
    if (!error) return list.dataset.offline;
    const fields = Object.values(error.fields || {});
    return fields.length > 0 ? fields.join(' ') : error.message;
  };

  // Every form marked data-live: posted in the background. One that ends the conversation here
  // (close, hand back, transfer, release) then goes where the server says; the others stay, and
  // the stream shows what they added.
  document.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-live]');
    if (!form) return;
    event.preventDefault();
    const buttons = [...form.querySelectorAll('button')];
    if (buttons.some((b) => b.disabled)) return;
    for (const b of buttons) b.disabled = true;
    pending++;
    const multipart = form.enctype === 'multipart/form-data';
    const body = multipart ? new FormData(form) : new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-Loket-Live': '1', Accept: 'application/json' },
    })
      .then(async (res) => {
        const json = (res.headers.get('content-type') || '').includes('application/json');
        // Not JSON: the session ended and the login page answered; go there.
        if (!json) return window.location.assign(res.url);
        const data = await res.json();
        if (!res.ok) return say(form, refusal(data), 'error');
        if (data.next) {
          leaving = true;
          return window.location.assign(data.next);
        }
        form.reset();
        say(form, data.message, 'ok');
      })
      .catch(() => say(form, list.dataset.offline, 'error'))
      .finally(() => {
        pending--;
        for (const b of buttons) b.disabled = false;
        if (closed && !leaving && pending === 0) window.location.reload();
      });
  });

  // "Typing": at most every 4 seconds while the officer writes (Telegram shows it for about 5).
  const box = document.getElementById('reply-text');
  const typingUrl = list.dataset.typing;
  if (box && typingUrl) {
    let last = 0;
    box.addEventListener('input', () => {
      const now = Date.now();
      if (now - last < 4000) return;
      last = now;
      fetch(typingUrl, {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrf },
        credentials: 'same-origin',
      }).catch(() => undefined);
    });
  }
})();
