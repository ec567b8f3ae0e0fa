/* global document, window, fetch, URLSearchParams, FormData */
// Small enhancements only; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
  // Moves focus to the error summary when the browser did not already do so through autofocus.
  var summary = document.querySelector('[data-error-summary]');
  if (summary && document.activeElement !== summary) summary.focus();
  sessionWarning();
});

/**
 * Warns before the session ends, with "Blijf ingelogd" (WCAG 2.2.1). The page says how long the
 * session has left (data-session-left-ms) and how long before the end to warn
 * (data-session-warn-ms). Other tabs of the same session share the end through localStorage.
 */
function sessionWarning() {
  var dialog = document.querySelector('dialog[data-session-warning]');
  if (!dialog || typeof dialog.showModal !== 'function') return;
  var form = dialog.querySelector('form[data-session-extend]');
  var before = dialog.querySelector('[data-session-before]');
  var after = dialog.querySelector('[data-session-after]');
  var minutes = dialog.querySelector('[data-session-minutes]');
  var closer = dialog.querySelector('[data-session-close]');
  var status = document.querySelector('[data-session-status]');
  var warnMs = Number(dialog.getAttribute('data-session-warn-ms')) || 120000;
  var KEY = 'werkbrug.sessie.einde';
  var end = Date.now() + Number(dialog.getAttribute('data-session-left-ms'));
  var timer = null;
  var ended = false;
  var returnFocus = null;

  var storage = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  function share() {
    if (!storage) return;
    try {
      var known = Number(storage.getItem(KEY));
      if (known > end) end = known;
      else storage.setItem(KEY, String(end));
    } catch {
      // Private browsing: this tab keeps its own clock.
    }
  }

  function inMinutes(ms) {
    var n = Math.max(1, Math.ceil(ms / 60000));
    return n === 1 ? '1 minuut' : n + ' minuten';
  }

  function open() {
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
  }

  function showWarning() {
    if (minutes) minutes.textContent = inMinutes(end - Date.now());
    before.hidden = false;
    after.hidden = true;
    dialog.setAttribute('aria-labelledby', 'sessie-titel');
    dialog.setAttribute('aria-describedby', 'sessie-tekst');
    var wasOpen = dialog.open;
    open();
    if (!wasOpen) form.querySelector('button').focus();
  }

  function showEnded() {
    ended = true;
    before.hidden = true;
    after.hidden = false;
    dialog.setAttribute('aria-labelledby', 'sessie-titel-na');
    dialog.setAttribute('aria-describedby', 'sessie-tekst-na');
    open();
    closer.focus();
  }

  function schedule() {
    if (timer) window.clearTimeout(timer);
    if (ended) return;
    var now = Date.now();
    if (now >= end) return showEnded();
    if (now >= end - warnMs) {
      showWarning();
      timer = window.setTimeout(schedule, Math.min(end - now, 30000));
      return;
    }
    if (dialog.open) dialog.close();
    timer = window.setTimeout(schedule, end - warnMs - now);
  }

  function extended(leftMs) {
    end = Date.now() + leftMs;
    if (storage) {
      try {
        storage.setItem(KEY, String(end));
      } catch {
        // Only this tab knows.
      }
    }
    if (dialog.open) dialog.close();
    // Said once, for screen readers: the dialog is gone and the page is as it was.
    if (status) status.textContent = status.getAttribute('data-session-status');
    schedule();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    })
      .then(function (res) {
        if (!res.ok) return showEnded();
        return res.json().then(function (body) {
          extended(Number(body.leftMs) || 0);
        });
      })
      .catch(function () {
        // No answer: the browser posts the form itself (and comes back to this page).
        form.submit();
      });
  });

  closer.addEventListener('click', function () {
    dialog.close();
  });
  dialog.addEventListener('close', function () {
    if (returnFocus && document.contains(returnFocus) && returnFocus.focus) returnFocus.focus();
    returnFocus = null;
  });
  window.addEventListener('storage', function (event) {
    if (event.key === KEY && Number(event.newValue) > end) {
      end = Number(event.newValue);
      schedule();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      share();
      schedule();
    }
  });

  share();
  schedule();
}
