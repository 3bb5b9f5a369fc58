/* certguide search, part 2 of 2: the search box of every page, and the results, filters and
   URL state of /search/. Needs search-engine.js first. Text from the index only ever reaches
   the page as text nodes. */
(() => {
  'use strict';
  const api = window.certguideSearch;
  const form = document.querySelector('form[data-manifest]');
  if (!api || !form) return;
  const input = form.querySelector('input[type=search]'), app = document.getElementById('search-app');
  const byId = (id) => document.getElementById(id);
  const engine = new api.Engine(new URL(form.getAttribute('data-manifest'), location.href).href);
  // Results listed: under the header box, and on /search/ (with filters).
  const max = app ? 50 : 8;
  let filters = {}, boxes = {}, seq = 0, timer = 0, last = null;

  // An element with properties and children; strings become text nodes, never HTML.
  function el(tag, props, ...children) {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  }

  let list, status, panel = null;
  if (app) {
    app.hidden = false;
    byId('search-nojs').hidden = true;
    list = byId('search-results');
    status = byId('search-status');
  } else {
    // Elsewhere the results open under the box; the live region exists before it speaks.
    status = el('p', { className: 'search-hidden' });
    for (const [k, v] of [['role', 'status'], ['aria-live', 'polite'], ['aria-atomic', 'true']]) status.setAttribute(k, v);
    list = el('ol', { id: 'search-results', className: 'search-results' });
    panel = el('div', { className: 'search-panel', hidden: true }, list,
      el('p', {}, el('a', { className: 'search-more', href: '/search/' }, 'All results and filters')));
    form.append(status, panel);
  }
  list.setAttribute('aria-label', 'Search results');

  function readURL() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    filters = {};
    params.forEach((value, key) => { if (key !== 'q') (filters[key] ||= new Set()).add(value); });
  }

  function writeURL(push) {
    const params = new URLSearchParams();
    if (input.value) params.set('q', input.value);
    for (const k in filters) for (const v of filters[k]) params.append(k, v);
    const url = location.pathname + (params.toString() ? '?' + params : '');
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  async function run(push) {
    clearTimeout(timer);
    const q = input.value, mine = ++seq;
    if (app) writeURL(push);
    if (!q.trim() && !app) return show(null, q);
    try {
      const out = await engine.search(q, filters, max, !!app);
      if (mine === seq) show(out, q);
      // The first results come as soon as their text is in, the others below them after.
      out.more.then(() => { if (mine === seq) hits(out); });
      return out;
    } catch (error) {
      if (mine === seq) {
        status.textContent = 'Search is not available right now. Browse the comparison table, the A–Z list or the FAQ instead.';
        if (app) byId('search-nojs').hidden = false;
      }
      return null;
    }
  }

  function show(out, q) {
    last = out;
    q = q.trim();
    list.textContent = '';
    if (panel) panel.hidden = !out;
    if (app) byId('a-z').hidden = !!(out && out.count);
    if (app && out) facets(out);
    if (!out || (out.mode === 'browse' && !out.filtered)) { status.textContent = ''; return null; }
    const n = out.count, results = n === 1 ? ' result' : ' results';
    let text = `${n}${results} for “${q}”.`;
    if (out.mode === 'browse') text = n ? `${n} ${n === 1 ? 'entry matches' : 'entries match'} the filters.` : 'No entries match the filters.';
    if (out.mode === 'none') text = `No results for “${q}”.`;
    if (out.mode === 'or') text = `No entry has all of “${q}”; ${n}${results} with some of the words.`;
    if (out.corrected.length && n) text += ` Showing results for ${out.corrected.map((c) => `“${surface(c[1], out.results)}”`).join(', ')}.`;
    status.textContent = text;
    hits(out);
    if (!n) {
      const link = (href, text) => el('a', { href }, text);
      list.append(el('li', { className: 'search-none' }, 'Try another word, or browse the ', link('/compare/', 'comparison table'),
        ', the ', link('/search/#a-z', 'A–Z list'), ' or the ', link('/faq/', 'FAQ'), '.'));
    }
    if (panel) panel.querySelector('.search-more').href = '/search/?q=' + encodeURIComponent(q);
    return null;
  }

  // Appends the results shown whose text is in and that are not on the page yet, in order.
  function hits(out) {
    for (let i = list.children.length, r; i < max && (r = out.results[i]) && r.url; i++) {
      list.append(el('li', { className: 'search-hit' },
        el('a', { className: 'search-link', href: r.url }, ...marked(r.title, out.matched)),
        el('span', { className: 'search-kind' }, r.kind + (r.section ? ' · section of ' + r.page : '')),
        el('p', { className: 'search-excerpt' }, ...marked(r.excerpt, out.matched))));
    }
  }

  // The word as the guide writes it ("renewal"), rather than its indexed form ("renew").
  function surface(term, results) {
    for (const r of results.filter((r) => r.url)) {
      for (const word of (r.title + ' ' + r.excerpt).match(/[\p{L}\p{N}\p{M}'\u2019]+/gu) || []) {
        if (api.tokenize(word)[0] === term) return word.toLowerCase();
      }
    }
    return term;
  }

  const marked = (text, matched) => api.highlight(text, matched).map(([piece, mark]) => (mark ? el('mark', {}, piece) : piece));

  function facets(out) {
    const box = byId('search-facets');
    if (!box.firstChild) {
      for (const f of engine.m.facets.filter((f) => f.values.length > 1)) {
        boxes[f.id] = f.values.map(([slug, name]) => {
          const check = el('input', { type: 'checkbox', name: f.id, value: slug }), count = el('span', { className: 'search-count' });
          check.addEventListener('change', () => {
            const selected = (filters[f.id] ||= new Set());
            if (check.checked) selected.add(slug); else selected.delete(slug);
            run(true);
          });
          return [check, count, el('label', {}, check, ` ${name} `, count)];
        });
        box.append(el('fieldset', { className: 'search-facet' }, el('legend', {}, f.name), ...boxes[f.id].map((b) => b[2])));
      }
    }
    for (const id in boxes) {
      boxes[id].forEach(([check, count], i) => {
        check.checked = !!(filters[id] && filters[id].has(check.value));
        count.textContent = `(${out.counts[id][i]})`;
      });
    }
  }

  // Keyboard: Down from the box or a result moves to the next result, Up to the previous one (or
  // back to the box), Escape clears; Enter on a result follows its link.
  function keys(event) {
    const links = [...list.querySelectorAll('a.search-link')], at = links.indexOf(document.activeElement);
    const inBox = event.target === input;
    if (event.key === 'Escape' && (inBox || at >= 0)) {
      input.value = '';
      run();
      input.focus();
    } else if (event.key === 'ArrowDown' && (inBox || at >= 0) && links[at + 1]) links[at + 1].focus();
    else if (event.key === 'ArrowUp' && at >= 0) (links[at - 1] || input).focus();
    else return;
    event.preventDefault();
  }

  input.addEventListener('focus', () => {
    engine.ready().catch(() => {});
    if (panel && last && input.value.trim()) panel.hidden = false;
  });
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  // Enter in the box opens the first result (after searching what was typed last).
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = await run();
    if (out && out.results.length) location.href = out.results[0].url;
    else if (!app) location.href = '/search/?q=' + encodeURIComponent(input.value);
  });
  form.parentNode.addEventListener('keydown', keys);
  if (app) {
    list.addEventListener('keydown', keys);
    addEventListener('popstate', () => { readURL(); run(); });
    readURL();
    run();
  } else {
    form.addEventListener('focusout', (event) => { if (!form.contains(event.relatedTarget)) panel.hidden = true; });
  }
})();
