// Serves a built test site on 127.0.0.1 and hands out search engines that load it over HTTP,
// as the browser does. The sites are built by scripts/test-web before the JS tests run.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const search = require('../../Templates/assets/search.js');

const sites = process.env.CERTGUIDE_TEST_SITES || path.join(__dirname, '..', '..', '.build', 'web-test');
const types = { '.html': 'text/html', '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css' };

function siteFolder(name) {
  const folder = path.join(sites, name);
  if (!fs.existsSync(path.join(folder, 'index.html'))) {
    throw new Error(`${folder} has no built site: run scripts/test-web (make test does), which builds it first`);
  }
  return folder;
}

// `fail(path)`, when given, answers 503 to the requests it returns true for: a network error.
async function serve(name, { fail } = {}) {
  const folder = siteFolder(name);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (fail && fail(url.pathname)) { res.writeHead(503).end(); return; }
    let file = path.join(folder, decodeURIComponent(url.pathname));
    if (!file.startsWith(folder)) { res.writeHead(403).end(); return; }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (error, data) => {
      if (error) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const home = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
  const manifest = home.match(/data-manifest="([^"]+)"/);
  if (!manifest) throw new Error(`${folder}/index.html has no search box (data-manifest)`);
  return {
    base,
    requests,
    engine: () => new search.Engine(base + manifest[1]),
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(resolve)); },
  };
}

module.exports = { search, serve, siteFolder, sites };
