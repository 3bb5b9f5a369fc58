/* certguide search: the tokenizer, the index and the search box. No library, no server.
   The index is written by `certguide build` (format in the README, "Search index"). Text from
   the index only ever reaches the page as text nodes. */
(function () {
  'use strict';

  // Tokenizer: the same steps as SearchTokenizer.swift and WordFolding.swift; the shared
  // fixture Tests/Fixtures/search/tokenizer.json keeps them identical.
  var SPELL = { '\u2019': "'", 'ς': 'σ', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ı': 'i' };
  var WORD = /[\p{L}\p{N}]/u, DIGIT = /\p{Nd}/u, MARK = /\p{M}/u, AZ = /^[a-z]+$/;

  function normalize(text) {
    var out = [];
    for (var c of text.normalize('NFKD')) {
      if (MARK.test(c)) continue;
      for (var l of c.toLowerCase()) for (var s of SPELL[l] || l) out.push(s);
    }
    return out;
  }

  // Words before folding: the search box needs them to match what is still being typed.
  function words(text) {
    var s = normalize(text), out = [], i = 0, n = s.length;
    while (i < n) {
      if (!WORD.test(s[i])) { i++; continue; }
      var w = '';
      for (; i < n; i++) {
        var c = s[i], next = s[i + 1] || '';
        if (WORD.test(c) || (c === "'" && WORD.test(next)) ||
            ((c === '.' || c === ',') && DIGIT.test(next) && DIGIT.test(s[i - 1]))) w += c;
        else break;
      }
      if (w.endsWith("'s")) w = w.slice(0, -2);
      out.push(w.replace(/[',]/g, ''));
    }
    return out;
  }

  function fold(w) {
    if (w.length < 4 || !AZ.test(w)) return w;
    var e = function (x) { return w.endsWith(x); };
    if (w.length > 4 && e('ies')) w = w.slice(0, -3) + 'y';
    else if (e('sses') || e('ches') || e('shes') || e('xes') || e('zes')) w = w.slice(0, -2);
    else if (e('s') && !e('ss') && !e('us') && !e('is')) w = w.slice(0, -1);
    if (w.length >= 9 && e('ication')) w = w.slice(0, -7) + 'y';
    else if (w.length >= 5 && e('ied')) w = w.slice(0, -3) + 'y';
    else if (w.length >= 5 && e('ed')) w = undouble(w.slice(0, -2));
    else if (w.length >= 6 && e('ing')) w = undouble(w.slice(0, -3));
    else if (w.length >= 7 && e('al')) w = w.slice(0, -2);
    if (w.length >= 4 && e('e')) w = w.slice(0, -1);
    if (e('ogu')) w = w.slice(0, -1);
    return w;
  }

  function undouble(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && 'bdgmnprt'.includes(w[n - 1]) ? w.slice(0, -1) : w;
  }

  function tokenize(text) { return words(text).map(fold); }

  // Optimal string alignment distance, given up past `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var p2 = [], p = [], c = [], i, j;
    for (j = 0; j <= b.length; j++) p[j] = j;
    for (i = 1; i <= a.length; i++) {
      c = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        c[j] = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c[j] = Math.min(c[j], p2[j - 2] + 1);
        low = Math.min(low, c[j]);
      }
      if (low > max) return max + 1;
      p2 = p; p = c;
    }
    return p[b.length];
  }

  // First position in the sorted list `a` whose value is not before `x`.
  function lowerBound(a, x) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  var KIND_ORDER = ['certification', 'faq', 'page'];

  function Engine(manifestURL, getJSON) {
    this.url = manifestURL;
    this.get = getJSON || function (url) {
      return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ': HTTP ' + r.status); return r.json(); });
    };
    this.parts = {};   // loaded index files by name: {terms, keys}
    this.lists = {};   // decoded postings by term: [doc, weight, doc, weight, ...]
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!self.loading) {
      self.loading = self.get(self.url).then(function (m) {
        if (m.version !== 1) throw new Error('search index format ' + m.version + ' is not 1');
        self.m = m;
        self.avg = m.averageLength || 1;
        return Promise.all([self.get(new URL(m.docs, self.url).href), m.index ? self.part(m.index) : null]);
      }).then(function (r) { self.docs = r[0].docs; return self; });
      self.loading.catch(function () { self.loading = null; });
    }
    return self.loading;
  };

  Engine.prototype.part = function (name) {
    var self = this;
    if (!self.parts[name]) {
      self.parts[name] = self.get(new URL(name, self.url).href).then(function (p) {
        return { terms: new Map(Object.entries(p.terms)), keys: Object.keys(p.terms).sort() };
      });
    }
    return self.parts[name];
  };

  // The index files that hold words from `from` up to `to` (both included).
  Engine.prototype.files = function (from, to) {
    var m = this.m;
    if (m.index) return [m.index];
    var out = [];
    for (var i = 0; i < m.shards.length; i++) {
      var next = m.shards[i + 1];
      if (m.shards[i][0] <= to && (!next || next[0] > from)) out.push(m.shards[i][1]);
    }
    return out;
  };

  Engine.prototype.postings = function (term, part) {
    var list = this.lists[term];
    if (!list) {
      var raw = part.terms.get(term), doc = -1;
      list = [];
      for (var i = 0; i < raw.length; i += 2) { doc += raw[i]; list.push(doc, raw[i + 1]); }
      this.lists[term] = list;
    }
    return list;
  };

  // Indexed words a query word stands for, with how much each counts: the folded word itself;
  // for the word being typed, longer words it starts, and shorter ones it already runs past
  // ("renewa" -> renew).
  Engine.prototype.expand = function (raw, prefix) {
    var self = this, folded = fold(raw), hi = '\uffff';
    var from = prefix ? [raw, folded, raw.slice(0, 4)].sort()[0] : folded;
    var to = prefix ? (raw > folded ? raw : folded) + hi : folded;
    return Promise.all(self.files(from, to).map(self.part, self)).then(function (parts) {
      var found = new Map();
      function add(term, weight, part) {
        if (!part.terms.has(term) || (found.get(term) || [0])[0] >= weight) return;
        found.set(term, [weight, part]);
      }
      parts.forEach(function (part) {
        add(folded, 1, part);
        if (!prefix) return;
        [raw, folded].forEach(function (start) {
          for (var i = lowerBound(part.keys, start); i < part.keys.length && part.keys[i].startsWith(start); i++) {
            add(part.keys[i], 0.9 * start.length / part.keys[i].length, part);
          }
        });
        for (var n = raw.length - 1; n >= Math.max(4, raw.length - 3); n--) add(raw.slice(0, n), 0.8 * n / raw.length, part);
      });
      return { parts: parts, terms: found };
    });
  };

  // The nearest indexed word, for a word that matches nothing: edit distance 1 (2 from 8 letters).
  Engine.prototype.correct = function (word, parts) {
    var max = word.length >= 8 ? 2 : 1, best = null;
    if (word.length < 3) return null;
    parts.forEach(function (part) {
      part.keys.forEach(function (key) {
        var d = distance(word, key, max);
        if (d > max) return;
        var df = part.terms.get(key).length;
        if (!best || d < best.d || (d === best.d && (df > best.df || (df === best.df && key < best.term)))) {
          best = { term: key, d: d, df: df, part: part };
        }
      });
    });
    return best;
  };

  // Scores every document for one query word: BM25 on the pre-weighted frequencies.
  Engine.prototype.scoreWord = function (terms) {
    var m = this.m, n = m.count, scores = new Map(), self = this;
    terms.forEach(function (entry, term) {
      var list = self.postings(term, entry[1]), df = list.length / 2;
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (var i = 0; i < list.length; i += 2) {
        var d = list[i], w = list[i + 1], len = self.docs[d][4];
        var s = entry[0] * idf * w * (m.k1 + 1) / (w + m.k1 * (1 - m.b + m.b * len / self.avg));
        if (s > (scores.get(d) || 0)) scores.set(d, s);
      }
    });
    return scores;
  };

  function matches(doc, facet, selected) {
    if (!selected || !selected.size) return true;
    var value = doc[facet];
    return Array.isArray(value) ? value.some(function (v) { return selected.has(v); }) : selected.has(value);
  }
  var FACET_FIELD = { kind: 5, level: 6, setting: 7, issuer: 8, cost: 9 };

  /* Runs a query. `filters` maps a facet id to a Set of value slugs. Resolves to
     {results: [{doc, score, url, title, excerpt, kind, section, page}], mode: 'and'|'or'|'browse'|'none',
      corrected: [[typed, indexed]...], matched: Set of indexed words, counts: {facet: [count per value]}} */
  Engine.prototype.search = function (query, filters) {
    var self = this;
    return self.ready().then(function () {
      var typed = words(query), prefixLast = /[\p{L}\p{N}]$/u.test(query);
      if (self.m.shards && query.trim().length < 2) typed = [];
      return Promise.all(typed.map(function (w, i) { return self.expand(w, prefixLast && i === typed.length - 1); }))
        .then(function (expansions) { return self.rank(typed, expansions, filters || {}); });
    });
  };

  // A section borrows the words of its page, and a page those of its sections, each at a
  // discount: "CLT renewal" finds the renewal section of the CLT page, "CLT" the page itself.
  var FROM_PAGE = 0.8, FROM_SECTION = 0.05, SHORT = 0.5;
  Engine.prototype.borrow = function (own) {
    var docs = this.docs, kids = this.kids, out = new Map(own);
    function raise(d, s) { if (s > (out.get(d) || 0)) out.set(d, s); }
    own.forEach(function (s, d) {
      var p = docs[d][2];
      if (p >= 0) raise(p, FROM_SECTION * s);
      else (kids[d] || []).forEach(function (k) { raise(k, FROM_PAGE * s); });
    });
    return out;
  };

  Engine.prototype.rank = function (typed, expansions, filters) {
    var self = this, docs = self.docs, corrected = [], matched = new Set(), own = new Set();
    if (!self.kids) {
      self.kids = {};
      docs.forEach(function (doc, d) { if (doc[2] >= 0) (self.kids[doc[2]] = self.kids[doc[2]] || []).push(d); });
    }
    var perWord = expansions.map(function (x, i) {
      if (!x.terms.size) {
        var fix = self.correct(fold(typed[i]), x.parts);
        if (fix) { x.terms.set(fix.term, [1, fix.part]); corrected.push([typed[i], fix.term]); }
      }
      x.terms.forEach(function (entry, term) { matched.add(term); });
      // One- and two-letter words are mostly function words in English ("do I", "to", "as").
      var scores = self.scoreWord(x.terms), short = typed[i].length <= 2 && AZ.test(typed[i]);
      if (short) scores.forEach(function (s, d) { scores.set(d, s * SHORT); });
      scores.forEach(function (s, d) { own.add(d); });
      return self.borrow(scores);
    });
    var mode = 'and', total = new Map(), browse = false;
    if (perWord.length) {
      perWord[0].forEach(function (s, d) {
        var sum = s;
        for (var i = 1; i < perWord.length && sum >= 0; i++) sum = perWord[i].has(d) ? sum + perWord[i].get(d) : -1;
        if (sum >= 0) total.set(d, sum);
      });
      if (!total.size && perWord.length > 1) {
        mode = 'or';
        perWord.forEach(function (scores) {
          scores.forEach(function (s, d) { total.set(d, (total.get(d) || 0) + s); });
        });
      }
      if (!total.size) mode = 'none';
    } else {
      // No words: the pages the filters leave, and counts over every page to filter by.
      mode = 'browse';
      browse = Object.keys(filters).some(function (f) { return filters[f] && filters[f].size; });
      docs.forEach(function (doc, d) { if (doc[2] < 0) total.set(d, 0); });
    }
    // Borrowed words only complete a match: an entry with none of the words itself is left out.
    var scored = [];
    total.forEach(function (score, d) { if (mode === 'browse' || own.has(d)) scored.push({ doc: d, score: score }); });
    scored.sort(function (a, b) {
      return b.score - a.score || docs[a.doc][5] - docs[b.doc][5] || a.doc - b.doc;
    });
    var facets = self.m.facets, ids = {}, counts = {};
    facets.forEach(function (f) {
      // A value this index does not have (an old link) matches nothing, not the entries without the facet.
      ids[f.id] = new Set([...(filters[f.id] || [])].map(function (slug) {
        var at = f.values.findIndex(function (v) { return v[0] === slug; });
        return at < 0 ? -2 : at;
      }));
      counts[f.id] = f.values.map(function () { return 0; });
    });
    var results = [];
    scored.forEach(function (r) {
      var doc = docs[r.doc], failing = facets.filter(function (f) { return !matches(doc, FACET_FIELD[f.id], ids[f.id]); });
      facets.forEach(function (f) {
        if (failing.length > 1 || (failing.length === 1 && failing[0] !== f)) return;
        [].concat(doc[FACET_FIELD[f.id]]).forEach(function (v) { if (v >= 0) counts[f.id][v]++; });
      });
      if (failing.length || (mode === 'browse' && !browse)) return;
      var page = doc[2] >= 0 ? docs[doc[2]] : null;
      results.push({ doc: r.doc, score: r.score, url: doc[0], title: doc[1], excerpt: doc[3],
        kind: facets[0].values[doc[5]][1], section: !!page, page: page ? page[1] : null });
    });
    return { results: results, mode: mode, filtered: browse, corrected: corrected, matched: matched, counts: counts };
  };

  // Splits `text` into [piece, marked] runs: a word is marked when one of its tokens was matched.
  function highlight(text, matched) {
    var out = [], last = 0, re = /[\p{L}\p{N}\p{M}]+(?:['\u2019.,][\p{L}\p{N}\p{M}]+)*/gu, m;
    while ((m = re.exec(text))) {
      if (!tokenize(m[0]).some(function (t) { return matched.has(t); })) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  var api = { normalize: normalize, words: words, fold: fold, tokenize: tokenize, distance: distance,
    highlight: highlight, Engine: Engine };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'object') {
    if (typeof window === 'object') window.certguideSearch = api;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { ui(api); });
    else ui(api);
  }

  /* The search box of every page, and the results, filters and URL state of /search/. */
  function ui() {
    var form = document.querySelector('form[data-manifest]');
    if (!form) return;
    var input = form.querySelector('input[type=search]'), app = document.getElementById('search-app');
    var engine = new Engine(new URL(form.getAttribute('data-manifest'), location.href).href);
    var list, status, facetBox = null, panel = null, az = null, seq = 0, timer = 0, last = null;
    var filters = {}, boxes = {};
    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.appendChild(document.createTextNode(text));
      return e;
    }
    if (app) {
      app.hidden = false;
      document.getElementById('search-nojs').hidden = true;
      list = document.getElementById('search-results');
      status = document.getElementById('search-status');
      facetBox = document.getElementById('search-facets');
      az = document.getElementById('a-z');
    } else {
      status = el('p', 'search-hidden');
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      status.setAttribute('aria-atomic', 'true');
      panel = el('div', 'search-panel');
      panel.hidden = true;
      list = el('ol', 'search-results');
      list.id = 'search-results';
      var more = el('a', 'search-more', 'All results and filters');
      more.href = '/search/';
      panel.append(list, el('p', 'search-more-line'));
      panel.lastChild.appendChild(more);
      form.append(status, panel);
    }
    list.setAttribute('aria-label', 'Search results');

    function readURL() {
      var params = new URLSearchParams(location.search);
      input.value = params.get('q') || '';
      filters = {};
      params.forEach(function (value, key) {
        if (key !== 'q') (filters[key] = filters[key] || new Set()).add(value);
      });
    }
    function writeURL(push) {
      var params = new URLSearchParams();
      if (input.value) params.set('q', input.value);
      Object.keys(filters).forEach(function (k) { filters[k].forEach(function (v) { params.append(k, v); }); });
      var url = location.pathname + (params.toString() ? '?' + params : '');
      if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    }

    function run(push) {
      clearTimeout(timer);
      var q = input.value, mine = ++seq;
      if (app) writeURL(push);
      if (!q.trim() && !app) { show(null, q); return Promise.resolve(null); }
      return engine.search(q, filters).then(function (out) {
        if (mine === seq) show(out, q);
        return out;
      }, function () {
        if (mine !== seq) return null;
        status.textContent = 'Search is not available right now. Browse the comparison table, the A–Z list or the FAQ instead.';
        if (app) document.getElementById('search-nojs').hidden = false;
        return null;
      });
    }

    function show(out, q) {
      last = out;
      list.textContent = '';
      if (panel) panel.hidden = !out;
      if (az) az.hidden = !!(out && out.results.length);
      if (facetBox && out) facets(out);
      if (!out || (out.mode === 'browse' && !out.filtered)) { status.textContent = ''; return; }
      var n = out.results.length, shown = out.results.slice(0, app ? 50 : 8);
      var plural = n === 1 ? ' result' : ' results';
      var text = out.mode === 'browse' ? (n ? n + (n === 1 ? ' entry matches' : ' entries match') + ' the filters.' : 'No entries match the filters.') : n + plural + ' for “' + q.trim() + '”.';
      if (out.mode === 'none') text = 'No results for “' + q.trim() + '”.';
      if (out.mode === 'or') text = 'No entry has all of “' + q.trim() + '”; ' + n + plural + ' with some of the words.';
      if (out.corrected.length && n) text += ' Showing results for ' + out.corrected.map(function (c) { return '“' + surface(c[1], shown) + '”'; }).join(', ') + '.';
      status.textContent = text;
      shown.forEach(function (r) {
        var li = el('li', 'search-hit'), a = el('a', 'search-link');
        a.href = r.url;
        marked(a, r.title, out.matched);
        li.appendChild(a);
        li.appendChild(el('span', 'search-kind', r.kind + (r.section ? ' · section of ' + r.page : '')));
        var p = el('p', 'search-excerpt');
        marked(p, r.excerpt, out.matched);
        li.appendChild(p);
        list.appendChild(li);
      });
      if (!n) {
        var li = el('li', 'search-none', 'Try another word, or browse the ');
        [['/compare/', 'comparison table'], ['/search/#a-z', 'A–Z list'], ['/faq/', 'FAQ']].forEach(function (link, i) {
          var a = el('a', null, link[1]);
          a.href = link[0];
          li.appendChild(a);
          li.appendChild(document.createTextNode(i === 0 ? ', the ' : i === 1 ? ' or the ' : '.'));
        });
        list.appendChild(li);
      }
      if (panel) panel.querySelector('.search-more').href = '/search/?q=' + encodeURIComponent(q);
    }

    // The word as the guide writes it ("renewal"), rather than its indexed form ("renew").
    function surface(term, results) {
      for (var i = 0; i < results.length; i++) {
        var found = (results[i].title + ' ' + results[i].excerpt).match(/[\p{L}\p{N}\p{M}'\u2019]+/gu) || [];
        for (var j = 0; j < found.length; j++) if (tokenize(found[j])[0] === term) return found[j].toLowerCase();
      }
      return term;
    }

    function marked(parent, text, matched) {
      highlight(text, matched).forEach(function (piece) {
        parent.appendChild(piece[1] ? el('mark', null, piece[0]) : document.createTextNode(piece[0]));
      });
    }

    function facets(out) {
      if (!facetBox.firstChild) {
        engine.m.facets.forEach(function (f) {
          if (f.values.length < 2) return;
          var set = el('fieldset', 'search-facet');
          set.appendChild(el('legend', null, f.name));
          boxes[f.id] = f.values.map(function (v) {
            var label = el('label'), box = el('input'), count = el('span', 'search-count');
            box.type = 'checkbox';
            box.name = f.id;
            box.value = v[0];
            box.addEventListener('change', function () {
              var selected = filters[f.id] = filters[f.id] || new Set();
              if (box.checked) selected.add(v[0]); else selected.delete(v[0]);
              run(true);
            });
            label.append(box, document.createTextNode(' ' + v[1] + ' '), count);
            set.appendChild(label);
            return [box, count];
          });
          facetBox.appendChild(set);
        });
      }
      Object.keys(boxes).forEach(function (id) {
        boxes[id].forEach(function (pair, i) {
          pair[0].checked = !!(filters[id] && filters[id].has(pair[0].value));
          pair[1].textContent = '(' + out.counts[id][i] + ')';
        });
      });
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll('a.search-link')); }

    input.addEventListener('focus', function () { engine.ready().catch(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      run().then(function (out) {
        if (out && out.results.length) location.href = out.results[0].url;
        else if (!app) location.href = '/search/?q=' + encodeURIComponent(input.value);
      });
    });
    form.parentNode.addEventListener('keydown', keys);
    if (app) list.addEventListener('keydown', keys);
    function keys(event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (event.key === 'Escape' && (event.target === input || at >= 0)) {
        input.value = '';
        run();
        input.focus();
      } else if (event.key === 'ArrowDown' && (event.target === input || at >= 0) && all[at + 1]) {
        all[at + 1].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        (all[at - 1] || input).focus();
      } else {
        return;
      }
      event.preventDefault();
    }
    if (panel) {
      form.addEventListener('focusout', function (event) {
        if (!form.contains(event.relatedTarget)) panel.hidden = true;
      });
      input.addEventListener('focus', function () { if (last && input.value.trim()) panel.hidden = false; });
    }
    if (app) {
      window.addEventListener('popstate', function () { readURL(); run(); });
      readURL();
      run();
    }
  }
})();
