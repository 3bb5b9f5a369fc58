/* certguide search, in one file (one request, and gzip shares its words between the parts):
   1. the tokenizer and the engine that load and rank the index written by `certguide build`
      (format in the README, "Search"); no library, no server; in the browser
      (window.certguideSearch) and in Node for the tests (module.exports);
   2. the search box of every page, and the results, filters and URL state of /search/. Text
      from the index only ever reaches the page as text nodes. */
// 1. The engine.
(() => {
  'use strict';

  // Tokenizer: the same steps as SearchTokenizer.swift and WordFolding.swift; the shared
  // fixture Tests/Fixtures/search/tokenizer.json keeps them identical.
  const SPELL = { '\u2019': "'", 'ς': 'σ', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ı': 'i' };
  const WORD = /[\p{L}\p{N}]/u, DIGIT = /\p{Nd}/u, MARK = /\p{M}/u, AZ = /^[a-z]+$/, ASCII = /[a-z\d]/i;
  // ASCII is tested without the Unicode classes, which cost Chromium a millisecond or two to
  // compile, in the first search. Every mark is from U+0300 on.
  const isWord = (c) => (c < '\x80' ? ASCII.test(c) : WORD.test(c));

  function normalize(text) {
    const out = [];
    for (const c of text.normalize('NFKD')) {
      if (c >= '\u0300' && MARK.test(c)) continue;
      for (const l of c.toLowerCase()) for (const s of SPELL[l] || l) out.push(s);
    }
    return out;
  }

  // Words before folding: the search box needs them to match what is still being typed.
  function words(text) {
    const s = normalize(text), out = [], n = s.length;
    let i = 0;
    while (i < n) {
      if (!isWord(s[i])) { i++; continue; }
      let w = '';
      for (; i < n; i++) {
        const c = s[i], next = s[i + 1] || '';
        if (isWord(c) || (c === "'" && isWord(next)) ||
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
    const e = (x) => w.endsWith(x), cut = (n, tail = '') => { w = w.slice(0, -n) + tail; };
    if (w.length > 4 && e('ies')) cut(3, 'y');
    else if (e('sses') || e('ches') || e('shes') || e('xes') || e('zes')) cut(2);
    else if (e('s') && !e('ss') && !e('us') && !e('is')) cut(1);
    if (w.length >= 9 && e('ication')) cut(7, 'y');
    else if (w.length >= 5 && e('ied')) cut(3, 'y');
    else if (w.length >= 5 && e('ed')) { cut(2); undouble(); }
    else if (w.length >= 6 && e('ing')) { cut(3); undouble(); }
    else if (w.length >= 7 && e('al')) cut(2);
    if (w.length >= 4 && e('e')) cut(1);
    if (e('ogu')) cut(1);
    return w;
    function undouble() {
      const n = w.length;
      if (n >= 2 && w[n - 1] === w[n - 2] && 'bdgmnprt'.includes(w[n - 1])) cut(1);
    }
  }

  const tokenize = (text) => words(text).map(fold);

  // Optimal string alignment distance, given up past `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let p2 = [], p = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i++) {
      const c = [i];
      let low = i;
      for (let j = 1; j <= b.length; j++) {
        c[j] = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c[j] = Math.min(c[j], p2[j - 2] + 1);
        low = Math.min(low, c[j]);
      }
      if (low > max) return max + 1;
      [p2, p] = [p, c];
    }
    return p[b.length];
  }

  // First position in the sorted list `a` whose value is not before `x`.
  function lowerBound(a, x) {
    let lo = 0, hi = a.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // Splits `text` into [piece, marked] runs: a word is marked when one of its tokens was matched.
  // A word here is a run of anything but ASCII and Latin-1 punctuation, spaces and general
  // punctuation, rather than of \p{L}\p{N}\p{M}: compiling those classes took Chromium about
  // 8 ms at the first results. Plain a-z words skip the tokenizer's Unicode steps.
  function highlight(text, matched) {
    const out = [], re = /[^\0-/:-@[-\x60{-\xbf\u2000-\u206f]+(?:['\u2019.,][^\0-/:-@[-\x60{-\xbf\u2000-\u206f]+)*/g;
    let last = 0, m;
    while ((m = re.exec(text))) {
      if (!(/^[a-z\d]+$/i.test(m[0]) ? [fold(m[0].toLowerCase())] : tokenize(m[0])).some((t) => matched.has(t))) continue;
      if (m.index > last) out.push([text.slice(last, m.index), false]);
      out.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  }

  // Numbers of the index files (CompactNumbers.swift): 5 bits a character, low bits first;
  // the first 32 characters end a number.
  const CODE = new Int8Array(128);
  [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'].forEach((c, i) => { CODE[c.charCodeAt(0)] = i; });
  const LENGTH = Float64Array.from(CODE, (c) => 2 ** (c / 5) - 1);
  function numbers(text) {
    const out = new Int32Array(text.length);
    let n = 0;
    for (let i = 0, v = 0, shift = 0; i < text.length; i++) {
      const d = CODE[text.charCodeAt(i)];
      v |= (d & 31) << shift;
      if (d < 32) { out[n++] = v; v = shift = 0; } else shift += 5;
    }
    return out.subarray(0, n);
  }

  // A section borrows the words of its page, and a page those of its sections, each at a
  // discount: "CLT renewal" finds the renewal section of the CLT page, "CLT" the page itself.
  // FROM_PAGE + OWN < 1, so a section never outranks its page on words the page has as strongly.
  // One- and two-letter words count half: they are mostly function words ("do I", "to", "as").
  const FROM_PAGE = 0.6, OWN = 0.35, FROM_SECTION = 0.05, SHORT = 0.5, PREFIX = 30, CACHE = 24, TOP = 50, FIRST = 5;

  class Engine {
    constructor(manifestURL, getJSON, early) {
      this.url = manifestURL;
      // The manifest keeps its name from build to build, so it is revalidated; the files it
      // names are named by their content and may be cached for good. `early`: the manifest's
      // fetch, when the page began it before this script ran (the search page does, a round
      // trip sooner); used once, so that a failed one is fetched again.
      this.get = getJSON || ((url) => {
        const sent = url !== manifestURL ? fetch(url) : early || fetch(url, { cache: 'no-cache' });
        if (url === manifestURL) early = null;
        return sent.then((r) => {
          if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
          return r.json();
        });
      });
      // Index files by name: {keys: sorted words, at: Map word -> position, lists}; decoded
      // postings by word: [doc, weight, doc, weight, ...]; text files by number; [url, title,
      // passages…] by document, once its text file is loaded; what each query word matched, for
      // the next keystrokes. (Comments on lines of their own are left out of the published script.)
      this.parts = {};
      this.lists = {};
      this.chunks = {};
      this.text = [];
      this.words = new Map();
    }

    // The manifest: enough to fetch the words' shards while the meta file loads.
    manifest() {
      return this.once(this, 'loadingManifest', () => this.get(this.url).then((m) => {
        if (m.version !== 6) throw new Error(`search index format ${m.version} is not 6`);
        m.text.sizes = numbers(m.text.sizes);
        this.m = m;
        return m;
      }));
    }

    ready() {
      return this.once(this, 'loading', () => this.manifest().then((m) => Promise.all([this.get(new URL(m.meta, this.url).href),
        m.index && this.part(new URL(m.index, this.url).href), m.text.files === 1 && this.get(this.textFile(0))]))
        .then(([meta, , text]) => this.setup(meta, text)));
    }

    // Documents: each page, then its sections, which share its facets (typed arrays, by document).
    setup(meta, text) {
      // Plain loops and fill(): this runs once, before the JIT has warmed up.
      const pages = numbers(meta.pages), n = this.m.count;
      // Lengths: one character a document, 2^(code / 5) - 1 words (LengthCode.swift), read
      // where scored rather than all decoded first.
      this.lengths = meta.lengths;
      // Facets by page number: a section has its page's.
      this.page = new Uint32Array(n); this.pageNo = new Uint32Array(n); this.starts = [];
      // Kind, level, setting, issuer, cost: the manifest's facets, in the meta file's order.
      this.facets = [0, 1, 2, 3, 4].map(() => new Int32Array(pages.length / 6));
      for (let p = 0, d = 0; p < pages.length; p += 6) {
        const end = d + pages[p] + 1, no = this.starts.push(d) - 1;
        this.page.fill(d, d, end); this.pageNo.fill(no, d, end);
        // Stored + 1 so that 0 is none (the kind always has one); the setting is a bit mask.
        for (let k = 0; k < 5; k++) this.facets[k][no] = pages[p + 1 + k] - (k && k !== 2 ? 1 : 0);
        d = end;
      }
      if (text) this.chunks[0] = Promise.resolve(this.keep(0, text));
      return this;
    }

    // `<stem>.<hash>.<n>.json`: files come in groups, each with its own 8-digit hash, a slice of
    // `hashes`. A shard is a group of its own, numbered through the series; a text file is
    // numbered within its group, the groups being `sizes` files long.
    file(stem, { hashes, sizes }, n) {
      let g = n;
      if (sizes) for (g = 0; n >= sizes[g]; ) n -= sizes[g++];
      return new URL(`${stem}.${hashes.substr(g * 8, 8)}.${n}.json`, this.url).href;
    }

    textFile(n) { return this.file('text', this.m.text, n); }

    // A section's url is its anchor after its page's.
    keep(n, t) {
      const first = this.starts[n * this.m.text.pages];
      t.docs.forEach((doc, k) => {
        if (doc[0][0] === '#') doc[0] = this.text[this.page[first + k]][0] + doc[0];
        this.text[first + k] = doc;
      });
    }

    // A file (or the manifest, or the ranking data) loaded once, by `key` in `cache`; one that
    // failed to load is forgotten, so that the next search asks for it again rather than
    // failing for good after a network error.
    once(cache, key, load) {
      if (!cache[key]) {
        const p = (cache[key] = load());
        p.catch(() => { if (cache[key] === p) delete cache[key]; });
      }
      return cache[key];
    }

    // Loads the text of the given documents: the files of their pages.
    texts(docs) {
      const files = new Set(docs.map((d) => Math.floor(this.pageNo[d] / this.m.text.pages)));
      return Promise.all([...files].map((n) => this.once(this.chunks, n, () => this.get(this.textFile(n)).then((t) => this.keep(n, t)))));
    }

    part(url) {
      return this.once(this.parts, url, () => this.get(url).then((p) => this.shard(p)));
    }

    shard(p) { return { keys: p.terms, lists: p.postings, at: new Map(p.terms.map((t, i) => [t, i])) }; }

    // The index files that hold the words from `from` up to `to`.
    files(from, to) {
      const { index, shards } = this.m;
      if (index) return [new URL(index, this.url).href];
      const keys = shards.from, out = [];
      keys.forEach((key, i) => { if (key <= to && !(keys[i + 1] <= from)) out.push(this.file('shard', shards, i)); });
      return out;
    }

    // A word's postings as [doc, weight, …]. Each number: the gap to the previous document less
    // one, times two, plus one when a weight other than 1 follows (less two). Typed arrays, not
    // arrays grown a push at a time: a common word has thousands, decoded before the JIT warms up.
    postings(term, part) {
      if (!this.lists[term]) {
        const raw = numbers(part.lists[part.at.get(term)]), list = new Int32Array(2 * raw.length);
        let n = 0;
        for (let i = 0, doc = -1; i < raw.length; i++) {
          list[n++] = doc += (raw[i] >> 1) + 1;
          list[n++] = raw[i] & 1 ? raw[++i] + 2 : 1;
        }
        this.lists[term] = list.subarray(0, n);
      }
      return this.lists[term];
    }

    // Indexed words a query word stands for, with how much each counts: the folded word itself;
    // for the word being typed, longer words it starts (the PREFIX most common of them), and
    // shorter ones it already runs past ("renewa" -> renew).
    async expand(raw, prefix) {
      const folded = fold(raw), found = new Map(), longer = [];
      const from = prefix ? [raw, folded, raw.slice(0, 4)].sort()[0] : folded;
      const to = prefix ? (raw > folded ? raw : folded) + '\uffff' : folded;
      const parts = await Promise.all(this.files(from, to).map((f) => this.part(f)));
      const add = (term, weight, part) => {
        if (part.at.has(term) && !((found.get(term) || [0])[0] >= weight)) found.set(term, [weight, part]);
      };
      for (const part of parts) {
        add(folded, 1, part);
        if (!prefix) continue;
        for (const start of [raw, folded]) {
          for (let i = lowerBound(part.keys, start); i < part.keys.length && part.keys[i].startsWith(start); i++) {
            // How common a word is: the length of its postings, without decoding them.
            longer.push([part.keys[i], 0.9 * start.length / part.keys[i].length, part, part.lists[i].length]);
          }
        }
        for (let n = raw.length - 1; n >= Math.max(4, raw.length - 3); n--) add(raw.slice(0, n), 0.8 * n / raw.length, part);
      }
      if (longer.length > PREFIX) longer.sort((a, b) => b[3] - a[3]).length = PREFIX;
      for (const [term, weight, part] of longer) add(term, weight, part);
      return { parts, terms: found };
    }

    // The nearest indexed word, for a word that matches nothing: edit distance 1 (2 from 8
    // letters), the most common first. A split index looks in its dictionary of the words found
    // more than once, and in the shards already loaded, then loads the winner's shard.
    async correct(word, parts) {
      if (word.length < 3) return null;
      const max = word.length >= 8 ? 2 : 1;
      let best = null;
      const consider = (term, df, part) => {
        const d = distance(word, term, max);
        if (d <= max && (!best || d < best.d || (d === best.d && (df() > best.df || (best.df === df() && term < best.term))))) {
          best = { term, d, df: df(), part };
        }
      };
      for (const part of parts) for (const key of part.keys) consider(key, () => this.postings(key, part).length / 2, part);
      if (this.m.dict) {
        const dict = await this.once(this, 'dict', () => this.get(new URL(this.m.dict, this.url).href).then((x) => ({ keys: x.terms, df: numbers(x.counts) })));
        dict.keys.forEach((key, i) => consider(key, () => dict.df[i] + 2, null));
      }
      if (best && !best.part) best.part = await this.part(this.files(best.term, best.term)[0]);
      return best;
    }

    // Scores every document for one query word: BM25 on the pre-weighted frequencies. Scores
    // live in arrays by document number: no maps to build while the reader types.
    score(terms, weight) {
      const { count: n, k1, b, averageLength: avg } = this.m, scores = new Float64Array(n), docs = [], lengths = this.lengths;
      // BM25's length factor by length code: the loop below runs thousands of times cold.
      const norm = LENGTH.map((l) => k1 * (1 - b + b * l / (avg || 1)));
      terms.forEach(([factor, part], term) => {
        const list = this.postings(term, part), df = list.length / 2;
        const f = weight * factor * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (k1 + 1);
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i], w = list[i + 1];
          const s = f * w / (w + norm[lengths.charCodeAt(d)]);
          if (s > scores[d]) { if (!scores[d]) docs.push(d); scores[d] = s; }
        }
      });
      // The documents scored: ranking and borrowing visit these, not every document.
      return { own: scores, docs: new Int32Array(docs) };
    }

    borrow(own, docs) {
      const out = Float64Array.from(own), starts = this.starts;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i], s = own[d], p = this.page[d];
        if (p !== d) out[p] = Math.max(out[p], FROM_SECTION * s);
        else for (let k = d + 1, end = starts[this.pageNo[d] + 1] || own.length; k < end; k++) out[k] = Math.max(out[k], FROM_PAGE * s + OWN * own[k]);
      }
      return out;
    }

    // One query word: the words it matched (or its correction) and the scores they give, kept
    // for the next keystrokes, which mostly repeat the words before the last.
    async word(raw, prefix) {
      const key = (prefix ? '*' : ' ') + raw;
      let hit = this.words.get(key);
      if (!hit) {
        const x = await this.expand(raw, prefix);
        let corrected = null;
        if (!x.terms.size) {
          const fix = await this.correct(fold(raw), x.parts);
          if (fix) { x.terms.set(fix.term, [1, fix.part]); corrected = [raw, fix.term]; }
        }
        await this.ready();
        const { own, docs } = this.score(x.terms, raw.length <= 2 && AZ.test(raw) ? SHORT : 1);
        hit = { terms: x.terms, corrected, docs, scores: this.borrow(own, docs) };
        if (this.words.size >= CACHE) this.words.delete(this.words.keys().next().value);
      }
      this.words.delete(key);
      this.words.set(key, hit);
      return hit;
    }

    /* Runs a query; `filters` maps a facet id to a Set of value slugs. Resolves to {results:
       [{doc, kind, section, url, title, excerpt, page}] (the best 50, or `shown` if more,
       in rank order), count (of all the results), mode: 'and' | 'or' | 'none' |
       'browse', filtered, corrected: [[typed, indexed]], matched: Set of indexed words,
       counts: {facet: [count per value]} (when `counts`), more}. The first 5 results have their
       text (url, title, excerpt, page title); `more` resolves to the same object once the first
       `shown` have theirs; the others have it once their text file is loaded.
       Only the best are made into objects: a keystroke can match thousands of documents. */
    async search(query, filters = {}, shown = 10, counts = true) {
      // A cold first search tokenizes while the manifest loads.
      const manifest = this.manifest();
      let typed = words(query);
      const prefixLast = isWord([...query].pop() || '');
      await manifest;
      const ready = this.ready();
      // A split index waits for a second letter: one would fetch every shard of its words.
      if (this.m.shards && query.trim().length < 2) typed = [];
      if (this.m.shards && prefixLast && typed.length > 1 && typed[typed.length - 1].length < 2) typed.pop();
      const perWord = await Promise.all(typed.map((w, i) => this.word(w, prefixLast && i === typed.length - 1)));
      await ready;
      const { mode, total, ranked, corrected, matched } = this.rank(perWord);
      const filtered = Object.keys(filters).some((f) => filters[f] && filters[f].size);
      const kept = this.facet(ranked, filters, mode !== 'browse' || filtered).results;
      const docs = this.order(kept, total, Math.max(shown, TOP));
      // The text of the results shown loads while the facets are counted. The first FIRST
      // are waited for, and the others asked for after them (`more`): over HTTP/1.1 a browser
      // opens six connections to a host, and ten requests at once delayed the first five. They
      // are asked for in a task of their own, once the first are given: the fetch() calls for
      // 45 more ran first, and Chromium listed the first results 38-108 ms after their text.
      const first = this.texts(docs.slice(0, Math.min(shown, FIRST)));
      const rest = first.then(() => new Promise((go) => setTimeout(go))).then(() => this.texts(docs.slice(0, shown)));
      // If the first fail, the search fails with them, and nobody waits for `more`.
      rest.catch(() => {});
      const facets = this.facet(ranked, filters, false, counts), kinds = this.m.facets[0].values;
      // Result objects are made once, in their final order, and given their text when it is in:
      // the excerpt is the first passage with a matched word, else the first.
      const results = docs.map((doc) => ({ doc, kind: kinds[this.facets[0][this.pageNo[doc]]][1], section: this.page[doc] !== doc }));
      const give = () => {
        for (const r of results) {
          const text = this.text[r.doc];
          if (text && !r.url) {
            Object.assign(r, { url: text[0], title: text[1], page: r.section ? this.text[this.page[r.doc]][1] : null,
              excerpt: text.find((p, i) => i > 1 && highlight(p, matched).some((x) => x[1])) || text[2] });
          }
        }
      };
      await first;
      give();
      const out = { results, count: kept.length, mode, filtered, corrected, matched, counts: facets.counts };
      out.more = rest.then(give, () => {}).then(() => out);
      return out;
    }

    // The documents with every query word (else with any), and their total scores.
    rank(perWord) {
      const corrected = [], matched = new Set(), n = this.page.length, w = perWord.length;
      const scores = perWord.map((x) => x.scores), one = perWord[0];
      for (const x of perWord) {
        if (x.corrected) corrected.push(x.corrected);
        x.terms.forEach((entry, term) => matched.add(term));
      }
      // One word: its scores and documents as they are (nothing changes them).
      if (w === 1) return { mode: one.docs.length ? 'and' : 'none', total: one.scores, ranked: one.docs, corrected, matched };
      const total = new Float64Array(n), ranked = [], some = [];
      // No words: the pages the filters leave, and counts over every page to filter by.
      if (!w) ranked.push(...this.starts);
      // Every word, or failing that any word; borrowed words only complete a match: an entry
      // with none of the words itself is left out, so only the documents scored are visited, in
      // no particular order (ties are settled by document number in `order`).
      // Indexed loops: for…of costs an iterator a document before the JIT has warmed up.
      const seen = new Uint8Array(n), docs = [];
      for (const x of perWord) {
        for (let i = 0; i < x.docs.length; i++) { const d = x.docs[i]; if (!seen[d]) { seen[d] = 1; docs.push(d); } }
      }
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j];
        let sum = 0, every = true;
        for (let i = 0; i < w; i++) { const x = scores[i][d]; sum += x; every &&= x > 0; }
        total[d] = sum;
        (every ? ranked : some).push(d);
      }
      const mode = !w ? 'browse' : ranked.length ? 'and' : some.length ? 'or' : 'none';
      return { mode, total, ranked: mode === 'or' ? some : ranked, corrected, matched };
    }

    // The best `top` results by score, best first, and documents are numbered certifications
    // first, then questions, then pages: ties go that way. Only those are kept in order, as
    // the others go by (the search page shows 50): most cost one comparison, where sorting
    // tens of thousands took milliseconds a key.
    order(docs, total, top) {
      const before = (a, b) => total[a] > total[b] || (total[a] === total[b] && a < b), best = [];
      for (let i = 0, last = -1; i < docs.length; i++) {
        // Written out, not a call: the first search runs this before the JIT has warmed up.
        const d = docs[i];
        if (best.length === top && (total[d] < total[last] || (total[d] === total[last] && d > last))) continue;
        let j = Math.min(best.length, top - 1);
        for (; j > 0 && before(d, best[j - 1]); j--) best[j] = best[j - 1];
        best[j] = d;
        last = best[best.length - 1];
      }
      return best;
    }

    // Keeps the ranked documents the filters allow (OR within a facet, AND across facets), and
    // counts each facet's values over the documents the other facets allow.
    facet(ranked, filters, list, count) {
      const facets = this.m.facets, counts = {};
      // Per facet: the allowed values (a bit mask for settings), null when not filtered. A value
      // this index does not have (an old link) matches nothing.
      const allow = facets.map((f) => {
        counts[f.id] = f.values.map(() => 0);
        const chosen = [...(filters[f.id] || [])].map((slug) => f.values.findIndex((v) => v[0] === slug)).filter((at) => at >= 0);
        if (!(filters[f.id] && filters[f.id].size)) return null;
        return f.id === 'setting' ? chosen.reduce((m, at) => m | (1 << at), 0) : new Set(chosen);
      });
      const F = this.facets, no = this.pageNo, active = allow.map((a, k) => k).filter((k) => allow[k]);
      // A section has its page's facets, so filters and counts go by page. Per page: the facet it
      // fails (-1: none, -2: more than one).
      const failing = (p) => {
        let f = -1;
        for (const k of active) if (!(k === 2 ? (F[2][p] & allow[2]) !== 0 : allow[k].has(F[k][p]))) f = f === -1 ? k : -2;
        return f;
      };
      const results = !list ? [] : active.length ? ranked.filter((d) => failing(no[d]) === -1) : ranked;
      if (count) {
        // Documents ranked by page in one pass; then each facet adds up the pages touched.
        const perPage = new Int32Array(F[0].length), touched = [];
        for (let i = 0; i < ranked.length; i++) { const p = no[ranked[i]]; if (!perPage[p]++) touched.push(p); }
        const C = facets.map((x) => counts[x.id]);
        for (let t = 0; t < touched.length; t++) {
          const p = touched[t], f = active.length ? failing(p) : -1, n = perPage[p];
          for (let k = 0; k < C.length; k++) {
            const c = C[k], value = F[k][p];
            if (f !== -1 && f !== k) continue;
            if (k !== 2) { if (value >= 0) c[value] += n; } else for (let bit = 0; bit < c.length; bit++) if (value & (1 << bit)) c[bit] += n;
          }
        }
      }
      return { results, counts };
    }
  }

  const api = { tokenize, distance, highlight, Engine };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else window.certguideSearch = api;
})();

// 2. The page: nothing to do in Node, or on a page without a search form.
(() => {
  'use strict';
  if (typeof window !== 'object') return;
  const api = window.certguideSearch;
  const form = document.querySelector('form[data-manifest]');
  if (!api || !form) return;
  const input = form.querySelector('input[type=search]'), app = document.getElementById('search-app');
  const byId = (id) => document.getElementById(id);
  const engine = new api.Engine(new URL(form.getAttribute('data-manifest'), location.href).href, null, window.certguideManifest);
  // Results listed: under the header box, and on /search/ (with filters), where "Show more
  // results" lists as many again. Each is a text file to fetch, at every key.
  const max = app ? 20 : 8;
  let filters = {}, boxes = {}, seq = 0, last = null, busy = null, again = false, quiet = 0, shown = max;

  // An element with properties and children; strings become text nodes, never HTML.
  function el(tag, props, ...children) {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  }

  let list, status, summary = null, panel = null, more = null;
  if (app) {
    app.hidden = false;
    byId('search-nojs').hidden = true;
    list = byId('search-results');
    status = byId('search-status');
    summary = byId('search-summary');
    more = byId('search-show-more');
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

  // While the reader types, every key starts a search, one at a time: keys pressed during a
  // search wait for it, and only the last of them is searched. (A fixed wait after each key
  // added 120 ms to every result; a keystroke's search takes a few.)
  function typed() {
    if (busy) { again = true; return; }
    busy = run(false, true).finally(() => {
      busy = null;
      if (again) { again = false; typed(); }
    });
  }

  // The status is a live region: while the reader types, it speaks once they pause rather than
  // at every key, and the URL follows then (Safari refuses more than 100 history changes in 10
  // seconds, which a key each could reach). The line on screen, hidden from screen readers
  // that hear the status, follows every key.
  function say(text, typing) {
    if (summary) summary.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      if (app && typing) writeURL();
      status.textContent = text;
    }, typing ? 500 : 0);
  }

  // `next`: the results after those listed, asked for with "Show more results"; they are
  // added below the others, and the first of them takes the focus.
  async function run(push, typing, next) {
    const q = input.value, mine = ++seq, from = list.children.length;
    if (!next) shown = max;
    if (app && !typing) writeURL(push);
    if (!q.trim() && !app) return show(null, q);
    try {
      const out = await engine.search(q, filters, shown, !!app);
      if (mine === seq && !next) show(out, q, typing);
      // The first results come as soon as their text is in, the others below them after.
      out.more.then(() => {
        if (mine !== seq) return;
        hits(last = out);
        if (next && list.children[from]) list.children[from].querySelector('a').focus();
      });
      return out;
    } catch {
      if (mine === seq) {
        say('Search is not available right now. Browse the comparison table, the A–Z list or the FAQ instead.');
        if (app) byId('search-nojs').hidden = false;
      }
      return null;
    }
  }

  function show(out, q, typing) {
    last = out;
    q = q.trim();
    list.textContent = '';
    if (more) more.hidden = true;
    if (panel) panel.hidden = !out;
    if (app) byId('search-nojs').hidden = true;
    if (app && out) facets(out);
    if (!out || (out.mode === 'browse' && !out.filtered)) return say('', typing);
    // Thousands by a regular expression: the first toLocaleString() loads the locale data,
    // 90 ms in Node and 70 to 90 in Chromium, in the first results.
    const n = out.count, N = String(n).replace(/\B(?=(\d{3})+$)/g, ','), results = n === 1 ? ' result' : ' results';
    let text = `${N}${results} for “${q}”.`;
    if (out.mode === 'browse') text = n ? `${N} ${n === 1 ? 'entry matches' : 'entries match'} the filters.` : 'No entries match the filters.';
    if (out.mode === 'none') text = `No results for “${q}”.`;
    if (out.mode === 'or') text = `No entry has all of “${q}”; ${N}${results} with some of the words.`;
    // The query as searched: each corrected word in place of the one typed.
    if (out.corrected.length && n) {
      const fix = new Map(out.corrected.map((c) => [api.tokenize(c[0])[0], surface(c[1], out.results)]));
      text += ` Showing results for “${q.replace(/\S+/g, (w) => fix.get(api.tokenize(w)[0]) || w)}”.`;
    }
    say(text, typing);
    hits(out);
    if (!n) {
      const link = (href, text) => el('a', { href }, text);
      list.append(el('li', { className: 'search-none' }, 'Try another word, or browse the ', link('/compare/', 'comparison table'),
        ', the ', link('/a-z/', 'A–Z list'), ' or the ', link('/faq/', 'FAQ'), '.'));
    }
    if (panel) panel.querySelector('.search-more').href = '/search/?q=' + encodeURIComponent(q);
  }

  // Appends the results shown whose text is in and that are not on the page yet, in order.
  function hits(out) {
    for (let i = list.children.length, r; i < shown && (r = out.results[i]) && r.url; i++) {
      list.append(el('li', { className: 'search-hit' },
        el('a', { className: 'search-link', href: r.url }, ...marked(r.title, out.matched)),
        el('span', { className: 'search-kind' }, r.kind, ...(r.section ? [' · section of ', ...marked(r.page, out.matched)] : [])),
        el('p', { className: 'search-excerpt' }, ...marked(r.excerpt, out.matched))));
    }
    if (more) more.hidden = !(list.children.length === shown && out.count > shown);
  }

  // The word as the guide writes it ("renewal"), rather than its indexed form ("renew").
  function surface(term, results) {
    for (const r of results.filter((r) => r.url)) {
      for (const [word, mark] of api.highlight(r.title + ' ' + r.excerpt, new Set([term]))) if (mark) return word.toLowerCase();
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
  input.addEventListener('input', typed);
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
    more.addEventListener('click', () => { shown += max; run(false, false, true); });
    addEventListener('popstate', () => { readURL(); run(); });
    readURL();
    run();
  } else {
    form.addEventListener('focusout', (event) => { if (!form.contains(event.relatedTarget)) panel.hidden = true; });
  }
})();
