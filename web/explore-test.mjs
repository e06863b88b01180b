// The explorer (/explore) in a real headless browser. Starts nothing itself: the server under
// test is at BATTERYKG_URL (internal/server/explore_browser_test.go starts one over the seed
// graph and runs this script). Every request must stay on the server: anything else is blocked
// and fails the test, so the explorer works with the network closed.
//
// It searches "BatFactory" and picks it with the keyboard, expands a neighbour by clicking it
// on the canvas (its details and sources must show), asks why ULB and Wallonie Entreprendre are
// connected (the four-hop path must be the highlighted one), opens the value chain and the
// money Sankey, the table view, downloads the GraphML and parses it back (node and edge counts
// and ids equal to what is drawn), reopens the view's URL in a fresh page (the same drawing),
// follows "Open in GraphiQL", and times a 500-node drawing. Screenshots go to test-artifacts/
// (explore-*.png), the timing to test-artifacts/explore-timing.json.
//
// Environment: BATTERYKG_URL (required), BATTERYKG_ARTIFACTS, BATTERYKG_CHROMIUM,
// BATTERYKG_TIMEOUT_MS (as web/browser-test.mjs). Exit status 0 on success, 1 with the reason.

import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.BATTERYKG_URL || '').replace(/\/+$/, '');
const artifacts = resolve(process.env.BATTERYKG_ARTIFACTS || join(here, '..', 'test-artifacts'));
const executablePath = process.env.BATTERYKG_CHROMIUM || '/usr/bin/chromium';
const timeout = Number(process.env.BATTERYKG_TIMEOUT_MS || 90000);

class Failure extends Error {}
function check(cond, msg) { if (!cond) throw new Failure(msg); }
const step = (msg) => console.log(`- ${msg}`);

// A deterministic synthetic subgraph of n nodes and about 2n edges, shaped like the real one.
function synthetic(n) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const labels = ['Actor', 'Actor', 'Actor', 'Project', 'Project', 'FundingProgramme', 'Topic', 'Event'];
  const kinds = ['COMPANY', 'UNIVERSITY', 'LAB', 'RESEARCH_CENTRE', 'CLUSTER', 'PUBLIC_AGENCY', 'FUNDER'];
  const nodes = [], edges = [], seen = new Set();
  for (let i = 0; i < n; i++) {
    const label = i === 0 ? 'Actor' : labels[Math.floor(rnd() * labels.length)];
    nodes.push({ id: `n${i}`, label, name: `${label} ${i}`, shortName: null, kind: label === 'Actor' ? kinds[i % kinds.length] : null, region: label === 'Actor' ? 'WAL' : null, depth: i ? 1 : 0 });
  }
  const edge = (a, b, type) => {
    const id = `n${a}|${type}|n${b}`;
    if (a === b || seen.has(id)) return;
    seen.add(id);
    edges.push({ id, type, from: `n${a}`, to: `n${b}`, role: null, amount: null, currency: null, instrument: null, flow: null, confidence: 'SOURCED', sources: ['synthetic#test'], properties: [] });
  };
  for (let i = 1; i < n; i++) edge(Math.floor(rnd() * i), i, 'PARTICIPATES_IN');
  for (let k = 0; k < n; k++) edge(Math.floor(rnd() * n), Math.floor(rnd() * n), 'SUPPORTS');
  return { nodes, edges, truncated: false };
}

