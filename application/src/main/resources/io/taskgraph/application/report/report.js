// The report works without this script; it only opens and closes the collapsed parts, and opens them all for printing.
(function () {
  'use strict';
  function allDetails() {
    return Array.prototype.slice.call(document.querySelectorAll('details'));
  }
  function setAll(open) {
    allDetails().forEach(function (details) { details.open = open; });
  }
  document.getElementById('expand-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });

  var closedBeforePrint = [];
  window.addEventListener('beforeprint', function () {
    closedBeforePrint = allDetails().filter(function (details) { return !details.open; });
    closedBeforePrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closedBeforePrint.forEach(function (details) { details.open = false; });
    closedBeforePrint = [];
  });
})();
