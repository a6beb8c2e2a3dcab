// origins serve: a little script for the explorer's pages (no framework, nothing loaded from elsewhere).
// It keeps open pages live (server-sent events), folds proof trees, loads why-not on demand, fades matrix
// cells below a grade, and runs the what-if and recipe forms as one types.
'use strict';
(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // ---- proof trees: each node with children folds; a proof's steps start folded --------------------
  // A fact met again is "shown above as [N]": [N] becomes a link to where it was shown, unfolded.
  let treeCount = 0;
  function ownText(li) {
    const t = Array.from(li.childNodes).find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    return t ? t.textContent : '';
  }
  function shownAbove(tree) {
    const tag = 'step-' + (++treeCount) + '-';
    const shown = {};
    $$('li', tree).forEach(li => {
      const m = /^\s*\[(\d+)\] /.exec(ownText(li));
      if (m && !shown[m[1]]) {
        shown[m[1]] = li;
        li.id = li.id || tag + m[1];
      }
    });
    $$('li > span.muted', tree).forEach(span => {
      const m = / — shown above as \[(\d+)\]$/.exec(span.textContent);
      const target = m && shown[m[1]];
      if (!target) return;
      span.textContent = span.textContent.slice(0, -m[0].length + ' — shown above as '.length);
      const a = document.createElement('a');
      a.href = '#' + target.id;
      a.className = 'see-above';
      a.textContent = '[' + m[1] + ']';
      a.addEventListener('click', () => {
        for (let li = target; li; li = li.parentElement.closest('li')) {
          const b = li.querySelector(':scope > button.tog');
          if (b && li.classList.contains('closed') && li !== target) b.click();
        }
        $$('li.flash').forEach(x => x.classList.remove('flash'));
        target.classList.add('flash');
      });
      span.appendChild(a);
    });
  }
  function trees(root) {
    $$('ul.tree', root).forEach(tree => {
      if (tree.dataset.ready) return;
      tree.dataset.ready = '1';
      const top = !tree.parentElement.closest('ul.tree');
      if (top) shownAbove(tree);
      $$('li', tree).forEach(li => {
        const sub = Array.from(li.children).find(c => c.tagName === 'UL');
        if (!sub || li.querySelector(':scope > button.tog')) return;
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'tog';
        li.insertBefore(b, li.firstChild);
        const set = closed => {
          li.classList.toggle('closed', closed);
          b.textContent = closed ? '▸' : '▾';
          b.setAttribute('aria-expanded', String(!closed));
          b.setAttribute('aria-label', closed ? 'expand' : 'collapse');
        };
        b.addEventListener('click', () => set(!li.classList.contains('closed')));
        set(top && li.parentElement === tree && !!tree.closest('.proof'));
      });
    });
  }
  document.addEventListener('click', e => {
    const t = e.target.closest('[data-tree]');
    if (!t) return;
    const open = t.dataset.tree === 'open';
    $$('.proof ul.tree li', $('#main')).forEach(li => {
      const b = li.querySelector(':scope > button.tog');
      if (b && li.classList.contains('closed') === open) b.click();
    });
  });

  // ---- why-not, loaded into its <details> when opened ------------------------------------------------
  // An answer into its place: the HTML, or the command line's messages of a refused request.
  function show(target, r, text) {
    if (r.ok) {
      target.innerHTML = text;
    } else {
      let errors;
      try { errors = JSON.parse(text).errors.join('\n'); } catch (x) { errors = text; }
      const pre = document.createElement('pre');
      pre.className = 'error';
      pre.textContent = errors;
      target.replaceChildren(pre);
    }
    trees(target);
  }
  async function fill(target, url) {
    target.classList.add('busy');
    try {
      const r = await fetch(url, {headers: {Accept: 'text/html'}});
      show(target, r, await r.text());
      return r.ok;
    } finally {
      target.classList.remove('busy');
    }
  }
  function whyNot(root) {
    $$('details.why-not[data-src]', root).forEach(d => {
      const load = () => {
        if (d.open && !d.dataset.loaded) {
          d.dataset.loaded = '1';
          fill($('.why-not-body', d), d.dataset.src);
        }
      };
      d.addEventListener('toggle', load);
      load();
    });
  }

  // ---- matrix: fade the cells below a grade ----------------------------------------------------------
  const RANK = {C: 4, SH: 3, H: 2, EG: 1};
  function grades() {
    const sel = $('#f-grade');
    const table = $('table#matrix');
    if (!sel || !table) return;
    const apply = () => {
      const min = RANK[sel.value] || 0;
      $$('td.c', table).forEach(td => {
        const d = $('.detail', td);
        const rank = d ? RANK[d.textContent.trim()] || 0 : 0;
        td.classList.toggle('faded', min > 0 && rank < min);
      });
      const u = new URL(location.href);
      if (sel.value) u.searchParams.set('grade', sel.value); else u.searchParams.delete('grade');
      history.replaceState(null, '', u);
    };
    sel.addEventListener('change', apply);
    apply();
  }

  // ---- forms whose answer follows as one types (what-if, recipe) ------------------------------------
  function debounce(f, ms) {
    let t;
    return () => { clearTimeout(t); t = setTimeout(f, ms); };
  }
  let asked = 0;
  async function answer(form, params) {
    const result = $('#result');
    const n = ++asked;
    const url = form.dataset.result + '?' + params;
    const u = new URL(location.href);
    u.search = params.toString();
    history.replaceState(null, '', u);
    result.classList.add('busy');
    const r = await fetch(url, {headers: {Accept: 'text/html'}});
    const text = await r.text();
    if (n !== asked) return;   // a later question was asked meanwhile
    result.classList.remove('busy');
    show(result, r, text);
    result.dataset.answered = String(n);
  }

  function whatIf() {
    const form = $('form#what-if');
    if (!form) return null;
    const params = () => {
      const p = new URLSearchParams();
      p.append('model', form.elements.model.value);
      $$('input[data-without]', form).forEach(c => { if (!c.checked) p.append('without-stage', c.dataset.without); });
      $$('input[type=radio][data-set]', form).forEach(r => { if (r.checked) p.append('set', r.dataset.set); });
      return p;
    };
    const run = () => answer(form, params());
    form.addEventListener('change', run);
    return run;
  }

  const PLACEHOLDERS = {tokens: '100B', codeShare: '30%', tasks: '1800', examples: '77K', computeShare: '2%',
    corpus: 'web-text+code', objective: 'causal-lm', mixture: 'chain-of-thought'};
  function recipe() {
    const form = $('form#recipe');
    if (!form) return null;
    const kinds = JSON.parse($('#kinds').textContent);
    const box = $('#stages', form);
    const addStage = spec => {
      const colon = spec.indexOf(':');
      const kind = colon < 0 ? spec : spec.slice(0, colon);
      const values = {};
      (colon < 0 ? '' : spec.slice(colon + 1)).split(',').filter(x => x.includes('=')).forEach(x => {
        const i = x.indexOf('=');
        values[x.slice(0, i).trim()] = x.slice(i + 1).trim();
      });
      const row = document.createElement('div');
      row.className = 'stage-row';
      const sel = document.createElement('select');
      sel.className = 'kind';
      sel.setAttribute('aria-label', 'stage kind');
      Object.keys(kinds).sort().forEach(k => sel.add(new Option(k, k, false, k === kind)));
      const attrs = document.createElement('span');
      attrs.className = 'attrs';
      const fillAttrs = () => {
        attrs.replaceChildren();
        (kinds[sel.value] || []).forEach(a => {
          const l = document.createElement('label');
          l.textContent = a + ' ';
          const i = document.createElement('input');
          i.dataset.attr = a;
          i.placeholder = PLACEHOLDERS[a] || '';
          i.value = values[a] || '';
          l.appendChild(i);
          attrs.appendChild(l);
        });
      };
      sel.addEventListener('change', () => { fillAttrs(); changed(); });
      fillAttrs();
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = 'remove';
      rm.addEventListener('click', () => { row.remove(); changed(); });
      row.append(sel, attrs, rm);
      box.appendChild(row);
    };
    const params = () => {
      const p = new URLSearchParams();
      ['name', 'parent', 'parameters'].forEach(n => { if (form.elements[n].value.trim()) p.append(n, form.elements[n].value.trim()); });
      $$('.stage-row', box).forEach(row => {
        const parts = $$('input[data-attr]', row).filter(i => i.value.trim()).map(i => i.dataset.attr + '=' + i.value.trim());
        p.append('stage', $('select.kind', row).value + (parts.length ? ':' + parts.join(',') : ''));
      });
      if (form.elements.explain.value) p.append('explain', form.elements.explain.value);
      return p;
    };
    const run = () => answer(form, params());
    const changed = debounce(run, 300);
    JSON.parse($('#initial-stages').textContent).forEach(addStage);
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    $('#add-stage').addEventListener('click', () => { addStage('supervised-instruction-tuning'); changed(); });
    $('#save').addEventListener('click', async () => {
      const out = $('#saved');
      const r = await fetch('/api/add', {method: 'POST', body: params(),
        headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
      const body = await r.json();
      out.className = r.ok ? '' : 'warn';
      out.textContent = r.ok ? 'saved ' + body.saved.join(', ') : body.errors.join('\n');
    });
    return run;
  }

  // ---- live: the server tells of every reload of rules/ and facts/ -----------------------------------
  let rerun = null;
  async function refresh() {
    if (rerun) { rerun(); return; }
    const r = await fetch(location.href, {headers: {Accept: 'text/html'}});
    if (!r.ok) return;
    const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
    const main = $('#main');
    const open = new Set($$('details[open]', main).map(d => d.id).filter(Boolean));
    main.replaceWith(document.adoptNode($('#main', doc)));
    $$('details', $('#main')).forEach(d => { if (open.has(d.id)) d.open = true; });
    start($('#main'));
  }
  function live() {
    if (!window.EventSource) return;
    const events = new EventSource('/events');
    events.addEventListener('reload', e => {
      const reload = JSON.parse(e.data);
      const banner = $('#problems');
      const status = $('#live');
      if (reload.problems.length) {
        $('pre', banner).textContent = reload.problems.join('\n');
        banner.hidden = false;
        status.textContent = 'the files as saved do not load: answering from the last good rule base';
        return;
      }
      banner.hidden = true;
      const n = reload.changes.length;
      status.textContent = 'reloaded: ' + (n === 0 ? 'no conclusion changed' : n + ' conclusion(s) changed');
      document.body.dataset.generation = String(reload.generation);
      refresh();
    });
  }

  function start(root) {
    trees(root);
    whyNot(root);
    grades();
  }

  document.addEventListener('DOMContentLoaded', () => {
    start(document);
    rerun = whatIf() || recipe();
    if (rerun && $('form#recipe')) rerun();
    live();
  });
})();
