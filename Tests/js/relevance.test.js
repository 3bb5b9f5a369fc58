'use strict';
// The relevance set over the shipped guide: each query's right answer must come first.
const test = require('node:test');
const assert = require('node:assert/strict');
const { serve } = require('./support.js');
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
