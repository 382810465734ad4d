// Loket officer console: the live queue (server-sent events, sound, browser notification) and
// canned replies. Served by the app itself; the CSP allows no inline script.
/* global document, window, AudioContext, Notification, EventSource */
(() => {
  'use strict';

  for (const button of document.querySelectorAll('.canned-reply')) {
    button.addEventListener('click', () => {
      const box = document.getElementById('reply-text');
      if (box) {
        box.value = button.dataset.text || '';
        box.focus();
      }
    });
  }

  const table = document.getElementById('queue');
  if (!table || !window.EventSource) return;
  const body = table.querySelector('tbody');
  let known = new Set([...table.querySelectorAll('tbody tr[data-id]')].map((row) => row.dataset.id));
  let audio;

  const beep = () => {
    try {
      audio = audio || new AudioContext();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.25);
    } catch {
      // No audio device: the notification and the table still show it.
    }
  };

  const enable = document.getElementById('enable-alerts');
  if (enable) {
    enable.addEventListener('click', () => {
      audio = audio || new AudioContext();
      if (window.Notification && Notification.permission === 'default') void Notification.requestPermission();
      enable.hidden = true;
    });
  }

  const source = new EventSource(table.dataset.stream);
  source.addEventListener('queue', (event) => {
    const data = JSON.parse(event.data);
    const fresh = data.ids.filter((id) => !known.has(id));
    known = new Set(data.ids);
    body.innerHTML = data.html || '<tr class="empty"><td colspan="5">-</td></tr>';
    if (fresh.length === 0) return;
    beep();
    if (window.Notification && Notification.permission === 'granted') {
      new Notification('Loket', { body: table.dataset.alert, tag: 'loket-queue' });
    }
    document.title = `(${data.ids.length}) ${document.title.replace(/^\(\d+\) /, '')}`;
  });
  // The officer's own conversations: one transferred to them appears, with a beep.
  const mine = document.getElementById('mine');
  let held = new Set([...(mine?.querySelectorAll('tbody tr[data-id]') || [])].map((row) => row.dataset.id));
  source.addEventListener('mine', (event) => {
    const data = JSON.parse(event.data);
    if (!mine) return;
    const fresh = data.ids.filter((id) => !held.has(id));
    held = new Set(data.ids);
    mine.querySelector('tbody').innerHTML = data.html || '<tr class="empty"><td colspan="5">-</td></tr>';
    if (fresh.length > 0) beep();
  });
})();

// The conversation page's requirement picker: the chosen service's requirement text (the bot's
// own words, in the option's data-text) fills the reply box.
(() => {
  'use strict';
  const button = document.getElementById('insert-requirements');
  const select = document.getElementById('requirement-service');
  const box = document.getElementById('reply-text');
  if (!button || !select || !box) return;
  button.addEventListener('click', () => {
    const option = select.options[select.selectedIndex];
    if (!option) return;
    box.value = option.dataset.text || '';
    box.focus();
  });
})();
