// Refreshes the queue list's numbers every 5 seconds without reloading the page. Values are set as
// text (textContent), never as HTML.
(function () {
  'use strict';
  function age(seconds) {
    if (seconds < 1) return '—';
    if (seconds < 120) return Math.round(seconds) + ' s';
    if (seconds < 7200) return Math.round(seconds / 60) + ' min';
    return (seconds / 3600).toFixed(1) + ' h';
  }
  async function refresh() {
    try {
      const response = await fetch('/ui/queues.json', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      if (!response.ok) return;
      for (const queue of await response.json()) {
        const row = document.querySelector('tr[data-queue="' + CSS.escape(queue.id) + '"]');
        if (!row) continue;
        row.querySelector('[data-field="depth"]').textContent = queue.depth;
        row.querySelector('[data-field="leased"]').textContent = queue.leased;
        row.querySelector('[data-field="oldest"]').textContent = age(queue.oldestAgeSeconds);
        row.querySelector('[data-field="sla"]').textContent = queue.slaBreached;
        row.querySelector('[data-field="handled"]').textContent = queue.handledLastHour;
        row.querySelector('[data-field="held"]').textContent = queue.onHold;
      }
      document.body.dataset.refreshed = String(Date.now());
    } catch (e) {
      // Offline or signed out: the numbers stay as they were until the next try.
    }
  }
  setInterval(refresh, 5000);
  refresh();
})();
