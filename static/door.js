// Door page enhancement: sends each scan to the check-in API without reloading the page,
// shows the result big, and keeps the code field focused for the next scan. With a
// camera (and the vendored jsQR decoder) it scans QR codes continuously and shows each
// result full screen for two seconds, with sound and vibration. Without this script the
// form posts to the server and the page shows the same result.
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
  let cameraOn = false;
  let audio = null;

  // A fresh id per scan: the server answers a repeated id with its first answer.
  // The folding of crates/domain/src/search.rs (keep the two in step): the device's own
  // search finds people as the server's does — case in every script, Latin accents,
  // ß as ss, ё as е, and Cyrillic names also in Latin letters.
  const PLAIN = {};
  ['aäàáâãåāăą', 'oöòóôõøōő', 'uüùúûūůűų', 'eéèêëēęěė', 'iíìîïıīį', 'cçćčĉ', 'sşśšș', 'tţțť', 'gğ', 'lłľĺ',
    'nñńň', 'zžźż', 'rř', 'dďđ', 'yýÿ'].forEach((group) => {
    Array.from(group.slice(1)).forEach((letter) => { PLAIN[letter] = group[0]; });
  });
  Object.assign(PLAIN, { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ё': 'е' });
  const LATIN = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'э': 'e', 'є': 'ie', 'ж': 'zh',
    'з': 'z', 'и': 'y', 'ы': 'y', 'і': 'i', 'ї': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n',
    'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch',
    'ш': 'sh', 'щ': 'shch', 'ь': '', 'ъ': '', "'": '', '’': '', 'ʼ': '', 'ю': 'iu', 'я': 'ia',
  };
  function fold(text) {
    return Array.from(text.toLowerCase())
      .filter((c) => c < '\u0300' || c > '\u036f')
      .map((c) => (c in PLAIN ? PLAIN[c] : c))
      .join('');
  }
  function latin(folded) {
    return Array.from(folded).map((c) => (c in LATIN ? LATIN[c] : c)).join('');
  }
  // Exposed for the browser test that compares this folding with the server's.
  window.treffpunktSearchForms = (query) => {
    const folded = fold(query.trim());
    const spelled = latin(folded);
    return spelled === folded ? [folded] : [folded, spelled];
  };

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

  // `noPhotos`: the person refused photos (a consent question shown at the door), so the
  // photographer next to the door staff learns it with the result.
  function show(kind, icon, headline, name, detail, noPhotos) {
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
    if (noPhotos) {
      const searchSection = document.getElementById('door-search-form');
      add('p', 'result-no-photos', searchSection ? searchSection.dataset.msgNoPhotos : '');
    }
    if (cameraOn) result.classList.add('door-fullscreen');
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      result.className = 'door-result';
      result.replaceChildren();
    }, cameraOn ? 2000 : 5000);
    if (navigator.vibrate) navigator.vibrate(kind === 'result-ok' ? 80 : [200, 100, 200]);
    beep(kind);
  }

  // One short tone for ok, two lower ones for anything else; only after a user gesture
  // created the audio context (browsers refuse sound before that).
  function beep(kind) {
    if (!audio) return;
    const tones = kind === 'result-ok' ? [880] : kind === 'result-warn' ? [440, 440] : [220, 220];
    tones.forEach((frequency, index) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(audio.destination);
      const start = audio.currentTime + index * 0.18;
      oscillator.start(start);
      oscillator.stop(start + 0.12);
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim();
    input.value = '';
    if (!cameraOn) input.focus();
    if (code) redeem(code);
  });

  // A device the organisers revoked (401) stops letting anyone in, online or offline,
  // and keeps its queue: nothing it scanned is dropped.
  let blocked = false;
  function block() {
    blocked = true;
    show('result-bad', '✗', data.msgBlocked, '', '');
    updateStatus();
  }

  function redeem(code) {
    return send(data.api, { token: code, scan_id: newScanId(), session: scope.value || null });
  }

  // One call of the check-in API (a scanned code or a picked name) and its result shown.
  async function send(url, body) {
    if (blocked) {
      block();
      return;
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + data.deviceToken },
        body: JSON.stringify(body),
      });
      if (response.status === 401) {
        block();
        return;
      }
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

      } else if (answer.result === 'already_checked_in') {
        kind = 'result-warn';
        icon = '!';
        headline = headline.replace('{time}', localTime(answer.checked_in_at)).replace('{device}', answer.device || '–');
      }
      const listed = kind === 'result-bad' ? null : listedHolder(body, load(LISTS, null));
      show(kind, icon, headline, attendee.name, attendee.organisation, listed && listed.no_photos);
      refreshRecent();
    } catch (error) {
      await decideOffline(url, body);
    }
  }

  // Offline: the device keeps the event's public key and ticket lists (refreshed every
  // minute while online), verifies the Ed25519 signature itself, remembers whom it let in,
  // and queues each scan with its scan id in IndexedDB; back online the queue is sent, and
  // the server counts every scan id once.
  const deviceKey = data.deviceToken.slice(0, 12);
  const LISTS = 'treffpunkt-door-lists-' + deviceKey;
  const ADMITTED = 'treffpunkt-door-admitted-' + deviceKey;
  const REFUSED = 'treffpunkt-door-refused-' + deviceKey;
  const status = document.getElementById('door-status');
  let online = navigator.onLine;

  function load(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // Storage full or disabled: the device then only works online.
    }
  }

  // The queue of scans decided offline, in IndexedDB: it survives a reload or a crash
  // of the browser and is shared by the tabs of this device.
  function openQueue() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('treffpunkt-door', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'key', autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function queueRequest(mode, use) {
    const database = await openQueue();
    return new Promise((resolve, reject) => {
      const transaction = database.transaction('queue', mode);
      const result = use(transaction.objectStore('queue'));
      transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      transaction.onerror = () => reject(transaction.error);
    });
  }

  const queueAdd = (item) => queueRequest('readwrite', (store) => store.add(Object.assign({ device: deviceKey }, item)));
  const queueRemove = (key) => queueRequest('readwrite', (store) => store.delete(key));
  const queueAll = async () => {
    try {
      const items = await queueRequest('readonly', (store) => store.getAll());
      return (items || []).filter((item) => item.device === deviceKey);
    } catch (error) {
      return [];
    }
  };

  async function updateStatus() {
    if (!status) return;
    const lists = load(LISTS, null);
    const waiting = (await queueAll()).length;
    const parts = [blocked ? data.msgBlocked : online ? data.msgOnline : data.msgOffline];
    const refused = load(REFUSED, []).length;
    if (refused > 0) parts.push(data.msgRefusedScans.replace('{count}', String(refused)));
    if (lists && lists.fetched_at) parts.push(data.msgLists.replace('{time}', localTime(lists.fetched_at)));
    if (waiting > 0) parts.push(data.msgWaiting.replace('{count}', String(waiting)));
    status.textContent = parts.join(' · ');
    status.className = 'door-status ' + (online && !blocked ? 'is-online' : 'is-offline');
  }

  async function refreshLists() {
    try {
      const response = await fetch(data.offlineApi, { headers: { Authorization: 'Bearer ' + data.deviceToken } });
      if (response.status === 401) {
        blocked = true;
        updateStatus();
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      save(LISTS, await response.json());
      online = true;
    } catch (error) {
      online = false;
    }
    updateStatus();
  }

  function base64url(text) {
    try {
      const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
      return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    } catch (error) {
      return null;
    }
  }

  function uuid(bytes) {
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }

  // The token: format (1 byte), ticket id, event id (16 each), version (2), signature (64);
  // null when the code is not shaped like one.
  function tokenBytes(token) {
    const bytes = base64url(token.trim());
    return bytes && bytes.length === 99 && bytes[0] === 1 ? bytes : null;
  }

  async function verifyTicket(token, lists) {
    const bytes = tokenBytes(token);
    if (!bytes || !crypto.subtle) return { result: 'invalid' };
    try {
      const key = await crypto.subtle.importKey('raw', base64url(lists.public_key), { name: 'Ed25519' }, false, ['verify']);
      const genuine = await crypto.subtle.verify({ name: 'Ed25519' }, key, bytes.slice(35), bytes.slice(0, 35));
      if (!genuine) return { result: 'invalid' };
    } catch (error) {
      return { result: 'invalid' };
    }
    if (uuid(bytes.slice(17, 33)) !== lists.event_id) return { result: 'wrong_event' };
    const ticket = uuid(bytes.slice(1, 17));
    if ((lists.revoked || []).includes(ticket)) return { result: 'revoked' };
    if (lists.invalid.includes(ticket)) return { result: 'invalid' };
    // A ticket issued after the last refresh is genuine by its signature alone.
    return { result: 'ok', ticket, holder: lists.valid.find((entry) => entry.ticket === ticket) };
  }

  // The person a scan or a picked name stands for in the device's list, if listed.
  function listedHolder(body, lists) {
    const valid = (lists && lists.valid) || [];
    if (body.attendee) return valid.find((entry) => entry.attendee === body.attendee) || null;
    const bytes = tokenBytes(body.token || '');
    if (!bytes) return null;
    const ticket = uuid(bytes.slice(1, 17));
    return valid.find((entry) => entry.ticket === ticket) || null;
  }

  async function decideOffline(url, body) {
    if (blocked) {
      block();
      return;
    }
    online = false;
    const lists = load(LISTS, null);
    if (!lists || body.session) {
      // Without lists, or for a programme session, the server must decide.
      show('result-bad', '✗', data.msgNetwork, '', '');
      updateStatus();
      return;
    }
    let decision;
    if (body.token) {
      decision = await verifyTicket(body.token, lists);
    } else {
      const holder = listedHolder(body, lists);
      decision = holder ? { result: 'ok', ticket: holder.ticket, holder } : { result: 'invalid' };
    }
    const holder = decision.holder || {};
    if (decision.result === 'ok') {
      const admitted = load(ADMITTED, []);
      if (admitted.includes(decision.ticket) || holder.checked_in_at) {
        // Let in already (by this device offline, or by any device before the lists were
        // fetched): say so, with the time where the lists know it.
        const already = recentSection ? recentSection.dataset.msgAlready : '';
        const when = holder.checked_in_at ? localTime(holder.checked_in_at) : holder.organisation;
        show('result-warn', '!', already, holder.name, when, holder.no_photos);
      } else {
        save(ADMITTED, admitted.concat([decision.ticket]));
        try {
          await queueAdd({ url, body: Object.assign({}, body, { offline_at: new Date().toISOString() }) });
          show('result-ok', '✓', messages.ok, holder.name, data.msgCheckedOffline, holder.no_photos);
        } catch (error) {
          // Without a queue the scan could be lost: do not let the person in on this device.
          show('result-bad', '✗', data.msgNetwork, holder.name, '');
        }
      }
    } else {
      show('result-bad', '✗', messages[decision.result] || data.msgInvalid, holder.name, '');
    }
    updateStatus();
  }

  let flushing = false;
  async function flushQueue() {
    if (flushing) return;
    flushing = true;
    for (const item of await queueAll()) {
      try {
        const response = await fetch(item.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + data.deviceToken },
          body: JSON.stringify(item.body),
        });
        // The server is busy or down: the rest waits for the next try.
        if (response.status >= 500 || response.status === 429) break;
        if (response.status === 401) {
          // Revoked: each scan is still sent once, so that the server records it for the
          // organisers, and stays queued on this device too.
          blocked = true;
          continue;
        }
        if (!response.ok) {
          // Refused for good (a malformed scan): kept and counted, never dropped unseen.
          save(REFUSED, load(REFUSED, []).concat([item.body]));
        }
        online = true;
      } catch (error) {
        online = false;
        break;
      }
      await queueRemove(item.key);
    }
    flushing = false;
    updateStatus();
    if (online) refreshRecent();
  }

  window.addEventListener('online', () => {
    online = true;
    flushQueue();
    refreshLists();
  });
  window.addEventListener('offline', () => {
    online = false;
    updateStatus();
  });
  setInterval(() => {
    flushQueue();
  }, 10000);
  setInterval(refreshLists, 60000);
  refreshLists().then(flushQueue);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/door/sw.js', { scope: '/door/' }).catch(() => {});
  }

  // The last scans of this device with undo, and the counts, from the server.
  const recentSection = document.getElementById('door-recent-section');
  const recentList = document.getElementById('door-recent');
  const here = document.getElementById('door-here');

  async function refreshRecent() {
    if (!recentSection || !recentList) return;
    try {
      const response = await fetch(recentSection.dataset.api, { headers: { Authorization: 'Bearer ' + data.deviceToken } });
      if (!response.ok) return;
      const answer = await response.json();
      renderRecent(answer.scans || []);
      const counted = answer.counts || {};
      counts.textContent = counts.dataset.template
        .replace('{checked}', String(counted.total))
        .replace('{expected}', String(counted.expected));
      if (here) here.textContent = here.dataset.template.replace('{count}', String(counted.device));
    } catch (error) {
      // The list is a convenience; the scan's own answer was already shown.
    }
  }

  function renderRecent(scans) {
    recentList.replaceChildren();
    for (const scan of scans) {
      const item = document.createElement('li');
      const parts = [
        ['recent-time', localTime(scan.scanned_at)],
        ['recent-result', scan.result === 'already_checked_in' ? recentSection.dataset.msgAlready : (messages[scan.result] || '')],
        ['recent-name', scan.name || ''],
      ];
      for (const [className, text] of parts) {
        if (!text) continue;
        const span = document.createElement('span');
        span.className = className;
        span.textContent = text;
        item.appendChild(span);
        item.appendChild(document.createTextNode(' '));
      }
      if (scan.undoable) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button-secondary recent-undo';
        button.textContent = recentSection.dataset.msgUndo;
        button.addEventListener('click', () => undo(scan.scan_id));
        item.appendChild(button);
      }
      recentList.appendChild(item);
    }
  }

  // Other entrances check people in too: keep the counts and the list current.
  setInterval(() => {
    if (document.visibilityState === 'visible') refreshRecent();
  }, 15000);

  async function undo(scanId) {
    try {
      await fetch(recentSection.dataset.undoApi, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + data.deviceToken },
        body: JSON.stringify({ scan_id: scanId }),
      });
    } catch (error) {
      show('result-bad', '✗', data.msgNetwork, '', '');
    }
    refreshRecent();
  }

  // Name search: results as you type (at least two letters), each with an admit button
  // that checks the person in by hand through the API, logged as manual.
  const searchForm = document.getElementById('door-search-form');
  const searchInput = document.getElementById('door-search');
  const found = document.getElementById('door-found');
  let searchTimer = null;

  async function search() {
    const query = searchInput.value.trim();
    if (query.length < 2) {
      found.replaceChildren();
      return;
    }
    const url = searchForm.dataset.api + '?q=' + encodeURIComponent(query) + (scope.value ? '&session=' + encodeURIComponent(scope.value) : '');
    try {
      const response = await fetch(url, { headers: { Authorization: 'Bearer ' + data.deviceToken } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const answer = await response.json();
      render(answer.attendees || []);
    } catch (error) {
      // Offline: search the list this device keeps.
      const lists = load(LISTS, null);
      if (!lists) {
        show('result-bad', '✗', data.msgNetwork, '', '');
        return;
      }
      const forms = window.treffpunktSearchForms(query);
      const admitted = load(ADMITTED, []);
      render(
        lists.valid
          .filter((entry) => {
            const key = entry.search_key || fold(entry.name + ' ' + entry.organisation);
            return forms.some((form) => key.includes(form));
          })
          .slice(0, 20)
          .map((entry) => ({
            id: entry.attendee,
            name: entry.name,
            organisation: entry.organisation,
            no_photos: entry.no_photos,
            checked_in_at: admitted.includes(entry.ticket) ? new Date().toISOString() : null,
          })),
      );
    }
  }

  function render(people) {
    found.replaceChildren();
    const none = document.getElementById('door-found-none');
    if (none) none.remove();
    if (people.length === 0) {
      const item = document.createElement('li');
      item.textContent = searchForm.dataset.msgNone;
      found.appendChild(item);
      return;
    }
    for (const person of people) {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'found-name';
      name.textContent = person.name;
      item.appendChild(name);
      if (person.organisation) {
        const organisation = document.createElement('span');
        organisation.className = 'found-organisation';
        organisation.textContent = ' ' + person.organisation;
        item.appendChild(organisation);
      }
      if (person.no_photos) {
        const marker = document.createElement('span');
        marker.className = 'found-no-photos';
        marker.textContent = ' ' + searchForm.dataset.msgNoPhotos;
        item.appendChild(marker);
      }
      if (person.checked_in_at) {
        const checked = document.createElement('span');
        checked.className = 'found-checked';
        checked.textContent = ' ' + searchForm.dataset.msgCheckedIn.replace('{time}', localTime(person.checked_in_at));
        item.appendChild(checked);
      } else {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button found-admit';
        button.textContent = searchForm.dataset.msgAdmit;
        button.addEventListener('click', () => admit(person.id));
        item.appendChild(button);
      }
      found.appendChild(item);
    }
  }

  async function admit(attendeeId) {
    await send(searchForm.dataset.manualApi, { attendee: attendeeId, scan_id: newScanId(), session: scope.value || null });
    search();
  }

  if (searchForm && searchInput && found) {
    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      search();
    });
    searchInput.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(search, 250);
    });
  }

  // Walk-ins: register someone at the door and let them in, without leaving the page.
  const walkInForm = document.getElementById('door-walk-in-form');
  if (walkInForm) {
    walkInForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = Object.fromEntries(new FormData(walkInForm).entries());
      fields.data_consent = fields.data_consent === 'yes';
      fields.scan_id = newScanId();
      try {
        const response = await fetch(walkInForm.dataset.api + '?lang=' + encodeURIComponent(data.lang), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + data.deviceToken },
          body: JSON.stringify(fields),
        });
        const answer = await response.json();
        if (response.ok) {
          const attendee = answer.attendee || {};
          show('result-ok', '✓', messages.ok, attendee.name, attendee.organisation);
          walkInForm.reset();
          walkInForm.closest('details').open = false;
          refreshRecent();
        } else if (answer.fields) {
          show('result-bad', '✗', Object.values(answer.fields).join(' '), '', '');
        } else {
          show('result-bad', '✗', answer.message || data.msgNetwork, '', '');
        }
      } catch (error) {
        show('result-bad', '✗', data.msgNetwork, '', '');
      }
    });
  }

  // Camera scanning: the back camera, a frame every 150 ms scaled to at most 640 px,
  // decoded by jsQR; the same code is not sent again within five seconds.
  const cameraButton = document.getElementById('door-camera');
  const video = document.getElementById('door-video');
  const cameraNote = document.getElementById('door-camera-note');
  if (!cameraButton || !video) return;
  const canCamera = navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!canCamera) {
    if (cameraNote) cameraNote.textContent = data.msgCameraUnavailable;
    return;
  }
  cameraButton.hidden = false;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stream = null;
  let lastCode = '';
  let lastAt = 0;
  let pausedUntil = 0;

  cameraButton.addEventListener('click', async () => {
    if (cameraOn) {
      stopCamera();
      return;
    }
    try {
      if (!audio && window.AudioContext) audio = new AudioContext();
      await loadDecoder();
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    } catch (error) {
      show('result-bad', '✗', data.msgCameraDenied, '', '');
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play().catch(() => {});
    cameraOn = true;
    cameraButton.textContent = data.msgCameraStop;
    cameraButton.setAttribute('aria-pressed', 'true');
    setTimeout(scanFrame, 150);
  });

  // The QR decoder (250 KB) is fetched when the camera is first used, so the page itself
  // loads fast on a weak mobile connection.
  function loadDecoder() {
    if (typeof jsQR === 'function') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = data.decoder;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('decoder'));
      document.head.appendChild(script);
    });
  }

  function stopCamera() {
    cameraOn = false;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true;
    cameraButton.textContent = data.msgCameraStart;
    cameraButton.setAttribute('aria-pressed', 'false');
    input.focus();
  }

  function scanFrame() {
    if (!cameraOn) return;
    if (video.readyState >= 2 && Date.now() >= pausedUntil && video.videoWidth > 0) {
      const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      const code = found && found.data ? found.data.trim() : '';
      if (code && (code !== lastCode || Date.now() - lastAt > 5000)) {
        lastCode = code;
        lastAt = Date.now();
        pausedUntil = Date.now() + 2000;
        redeem(code);
      }
    }
    setTimeout(scanFrame, 150);
  }
})();
