// The review page's keyboard and lease handling. Content is never inserted here: the server rendered
// it encoded; this script only toggles inputs, reveals media, and keeps the lease alive.
(() => {
  'use strict';
  for (const figure of document.querySelectorAll('figure.veiled')) {
    figure.addEventListener('click', () => figure.classList.toggle('revealed'));
  }

  const review = document.getElementById('review');
  const decide = document.getElementById('decide');
  const empty = document.getElementById('queue-empty');
  if (empty) {
    // An empty queue looks again every 5 s and loads the next job as soon as one waits.
    const queue = empty.dataset.queue;
    setInterval(async () => {
      try {
        const answer = await fetch('/ui/queues.json', { credentials: 'same-origin' });
        const row = answer.ok ? (await answer.json()).find((q) => q.id === queue) : null;
        if (row && row.depth > row.leased) {
          location.reload();
        }
      } catch {
        // Offline or signed out: look again at the next tick.
      }
    }, 5000);
  }
  if (!review || !decide) {
    return;
  }

  const alertBox = document.getElementById('form-alert');
  const status = document.getElementById('lease-status');
  const keyed = new Map();
  for (const input of decide.querySelectorAll('input[data-hotkey]')) {
    keyed.set(input.dataset.hotkey.toLowerCase(), input);
  }

  let submitted = false;
  const leaseFields = () => {
    const fields = new FormData();
    fields.set('job', decide.elements.job.value);
    fields.set('token', decide.elements.token.value);
    fields.set('__RequestVerificationToken', decide.elements.__RequestVerificationToken.value);
    return fields;
  };

  decide.addEventListener('submit', (event) => {
    const missing = [...decide.querySelectorAll('input[data-mandatory=true]')].filter((input) => !input.checked).map((input) => input.value);
    if (submitted || missing.length > 0) {
      event.preventDefault();
      if (missing.length > 0) {
        alertBox.textContent = `Choose the mandatory label${missing.length > 1 ? 's' : ''} ${missing.join(', ')} before submitting.`;
      }
      return;
    }
    submitted = true;
  });
  for (const form of document.querySelectorAll('#pass, #escalate, #hold, #kitty-form')) {
    form.addEventListener('submit', () => { submitted = true; });
  }

  const focusReason = (id) => document.querySelector(`#${id} input[name=reason]`)?.focus();
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
      return;
    }
    if (event.target.closest('input[type=text], textarea, select')) {
      if (event.key === 'Escape') {
        event.target.blur();
      }
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      decide.requestSubmit();
    } else if (event.key === '.') {
      for (const figure of document.querySelectorAll('figure.veiled')) {
        figure.classList.toggle('revealed');
      }
    } else if (event.key === '>') {
      event.preventDefault();
      focusReason('pass');
    } else if (event.key === '!') {
      event.preventDefault();
      focusReason('escalate');
    } else if (keyed.has(event.key.toLowerCase())) {
      event.preventDefault();
      const input = keyed.get(event.key.toLowerCase());
      input.checked = input.type === 'radio' ? true : !input.checked;
      if (input.dataset.mandatory === 'true' && input.checked) {
        alertBox.textContent = '';
      }
    }
  });

  // Renew at a third of the lease so one slow answer never loses it; say so if the lease is gone.
  const renewEvery = Math.max(1000, Number(review.dataset.leaseSeconds) * 1000 / 3);
  const renewal = setInterval(async () => {
    const answer = await fetch(review.dataset.renew, { method: 'POST', body: leaseFields(), credentials: 'same-origin' }).catch(() => null);
    if (answer === null) {
      return; // offline for a moment: the next renewal comes well before the lease ends
    }
    if (!answer.ok) {
      clearInterval(renewal);
      status.textContent = 'Your lease on this job has ended; it went back to the queue. Load the next job.';
      document.getElementById('submit-decision').disabled = true;
    }
  }, renewEvery);

  // Leaving without deciding gives the job back at once instead of when the lease lapses.
  window.addEventListener('pagehide', () => {
    if (!submitted) {
      navigator.sendBeacon(review.dataset.release, leaseFields());
    }
  });
})();
