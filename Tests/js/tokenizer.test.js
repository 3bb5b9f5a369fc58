'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { search } = require('./support.js');
const fixture = require('../Fixtures/search/tokenizer.json');

test('the browser tokenizes the shared fixture exactly as the index builder does', () => {
  assert.ok(fixture.cases.length >= 15);
  for (const { text, tokens } of fixture.cases) {
    assert.deepEqual(search.tokenize(text), tokens, `tokenizing ${JSON.stringify(text)}`);
  }
});

test('inflections conflate and accents fold', () => {
  const same = (a, b) => assert.deepEqual(search.tokenize(a), search.tokenize(b), `${a} vs ${b}`);
  same('certified', 'certifications');
  same('renew', 'renewal');
  same('bibliothécaire', 'BIBLIOTHECAIRE');
  assert.notDeepEqual(search.tokenize('certificate'), search.tokenize('certification'));
});

test('typo distance counts a transposition as one edit', () => {
  assert.equal(search.distance('mircosoft', 'microsoft', 2), 1);
  assert.equal(search.distance('renewl', 'renew', 1), 1);
  assert.equal(search.distance('archive', 'chive', 1), 2);
});
