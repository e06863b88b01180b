// GraphiQL in a real headless browser. Starts nothing itself: the server under test is at
// BATTERYKG_URL (internal/server/browser_test.go starts one over the seed graph and runs this
// script). It opens GraphiQL at `/`, checks that the first example tab (a relationship query,
// internal/server/examples.graphql) is loaded, runs it with GraphiQL's execute button, waits
// for the result pane to contain BATTERYKG_EXPECT, and saves a screenshot to
// test-artifacts/graphiql.png. Every request must stay on the server: anything else (a CDN,
// fonts) is blocked and fails the test, so it passes with the network closed.
//
// Environment:
//   BATTERYKG_URL        the server, e.g. http://127.0.0.1:8080 (required)
//   BATTERYKG_EXPECT     text the result must contain (default: the first example's answer)
//   BATTERYKG_ARTIFACTS  where screenshots go (default: ../test-artifacts)
//   BATTERYKG_CHROMIUM   the browser (default: /usr/bin/chromium)
//   BATTERYKG_TIMEOUT_MS how long to wait for the page and for the result (default 90000)
//
// Exit status: 0 on success, 1 with a one-line reason on stderr otherwise.

import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.BATTERYKG_URL || '').replace(/\/+$/, '');
const expect = process.env.BATTERYKG_EXPECT || 'is managed by Wallonie Entreprendre';
const artifacts = resolve(process.env.BATTERYKG_ARTIFACTS || join(here, '..', 'test-artifacts'));
const executablePath = process.env.BATTERYKG_CHROMIUM || '/usr/bin/chromium';
const timeout = Number(process.env.BATTERYKG_TIMEOUT_MS || 90000);

function fail(msg) {
  console.error(`browser test FAILED: ${msg}`);
  process.exitCode = 1;
}

async function main() {
  if (!base) return fail('BATTERYKG_URL is not set');
  if (!existsSync(executablePath)) return fail(`no browser at ${executablePath} (run scripts/chromium.sh)`);
  mkdirSync(artifacts, { recursive: true });
  const origin = new URL(base).origin;
  const profile = mkdtempSync(join(tmpdir(), 'batterykg-chromium-'));
  const blocked = [];
  const pageErrors = [];
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
      timeout,
    });
    // Nothing but the server: a request elsewhere means GraphiQL would need the network.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue();
      }
      blocked.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') console.error(`[browser console] ${m.text()}`); });

    const resp = await page.goto(origin + '/', { waitUntil: 'load' });
    if (!resp || !resp.ok()) return fail(`GET / answered ${resp ? resp.status() : 'nothing'}`);

    // GraphiQL is up with its editors and the example tabs from examples.graphql.
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    if (tabs.length < 2) return fail(`expected the example tabs, found ${tabs.length}: ${JSON.stringify(tabs)}`);
    const query = await page.evaluate(() => {
      const cm = document.querySelector('.graphiql-query-editor .CodeMirror');
      return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
    });
    if (!/connection\s*\(/.test(query)) return fail(`the first tab is not the relationship example; its query is: ${query.slice(0, 200)}`);

    // Run it: GraphiQL's execute button, or Ctrl+Enter in the editor if there is none.
    const run = page.locator('.graphiql-execute-button');
    if (await run.count()) {
      await run.first().click();
    } else {
      await page.locator('.graphiql-query-editor .CodeMirror').click();
      await page.keyboard.press('Control+Enter');
    }

    // The result pane's text, read from its CodeMirror (which renders only visible lines).
    const resultText = () => page.evaluate(() => {
      const cm = document.querySelector('.graphiql-response .CodeMirror');
      if (cm && cm.CodeMirror) return cm.CodeMirror.getValue();
      const el = document.querySelector('.graphiql-response');
      return el ? el.innerText : '';
    });
    try {
      await page.waitForFunction((want) => {
        const cm = document.querySelector('.graphiql-response .CodeMirror');
        const text = cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
        return text.includes(want) || text.includes('"errors"');
      }, expect, { timeout, polling: 250 });
    } catch (e) {
      await page.screenshot({ path: join(artifacts, 'graphiql-failure.png') }).catch(() => {});
      return fail(`no result containing ${JSON.stringify(expect)} within ${timeout} ms; result pane: ${(await resultText()).slice(0, 500)}`);
    }
    const text = await resultText();
    if (!text.includes(expect)) {
      await page.screenshot({ path: join(artifacts, 'graphiql-failure.png') }).catch(() => {});
      return fail(`the query answered with errors: ${text.slice(0, 800)}`);
    }
    await page.screenshot({ path: join(artifacts, 'graphiql.png') });
    if (blocked.length) return fail(`the page requested ${blocked.length} URL(s) off the server: ${blocked.slice(0, 5).join(', ')}`);
    if (pageErrors.length) return fail(`uncaught errors in the page: ${pageErrors.slice(0, 3).join(' | ')}`);
    console.log(`browser test ok: ${tabs.length} example tabs, first tab run, result contains ${JSON.stringify(expect)}; ` +
      `screenshot ${join(artifacts, 'graphiql.png')}`);
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
