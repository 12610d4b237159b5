// The desk and case pages: the ID number checked as it is typed (the server checks again), the
// live countdown to a pending timer such as a referral's acknowledgement, and the print button.
// Texts come from data- attributes, so they follow the page's language.
(function () {
  'use strict';

  var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var checks = '10X98765432';

  // GB 11643-1999: 17 digits, a birth date that exists and is not in the future, ISO 7064 MOD 11-2 check character.
  function validIdNumber(value) {
    if (!/^[1-9]\d{16}[\dXx]$/.test(value)) {
      return false;
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (value.charCodeAt(i) - 48) * weights[i];
    }
    if (checks.charAt(sum % 11) !== value.charAt(17).toUpperCase()) {
      return false;
    }
    var year = +value.substr(6, 4), month = +value.substr(10, 2), day = +value.substr(12, 2);
    var birth = new Date(Date.UTC(year, month - 1, day));
    return year >= 1900 && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day && birth.getTime() <= Date.now();
  }

  function checkIdNumber(input) {
    var hint = document.getElementById(input.getAttribute('aria-describedby'));
    var value = input.value.trim();
    var message = '';
    var state = '';
    if (value.length > 0 && value.length < 18) {
      message = input.getAttribute('data-incomplete').replace('{0}', String(value.length));
      state = 'incomplete';
    } else if (value.length >= 18) {
      state = validIdNumber(value) ? 'valid' : 'invalid';
      message = input.getAttribute(state === 'valid' ? 'data-valid' : 'data-invalid');
    }
    input.setCustomValidity(state === 'invalid' || state === 'incomplete' ? message : '');
    input.setAttribute('aria-invalid', state === 'invalid' ? 'true' : 'false');
    if (hint) {
      hint.textContent = message;
      hint.setAttribute('data-state', state);
    }
  }

  document.addEventListener('input', function (event) {
    var input = event.target.closest && event.target.closest('[data-id-check]');
    if (input) {
      checkIdNumber(input);
    }
  });

  function pad(number) {
    return number < 10 ? '0' + number : String(number);
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach(function (element) {
      var left = +element.getAttribute('data-countdown') - now;
      var seconds = Math.floor(Math.abs(left) / 1000);
      var text = Math.floor(seconds / 3600) + ':' + pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60);
      element.textContent = element.getAttribute(left >= 0 ? 'data-left' : 'data-over').replace('{0}', text);
      element.setAttribute('data-state', left >= 0 ? 'running' : 'over');
    });
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
      window.print();
    }
  });

  document.querySelectorAll('[data-id-check]').forEach(function (input) {
    if (input.value) {
      checkIdNumber(input);
    }
  });
  tick();
  setInterval(tick, 1000);
})();
