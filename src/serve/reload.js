// styrdok serve: reloads the page after a rebuild and shows a build error
// over the page until it is fixed. Served only by `styrdok serve` (as an
// external file, so the strict Content-Security-Policy holds); never part
// of a build.
(function () {
  'use strict';
  var me = document.currentScript;
  var since = (me && new URL(me.src).searchParams.get('g')) || '0';
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/__styrdok/overlay.css';
  document.head.appendChild(css);
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'styrdok-overlay';
      overlay.setAttribute('role', 'alert');
      var title = document.createElement('p');
      title.className = 'styrdok-overlay__title';
      title.textContent = 'Bygget misslyckades. Rätta felet och spara filen igen.';
      overlay.appendChild(title);
      overlay.appendChild(document.createElement('pre'));
      document.body.appendChild(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  var events = new EventSource('/__styrdok/events?since=' + encodeURIComponent(since));
  events.addEventListener('reload', function () {
    events.close();
    location.reload();
  });
  events.addEventListener('failure', function (e) {
    show(e.data);
  });
  events.addEventListener('ok', hide);
})();
