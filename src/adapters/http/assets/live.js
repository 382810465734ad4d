// Loket officer console, conversation page: the transcript follows the server's event stream
// (new lines, delivery of replies), a failed reply is sent again without leaving the page, and
// the citizen sees "typing" while the officer writes. Served by the app itself (the CSP allows
// no inline script); the page works without it, by reloading.
/* global document, window, EventSource */
(() => {
  'use strict';

  const list = document.getElementById('transcript');
  if (!list || !list.dataset.stream) return;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') || '';

  /** The server renders each line with the page's own view: markup from it, escaped there. */
  const element = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  };

  if (window.EventSource) {
    // After a dropped connection the browser sends Last-Event-ID (the last line it got), so the
    // server continues after it; the id check below only guards against a double page script.
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
    // Closed elsewhere: reload into the closed page. Not when this page is already leaving (its
    // own close or hand-back form was sent): a reload would cancel that navigation.
    let leaving = false;
    window.addEventListener('beforeunload', () => {
      leaving = true;
    });
    source.addEventListener('closed', () => {
      source.close();
      if (!leaving) window.location.reload();
    });
  }

  // "Send again": posted in the background; the stream shows it queued, then sent or failed.
  // Should the post not go through, the form is submitted the ordinary way to show why.
  list.addEventListener('submit', (event) => {
    const form = event.target.closest('form.retry');
    if (!form) return;
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      redirect: 'manual',
    })
      .then((res) => {
        if (res.type !== 'opaqueredirect' && !res.ok) form.submit();
      })
      .catch(() => form.submit());
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
