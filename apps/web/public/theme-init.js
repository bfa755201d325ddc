// Applies the saved theme before first paint so a wall display never flashes white. A plain file,
// not inline: the BFF's Content-Security-Policy allows scripts from this origin only.
/* global location, matchMedia, document */
(function () {
  try {
    var t = localStorage.getItem('floorwatch.theme');
    var dark =
      t === 'dark' ||
      (t !== 'light' &&
        (location.pathname.indexOf('/wall') === 0 ||
          matchMedia('(prefers-color-scheme: dark)').matches));
    if (dark) document.documentElement.classList.add('dark');
  } catch {
    // storage blocked: the app applies the theme once it starts
  }
})();
