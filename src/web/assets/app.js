/* InvestMatch 招商撮合 — progressive enhancement only: every form works without this file. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function levelsOf(picker) {
    return Array.prototype.slice.call(picker.querySelectorAll('select[data-level]'));
  }

  function optionLabel(tree, item) {
    return tree === 'industries' ? item.code + ' ' + item.name : item.name;
  }

  function resetSelect(select) {
    while (select.options.length > 1) select.remove(1);
    select.value = '';
    select.disabled = true;
  }

  /* Cascading selects: choosing a level loads the next one from /regions or /industries. */
  function onLevelChange(picker, select) {
    var tree = picker.getAttribute('data-tree');
    var levels = levelsOf(picker);
    var index = levels.indexOf(select);
    for (var i = index + 1; i < levels.length; i++) resetSelect(levels[i]);
    var next = levels[index + 1];
    if (!select.value || !next) return;
    fetch('/' + tree + '?parent=' + encodeURIComponent(select.value), {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (r) {
        return r.ok ? r.json() : { items: [] };
      })
      .then(function (data) {
        if (select.value === '' || levels[index + 1] !== next) return;
        (data.items || []).forEach(function (item) {
          var o = document.createElement('option');
          o.value = item.code;
          o.textContent = optionLabel(tree, item);
          next.appendChild(o);
        });
        next.disabled = next.options.length <= 1;
      })
      .catch(function () {
        /* the no-JS button still works */
      });
  }

  function deepest(picker) {
    var chosen = null;
    levelsOf(picker).forEach(function (s) {
      if (s.value) chosen = { code: s.value, name: s.options[s.selectedIndex].textContent };
    });
    return chosen;
  }

  /* "添加" next to a code list: add a chip here instead of posting the whole form. */
  function onAdd(button, event) {
    var listName = button.getAttribute('data-add-to');
    var fieldset = button.closest('[data-list]');
    var picker = fieldset && fieldset.querySelector('.picker');
    if (!picker) return;
    event.preventDefault();
    var chosen = deepest(picker);
    if (!chosen) {
      levelsOf(picker)[0].focus();
      return;
    }
    var chips = fieldset.querySelector('.chips');
    var existing = chips.querySelector('input[value="' + chosen.code.replace(/"/g, '') + '"]');
    if (existing) {
      existing.checked = true;
      existing.focus();
      return;
    }
    var empty = chips.querySelector('.chip-empty');
    if (empty) empty.remove();
    var li = document.createElement('li');
    li.className = 'chip';
    var label = document.createElement('label');
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.name = listName;
    box.value = chosen.code;
    box.checked = true;
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + chosen.name));
    li.appendChild(label);
    chips.appendChild(li);
    box.focus();
  }

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.matches && t.matches('.picker select[data-level]')) onLevelChange(t.closest('.picker'), t);
  });

  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest ? e.target.closest('button[data-add-to]') : null;
    if (b) onAdd(b, e);
  });

  /* Forms that change something important ask first. */
  document.addEventListener('submit', function (e) {
    var f = e.target;
    var msg = f && f.getAttribute && f.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) e.preventDefault();
  });

  /* 万元 inputs echo the amount in 亿元 (or 元) as you type; 亩 inputs echo 公顷 / 平方米. */
  function plain(s) {
    return String(s || '')
      .replace(/[\uFF10-\uFF19]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0xfee0);
      })
      .replace(/[．。]/g, '.')
      .replace(/[,，\s]/g, '');
  }
  function trimmed(n, digits) {
    return String(Number(n.toFixed(digits)));
  }
  function echoText(input) {
    var s = plain(input.value);
    if (s === '') return '';
    if (!/^\d+(\.\d+)?$/.test(s)) return input.hasAttribute('data-mu-echo') ? '请输入数字' : '请输入数字（单位：万元）';
    var n = Number(s);
    if (input.hasAttribute('data-mu-echo')) return '≈ ' + trimmed(n * 666.6667, 0) + ' 平方米（' + trimmed(n / 15, 2) + ' 公顷）';
    if (n >= 10000) return '= ' + trimmed(n / 10000, 6) + ' 亿元';
    return '= ' + trimmed(n * 10000, 0) + ' 元';
  }
  function echo(input) {
    var out = input.id && document.querySelector('output[data-echo-for="' + input.id + '"]');
    if (out) out.textContent = echoText(input);
  }
  document.addEventListener('input', function (e) {
    var t = e.target;
    if (t && t.matches && t.matches('input[data-wan-echo], input[data-mu-echo]')) echo(t);
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-wan-echo], input[data-mu-echo]'), echo);

  /* 录入投资协议: "再加一期" copies the last tranche row, emptied, with fresh ids. */
  var addTranche = document.querySelector('button[data-add-tranche]');
  if (addTranche) {
    addTranche.hidden = false;
    addTranche.addEventListener('click', function () {
      var rows = document.querySelectorAll('[data-tranche-row]');
      var last = rows[rows.length - 1];
      var index = rows.length;
      var copy = last.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('[id], [for], [data-echo-for]'), function (el) {
        ['id', 'for', 'data-echo-for'].forEach(function (a) {
          var v = el.getAttribute(a);
          if (v) el.setAttribute(a, v.replace(/tranche-\d+-/, 'tranche-' + index + '-'));
        });
      });
      Array.prototype.forEach.call(copy.querySelectorAll('input, select'), function (el) {
        el.value = '';
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
      });
      Array.prototype.forEach.call(copy.querySelectorAll('.field-error'), function (el) {
        el.remove();
      });
      Array.prototype.forEach.call(copy.querySelectorAll('output'), function (el) {
        el.textContent = '';
      });
      var number = copy.querySelector('[data-row-number]');
      if (number) number.textContent = String(index + 1);
      last.parentNode.insertBefore(copy, last.nextSibling);
      var first = copy.querySelector('input');
      if (first) first.focus();
    });
  }

  /* Lists: a page-size select submits its form; "select all" checks every row of a bulk form. */
  Array.prototype.forEach.call(document.querySelectorAll('select[data-autosubmit]'), function (select) {
    select.addEventListener('change', function () {
      if (select.form) select.form.submit();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-select-all]'), function (all) {
    var form = document.getElementById(all.getAttribute('data-select-all'));
    if (!form) return;
    all.hidden = false;
    all.addEventListener('change', function () {
      Array.prototype.forEach.call(document.querySelectorAll('input[type="checkbox"][form="' + form.id + '"][name="ids"]'), function (box) {
        box.checked = all.checked;
      });
    });
  });

  /* Phones: every table reads as cards (each cell labelled by its column header); wide forms of filters fold behind a button. */
  Array.prototype.forEach.call(document.querySelectorAll('.table-wrap > table'), function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    if (!heads.length) return;
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', heads[i]);
      });
    });
    table.classList.add('as-cards');
  });
  Array.prototype.forEach.call(document.querySelectorAll('form.filters'), function (form) {
    if (form.closest('details')) return;
    var chosen = Array.prototype.filter.call(form.elements, function (el) {
      if (el.type === 'hidden' || el.type === 'submit' || !el.name || el.name === 'sort') return false;
      if (el.type === 'checkbox' || el.type === 'radio') return el.checked;
      return !!el.value;
    }).length;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-ghost filters-toggle';
    button.setAttribute('aria-expanded', 'false');
    button.textContent = chosen ? '筛选条件（已选 ' + chosen + ' 项）' : '筛选条件';
    button.addEventListener('click', function () {
      var open = form.classList.toggle('filters-open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    form.insertBefore(button, form.firstChild);
    form.classList.add('foldable');
  });

  /* Import progress: reload the page while a job is running (no-JS users press the refresh link). */
  var progress = document.querySelector('[data-refresh-seconds]');
  if (progress) {
    var seconds = Number(progress.getAttribute('data-refresh-seconds')) || 2;
    setTimeout(function () {
      window.location.reload();
    }, seconds * 1000);
  }
})();
