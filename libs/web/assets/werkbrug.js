/* global document */
// Small enhancement only; every page works without it. Moves focus to the error summary when the
// browser did not already do so through its autofocus attribute.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary && document.activeElement !== summary) summary.focus();
});
