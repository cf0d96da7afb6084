// Door page enhancement: sends each scan to the check-in API without reloading the page,
// shows the result big, and keeps the code field focused for the next scan. Without
// this script the form posts to the server and the page shows the same result.
(() => {
  'use strict';
  const form = document.getElementById('door-form');
  if (!form || !window.fetch || !window.crypto) return;
  const input = document.getElementById('door-code');
  const scope = document.getElementById('door-scope');
  const result = document.getElementById('door-result');
  const counts = document.getElementById('door-counts');
  const data = form.dataset;
  const messages = {
    ok: data.msgOk,
    already_checked_in: data.msgAlready,
    invalid: data.msgInvalid,
    revoked: data.msgRevoked,
    cancelled: data.msgCancelled,
    wrong_event: data.msgWrongEvent,
    not_registered_for_session: data.msgNotRegisteredForSession,
  };
  let clearTimer = null;

  // A fresh id per scan: the server answers a repeated id with its first answer.
  function newScanId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function localTime(iso) {
    try {
      return new Intl.DateTimeFormat(data.lang, {
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: data.timeZone,
      }).format(new Date(iso));
    } catch (error) {
      return iso || '';
    }
  }

  // The entrance count on the page, kept current without a reload.
  function countOneMore() {
    const checked = Number(counts.dataset.checked) + 1;
    counts.dataset.checked = String(checked);
    counts.textContent = counts.dataset.template
      .replace('{checked}', String(checked))
      .replace('{expected}', counts.dataset.expected);
  }

  function show(kind, icon, headline, name, detail) {
    result.className = 'door-result ' + kind;
    result.replaceChildren();
    const add = (tag, className, text, hidden) => {
      if (!text) return;
      const element = document.createElement(tag);
      element.className = className;
      element.textContent = text;
      if (hidden) element.setAttribute('aria-hidden', 'true');
      result.appendChild(element);
    };
    add('span', 'result-icon', icon, true);
    add('p', 'result-headline', headline);
    add('p', 'result-name', name);
    add('p', 'result-detail', detail);
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      result.className = 'door-result';
      result.replaceChildren();
    }, 5000);
    if (navigator.vibrate) navigator.vibrate(kind === 'result-ok' ? 80 : [200, 100, 200]);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value.trim();
    input.value = '';
    input.focus();
    if (!code) return;
    const body = { token: code, scan_id: newScanId(), session: scope.value || null };
    try {
      const response = await fetch(data.api, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + data.deviceToken },
        body: JSON.stringify(body),
      });
      if (response.status === 400) {
        show('result-bad', '✗', data.msgUnknownSession, '', '');
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const answer = await response.json();
      const attendee = answer.attendee || {};
      let kind = 'result-bad';
      let icon = '✗';
      let headline = messages[answer.result] || data.msgInvalid;
      if (answer.result === 'ok') {
        kind = 'result-ok';
        icon = '✓';
        if (!body.session) countOneMore();
      } else if (answer.result === 'already_checked_in') {
        kind = 'result-warn';
        icon = '!';
        headline = headline.replace('{time}', localTime(answer.checked_in_at)).replace('{device}', answer.device || '–');
      }
      show(kind, icon, headline, attendee.name, attendee.organisation);
    } catch (error) {
      show('result-bad', '✗', data.msgNetwork, '', '');
    }
  });
})();