async function main() {
  check(base, 'BATTERYKG_URL is not set');
  check(existsSync(executablePath), `no browser at ${executablePath} (run scripts/chromium.sh)`);
  mkdirSync(artifacts, { recursive: true });
  const origin = new URL(base).origin;
  const profile = mkdtempSync(join(tmpdir(), 'batterykg-chromium-'));
  const blocked = [], pageErrors = [];
  let context, page;
  const shot = (name) => page.screenshot({ path: join(artifacts, `explore-${name}.png`) });
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath, headless: true, acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1500, height: 900 }, timeout,
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(timeout);
    const watch = (p) => {
      p.on('pageerror', (e) => pageErrors.push(String(e)));
      p.on('console', (m) => { if (m.type() === 'error') console.error(`[browser console] ${m.text()}`); });
    };
    watch(page);
    const ready = (p) => p.waitForSelector('body[data-ready="true"]');
    const drawn = (p = page) => p.evaluate(() => ({ nodes: explorer.drawnNodes(), edges: explorer.drawnEdges() }));

    // GraphiQL links to the explorer.
    let resp = await page.goto(origin + '/', { waitUntil: 'load' });
    check(resp && resp.ok(), `GET / answered ${resp ? resp.status() : 'nothing'}`);
    await page.click('#batterykg-explorer-link');
    await ready(page);
    check(new URL(page.url()).pathname === '/explore', `GraphiQL's link led to ${page.url()}`);
    step('GraphiQL links to /explore; the explorer loaded with every script from the server');

    // 1. Find and expand, ten neighbours per click.
    await page.selectOption('#f-per', '10');
    await page.fill('#q', 'BatFactory');
    await page.waitForSelector('#hits li[data-i]');
    const first = await page.locator('#hits li[data-i]').first().innerText();
    check(/BatFactory/.test(first), `the first search hit is ${JSON.stringify(first)}`);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => explorer.drawnNodes().includes('batfactory') && explorer.drawnNodes().length === 11);
    await page.waitForFunction(() => /nodes, \d+ relationships drawn/.test(document.querySelector('#status').textContent));
    let d = await drawn();
    const more = await page.evaluate(() => explorer.cy.getElementById('more:batfactory').data('short'));
    check(more === '+5 more', `BatFactory's 15 neighbours, 10 shown: the "more" node says ${JSON.stringify(more)}`);
    step(`search "BatFactory", Enter: ${d.nodes.length} nodes and ${d.edges.length} relationships drawn, and "${more}"`);
    check(d.edges.length >= d.nodes.length - 1, `only ${d.edges.length} relationships for ${d.nodes.length} nodes`);
    await page.waitForSelector('#details h3');
    check(/BatFactory/.test(await page.locator('#details h3').innerText()), 'the details panel does not show BatFactory');

    // Clicks on the canvas: "+5 more" shows the rest; MecaTech expands (a new neighbourhood merged in).
    const clickNode = async (id) => {
      const at = await page.evaluate((id) => {
        const n = explorer.cy.getElementById(id);
        const r = document.querySelector('#cy').getBoundingClientRect();
        const p = n.renderedPosition();
        return { x: r.left + p.x, y: r.top + p.y };
      }, id);
      await page.mouse.click(at.x, at.y);
    };
    await clickNode('more:batfactory');
    await page.waitForFunction(() => explorer.drawnNodes().length === 16 && explorer.cy.getElementById('more:batfactory').empty());
    await page.waitForTimeout(600);
    d = await drawn();
    check(d.nodes.includes('mecatech'), 'MecaTech is not among BatFactory\'s neighbours');
    const before = d.nodes.length;
    await clickNode('mecatech');
    await page.waitForFunction(() => explorer.state.expanded.includes('mecatech'));
    await page.waitForFunction((b) => explorer.drawnNodes().length > b, before);
    await page.waitForFunction(() => /MecaTech/.test(document.querySelector('#details h3')?.textContent || '') &&
      document.querySelectorAll('#details .sources li:not(.hint)').length > 0);
    d = await drawn();
    const sources = await page.locator('#details .sources li').allInnerTexts();
    step(`"+5 more" clicked: 16 nodes; MecaTech clicked: ${d.nodes.length} nodes, ${d.edges.length} relationships; its sources: ${sources.length} (${sources[0].split('\n')[0]})`);
    check(await page.locator('#details .badge').count() > 0, 'no confidence badge in the details panel');
    // Every drawn node learns its confidence (INFERRED ones are drawn dashed).
    await page.waitForFunction(() => explorer.cy.nodes().not('.more').every((n) => !!n.data('confidence')));
    const conf = await page.evaluate(() => explorer.cy.nodes().not('.more').map((n) => n.data('confidence')).join(','));
    check(/SOURCED/.test(conf), `the drawn nodes' confidence: ${conf}`);
    await page.waitForTimeout(600);
    await shot('graph');

    // Filters: hiding projects hides them from the drawing, showing them brings them back.
    const withProjects = (await drawn()).nodes.length;
    await page.click('input[data-f="label:Project"]');
    const withoutProjects = (await drawn()).nodes.length;
    check(withoutProjects < withProjects, `hiding projects left ${withoutProjects} of ${withProjects} nodes`);
    await page.click('input[data-f="label:Project"]');
    check((await drawn()).nodes.length === withProjects, 'showing projects again did not restore them');
    step(`filter by node type: ${withProjects} → ${withoutProjects} → ${withProjects} nodes`);
    // The stage filter keeps the actors and projects of one stage (from stageCoverage).
    await page.selectOption('#f-stage', 'RECYCLING_RECOVERY');
    await page.waitForFunction((n) => explorer.drawnNodes().length < n, withProjects);
    const inStage = await page.evaluate(() => explorer.drawnNodes());
    check(!inStage.includes('batfactory'), `BatFactory does not target recycling, yet the stage filter kept it: ${inStage}`);
    await page.selectOption('#f-stage', '');
    await page.waitForFunction((n) => explorer.drawnNodes().length === n, withProjects);
    step(`stage filter (recycling): ${inStage.length} of ${withProjects} nodes kept`);

    // 2. Why connected: ULB and Wallonie Entreprendre, the four-hop path highlighted.
    await page.click('#tab-why');
    await page.fill('#why-from', 'ulb');
    await page.fill('#why-to', 'wallonie-entreprendre');
    await page.click('#why-bar button[type=submit]');
    await page.waitForSelector('#why-list li[aria-current="true"]');
    const whyText = await page.locator('#why-list li[aria-current="true"]').innerText();
    check(/is managed by Wallonie Entreprendre/.test(whyText), `the highlighted explanation is: ${whyText}`);
    const hl = await page.evaluate(() => ({ nodes: explorer.cy.nodes('.path').map((n) => n.id()), edges: explorer.cy.edges('.path').map((e) => e.id()) }));
    const wantPath = ['ulb', 'batfactory', 'walloon-recovery-plan', 'we-battery-call', 'wallonie-entreprendre'];
    check(hl.edges.length === 4, `${hl.edges.length} relationships highlighted, want the 4 hops: ${hl.edges}`);
    check(wantPath.every((id) => hl.nodes.includes(id)) && hl.nodes.length === 5, `highlighted nodes ${hl.nodes}, want ${wantPath}`);
    step(`why ULB and Wallonie Entreprendre: "${whyText.replace(/\s+/g, ' ').slice(0, 90)}…", path of 4 hops highlighted`);
    await page.waitForTimeout(700);
    await shot('why');

    // 3. The value chain.
    await page.click('#tab-chain');
    await page.waitForSelector('#chain canvas');
    await page.waitForSelector('#chain-detail h3');
    const chain = await page.evaluate(() => {
      const o = echarts.getInstanceByDom(document.querySelector('#chain')).getOption().series[0];
      return { stages: o.data.length, links: o.links.length, circular: o.links.filter((l) => l.flow === 'CIRCULAR').length };
    });
    check(chain.stages === 10, `${chain.stages} stages drawn`);
    check(chain.links >= 9 && chain.circular >= 1, `the chain's links: ${JSON.stringify(chain)}`);
    const chainDetail = await page.locator('#chain-detail').innerText();
    check(/Actors \(\d+\)/i.test(chainDetail) && /Projects \(\d+\)/i.test(chainDetail), `the stage detail is: ${chainDetail.slice(0, 200)}`);
    step(`value chain: ${chain.stages} stages, ${chain.links} links (${chain.circular} circular); detail: ${chainDetail.split('\n')[0]}`);
    await page.selectOption('#chain-region', 'WAL');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === 'WAL');
    await page.waitForTimeout(500);
    await shot('chain');

    // 4. The money.
    await page.click('#tab-money');
    await page.waitForFunction(() => Number(document.querySelector('#sankey').dataset.links) > 0);
    const summary = await page.locator('#money-summary').innerText();
    check(/EUR/.test(summary) && /without a public amount/.test(summary), `money summary: ${summary}`);
    const countLinks = await page.evaluate(() => Number(document.querySelector('#sankey').dataset.links));
    await page.selectOption('#money-currency', 'EUR');
    await page.waitForFunction(() => document.querySelector('#sankey').dataset.unit === 'EUR');
    const eur = await page.evaluate(() => {
      const o = echarts.getInstanceByDom(document.querySelector('#sankey')).getOption().series[0];
      return { links: o.links.length, fromFunders: o.links.filter((l) => l.target.startsWith('j:')).reduce((s, l) => s + l.value, 0) };
    });
    check(eur.links > 0 && eur.fromFunders > 0, `EUR Sankey: ${JSON.stringify(eur)}`);
    step(`money: ${countLinks} links counting fundings; in EUR ${eur.links} links, ${eur.fromFunders} EUR into projects; ${summary.slice(0, 120)}`);
    await page.selectOption('#money-currency', 'count');
    await page.waitForFunction(() => document.querySelector('#sankey').dataset.unit === 'fundings');
    await page.waitForTimeout(500);
    await shot('money');

    // 7. The table view, reached with the keyboard (5).
    await page.click('#tab-graph');
    await page.locator('#cy').focus();
    await page.keyboard.press('5');
    await page.waitForSelector('#view-table:not([hidden]) #t-nodes tbody tr');
    d = await drawn();
    const rows = await page.locator('#t-nodes tbody tr').count();
    const edgeRows = await page.locator('#t-edges tbody tr').count();
    check(rows === d.nodes.length && edgeRows === d.edges.length, `table: ${rows} node rows, ${edgeRows} edge rows; drawn ${d.nodes.length}, ${d.edges.length}`);
    await shot('table');
    // Keyboard navigation in the graph: → selects a node.
    await page.keyboard.press('1');
    await page.locator('#cy').focus();
    await page.keyboard.press('ArrowRight');
    check(await page.evaluate(() => !!explorer.state.selected && explorer.cy.getElementById(explorer.state.selected).selected()), 'ArrowRight selected no node');
    step(`table view: ${rows} nodes and ${edgeRows} relationships; keys 5, 1 and → work`);

    // 6. GraphML of what is drawn, parsed back.
    d = await drawn();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#x-graphml')]);
    const file = join(artifacts, 'explore.graphml');
    await download.saveAs(file);
    const xml = readFileSync(file, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const g = doc.getElementsByTagName('graph')[0];
      return {
        nodes: [...g.getElementsByTagName('node')].map((n) => n.getAttribute('id')),
        edges: [...g.getElementsByTagName('edge')].map((e) => e.getAttribute('id')),
        dangling: [...g.getElementsByTagName('edge')].filter((e) => !doc.querySelector(`node[id="${CSS.escape(e.getAttribute('source'))}"]`)).length,
      };
    }, xml);
    check(!parsed.error, `the GraphML does not parse: ${parsed.error}`);
    check(parsed.nodes.length === d.nodes.length && parsed.edges.length === d.edges.length,
      `GraphML has ${parsed.nodes.length} nodes and ${parsed.edges.length} edges; drawn ${d.nodes.length} and ${d.edges.length}`);
    check(parsed.nodes.slice().sort().join() === d.nodes.slice().sort().join(), 'the GraphML\'s node ids differ from the drawn ones');
    check(parsed.dangling === 0, `${parsed.dangling} GraphML edges point at nodes it does not have`);
    step(`GraphML downloaded and parsed back: ${parsed.nodes.length} nodes, ${parsed.edges.length} edges, as drawn`);
    for (const id of ['#x-csv-nodes', '#x-json', '#x-png']) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
      const p = join(artifacts, 'explore-' + dl.suggestedFilename());
      await dl.saveAs(p);
      const body = readFileSync(p);
      if (id === '#x-csv-nodes') check(body.toString().trim().split('\n').length === d.nodes.length + 1, 'the nodes CSV has the wrong number of rows');
      if (id === '#x-json') { const j = JSON.parse(body); check(j.nodes.length === d.nodes.length && j.edges.length === d.edges.length, 'the JSON export differs from the drawing'); }
      if (id === '#x-png') check(body.subarray(1, 4).toString() === 'PNG' && body.length > 10000, 'the PNG export is not a picture');
    }
    step('CSV, JSON and PNG exports downloaded and checked');

    // The URL reproduces the view.
    await page.keyboard.press('Escape');
    const url = page.url();
    const page2 = await context.newPage();
    watch(page2);
    await page2.goto(url);
    await ready(page2);
    const d2 = await drawn(page2);
    check(d2.nodes.slice().sort().join() === d.nodes.slice().sort().join(), `the link ${url} drew ${d2.nodes.length} nodes, the view had ${d.nodes.length}`);
    const view2 = await page2.evaluate(() => ({ view: explorer.state.view, why: explorer.state.why, path: explorer.cy.edges('.path').length }));
    step(`the view's URL drew the same ${d2.nodes.length} nodes in a fresh page (${url.slice(url.indexOf('?'), url.indexOf('?') + 80)}…; view ${view2.view})`);

    // "Open in GraphiQL" opens the query that drew the view.
    const href = await page2.getAttribute('#to-graphiql', 'href');
    check(href.startsWith('/?query='), `Open in GraphiQL points at ${href}`);
    await page2.click('#to-graphiql');
    await page2.waitForSelector('.graphiql-query-editor .CodeMirror');
    const q = await page2.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue());
    check(/neighbourhood\(id: \$n0/.test(q), `GraphiQL opened with: ${q.slice(0, 200)}`);
    step('Open in GraphiQL: the neighbourhood query of the view is in the active tab');
    await page2.close();

    // 7. A 500-node neighbourhood: time to draw (layout settled and painted), then frame time.
    const sub = synthetic(500);
    await page.click('#tab-graph');
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await page.evaluate((s) => explorer.drawSubgraph(s), sub));
    check(runs.every((r) => r.nodes === 500), `drew ${runs.map((r) => r.nodes)} of 500 nodes`);
    const median = (a) => a.slice().sort((x, y) => x - y)[1];
    const timing = { nodes: 500, edges: runs[0].edges, drawMs: runs.map((r) => Math.round(r.drawMs)), frameMs: runs.map((r) => +r.frameMs.toFixed(1)),
      medianDrawMs: Math.round(median(runs.map((r) => r.drawMs))), medianFrameMs: +median(runs.map((r) => r.frameMs)).toFixed(1) };
    writeFileSync(join(artifacts, 'explore-timing.json'), JSON.stringify(timing, null, 2) + '\n');
    step(`500 nodes, ${timing.edges} relationships: drawn in ${timing.drawMs.join(', ')} ms (median ${timing.medianDrawMs}); ` +
      `then ${timing.frameMs.join(', ')} ms per zoom-and-pan frame`);
    await shot('500');

    check(!blocked.length, `the page requested ${blocked.length} URL(s) off the server: ${blocked.slice(0, 5).join(', ')}`);
    check(!pageErrors.length, `uncaught errors in the page: ${pageErrors.slice(0, 3).join(' | ')}`);
    console.log(`explorer browser test ok; screenshots in ${artifacts}`);
  } catch (e) {
    if (page) await page.screenshot({ path: join(artifacts, 'explore-failure.png') }).catch(() => {});
    console.error(`explorer browser test FAILED: ${e instanceof Failure ? e.message : e && e.stack ? e.stack : e}`);
    if (pageErrors.length) console.error(`uncaught errors in the page: ${pageErrors.slice(0, 3).join(' | ')}`);
    process.exitCode = 1;
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

main();
