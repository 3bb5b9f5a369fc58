'use strict';
// The search script as the build publishes it (comments and spaces taken out by
// ScriptCompactor.swift) does what the source does: the other Node tests load the source.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { search, serve, siteFolder } = require('./support.js');
const { queries } = require('../Fixtures/search/relevance.json');
const { cases } = require('../Fixtures/search/tokenizer.json');

const published = require(path.join(siteFolder('guide'), 'assets', 'search.js'));

test('the published script is compacted and exports what the source does', () => {
  const source = fs.readFileSync(require.resolve('../../Templates/assets/search.js'), 'utf8');
  const built = fs.readFileSync(path.join(siteFolder('guide'), 'assets', 'search.js'), 'utf8');
  assert.ok(built.length < source.length * 0.7, `${built.length} bytes published of ${source.length}`);
  assert.deepEqual(Object.keys(published), Object.keys(search));
});

test('the published tokenizer passes the shared fixture', () => {
  for (const { text, tokens } of cases) assert.deepEqual(published.tokenize(text), tokens, text);
});

test('the published engine ranks, corrects and marks as the source does', async () => {
  const site = await serve('guide');
  try {
    const ours = site.engine(), theirs = new published.Engine(ours.url);
    const extra = ['renewa', 'catalgoing', 'bibliothécaire', 'archives cost', 'zzzz qqqq', 'library technician exam'];
    for (const query of [...queries.map((q) => q.query), ...extra]) {
      const [a, b] = [await ours.search(query), await theirs.search(query)];
      const view = (out) => ({
        mode: out.mode, count: out.count, corrected: out.corrected, matched: [...out.matched],
        results: out.results.slice(0, 10).map((r) => [r.url, r.title, r.excerpt]),
        counts: out.counts,
      });
      assert.deepEqual(view(b), view(a), query);
      for (const r of a.results.slice(0, 10)) assert.deepEqual(published.highlight(r.excerpt, a.matched), search.highlight(r.excerpt, a.matched));
    }
  } finally {
    await site.close();
  }
});
