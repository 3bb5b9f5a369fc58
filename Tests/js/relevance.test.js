'use strict';
// The relevance set over the shipped guide: each query's right answer must come first.
const test = require('node:test');
const assert = require('node:assert/strict');
const { search, serve } = require('./support.js');
const { queries } = require('../Fixtures/search/relevance.json');

test(`relevance: ${queries.length} reader queries over the guide`, async () => {
  assert.ok(queries.length >= 25);
  const site = await serve('guide');
  try {
    const engine = site.engine();
    let first = 0, top3 = 0, accepted = 0;
    const misses = [];
    for (const { query, expect, alsoRight = [] } of queries) {
      const urls = (await engine.search(query)).results.map((r) => r.url);
      const rank = urls.indexOf(expect) + 1;
      if (rank === 1) first++;
      if (rank >= 1 && rank <= 3) top3++;
      if ([expect, ...alsoRight].includes(urls[0])) accepted++;
      else misses.push(`${query}: first is ${urls[0]}, expected ${expect} (rank ${rank || 'none'})`);
    }
    console.log(`relevance: expected result first for ${first}/${queries.length}, in the top 3 for ${top3}/${queries.length}; ` +
      `a right result first for ${accepted}/${queries.length}`);
    assert.deepEqual(misses, []);
  } finally {
    await site.close();
  }
});

// A reader sees why a result matched: its excerpt is the first of its passages with a matched
// word, a certification's title has its abbreviation, and a section's line names its page. With
// one fixed excerpt a document and neither of those, 114 of these 160 results showed a matched
// word in their title or excerpt.
test('the top 5 results of the relevance queries show the words they matched', async () => {
  const site = await serve('guide');
  try {
    const engine = site.engine(), has = (text, matched) => search.highlight(text, matched).some(([, mark]) => mark);
    let results = 0, showing = 0;
    for (const { query } of queries) {
      const out = await engine.search(query);
      for (const r of out.results.slice(0, 5)) {
        const passages = engine.text[r.doc].slice(2);
        assert.equal(r.excerpt, passages.find((p) => has(p, out.matched)) || passages[0], `${query}: ${r.url}`);
        results++;
        if ([r.title, r.excerpt, r.page || ''].some((text) => has(text, out.matched))) showing++;
      }
    }
    console.log(`excerpts: ${showing} of the top ${results} results show a matched word (title, excerpt or page)`);
    assert.ok(showing >= 145, `${showing} of ${results}`);
  } finally {
    await site.close();
  }
});
