// batterykg explorer: the knowledge graph drawn for researchers. A client of the public
// GraphQL API (/graphql) and nothing else: search, neighbourhood, connection, stageCoverage,
// fundingFlows, programmes, node and source. Cytoscape.js (with the fcose layout) draws the
// graph, Apache ECharts the value chain and the money. The view's state lives in the URL.
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------
  // Constants: what can be drawn and how it looks.
  // ---------------------------------------------------------------------------------------
  const PER_PAGE = [10, 30, 100]; // neighbours shown per click before "N more" (a choice)
  const FETCH_LIMIT = 500;  // the API's cap on a neighbourhood
  const BIG = 200;          // beyond this many nodes: rings instead of fcose, no edge captions
  const KIND_COLOURS = {
    COMPANY: '#0072B2', UNIVERSITY: '#E69F00', LAB: '#F0E442', RESEARCH_CENTRE: '#56B4E9',
    CLUSTER: '#CC79A7', PUBLIC_AGENCY: '#8E8E8E', FUNDER: '#D55E00',
  };
  const TYPE_STYLE = {
    Actor: { colour: '#0072B2', shape: 'ellipse' },
    Project: { colour: '#009E73', shape: 'round-rectangle' },
    FundingProgramme: { colour: '#8C510A', shape: 'diamond' },
    ValueChainStage: { colour: '#332288', shape: 'hexagon' },
    Topic: { colour: '#88CCEE', shape: 'tag' },
    Factor: { colour: '#AA4499', shape: 'triangle' },
    Event: { colour: '#DDCC77', shape: 'star' },
    Person: { colour: '#6F6F6F', shape: 'vee' },
    Figure: { colour: '#B0B0B0', shape: 'rectangle' },
    Source: { colour: '#B0B0B0', shape: 'rectangle' },
  };
  const KINDS = Object.keys(KIND_COLOURS);
  const REGIONS = ['WAL', 'BRU', 'VLG', 'FOREIGN'];
  const REL_TYPES = ['PARTICIPATES_IN', 'MANAGES', 'FUNDS', 'PART_OF', 'ACTIVE_IN', 'TARGETS', 'NEXT', 'MEMBER_OF',
    'SUPPORTS', 'ORGANISED', 'ADDRESSES', 'HAS_FACTOR', 'CONCERNS', 'VISITED', 'ATTENDED', 'CONTACT_FOR', 'WORKS_FOR', 'DESCRIBES'];
  const STAGES = ['EXTRACTION', 'REFINING', 'MATERIALS_COMPONENTS', 'CELL_MANUFACTURING', 'MODULE_PACK', 'INTEGRATION_USE',
    'COLLECTION_LOGISTICS', 'SECOND_LIFE', 'DISMANTLING_PRETREATMENT', 'RECYCLING_RECOVERY'];
  const VIEWS = ['graph', 'why', 'chain', 'money', 'table'];

  const NODE_FIELDS = 'id label name shortName kind region';
  const EDGE_FIELDS = 'id type from to role amount currency instrument flow confidence sources properties { key value }';
  const Q_SEARCH = `query Search($text: String!) {
  search(text: $text, first: 12) { score node { __typename id
    ... on Actor { name shortName kind region } ... on Project { name acronym } ... on FundingProgramme { name }
    ... on ValueChainStage { name } ... on Topic { name } ... on Event { name } ... on Factor { text } ... on Person { name } } }
}`;
  const Q_NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $limit: Int) {
  neighbourhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ${NODE_FIELDS} depth } edges { ${EDGE_FIELDS} } }
}`;
  const Q_CONNECTION = `query WhyConnected($from: ID!, $to: ID!) {
  connection(from: $from, to: $to) {
    from { ${NODE_FIELDS} } to { ${NODE_FIELDS} } connected
    explanations { kind text path { length nodes { ${NODE_FIELDS} } hops { edge { ${EDGE_FIELDS} } } } }
  }
}`;
  const Q_COVERAGE = `query StageCoverage($region: Region) {
  stageCoverage(region: $region) {
    stage { id code order name definition next { flow stage { code } } }
    directActors projectActors actorCount projectCount gap
    actors { direct actor { id name } through { id name } }
  }
}`;
  // The stages' projects come in a second request: with the actors in one, the operation
  // would pass the server's cost limit (every stage priced at its 500-item bounds).
  const Q_COVERAGE_PROJECTS = `query StageProjects($region: Region) {
  stageCoverage(region: $region) { stage { code } projects { id name acronym } }
}`;
  // first: 500, the most: the Sankey draws every flow it gets (the default is 100).
  const Q_MONEY = `query Money {
  fundingFlows(first: 500) {
    totals { currency amount fundings undisclosed } undisclosed projectCount actorCount
    flows { funder { id label name shortName } via { id name } project { id name acronym } amount currency instrument confidence
      recipients { role actor { id name shortName } } }
  }
  programmes { id name managers { id name shortName } }
}`;
  const Q_DETAILS = `query Details($id: ID!) {
  node(id: $id) { __typename id
    ... on Sourced { sources confidence }
    ... on Actor { name shortName kind description city country region website activityType }
    ... on Project { name acronym title description projectType: type status startDate endDate totalInvestment currency }
    ... on FundingProgramme { name description level instrument budget currency }
    ... on ValueChainStage { name code order definition }
    ... on Topic { name description topicKind: kind }
    ... on Factor { text factorType: type categories }
    ... on Event { name description date endDate place participants }
    ... on Person { name role }
    ... on Source { name publisher url published }
  }
}`;

  // ---------------------------------------------------------------------------------------
  // State, kept in the URL.
  // ---------------------------------------------------------------------------------------
  const state = {
    view: 'graph',
    expanded: [],        // ids whose neighbourhoods are drawn, in order (with how many pages shown)
    pages: {},           // id -> pages of neighbours shown
    selected: null,      // id of the selected node or edge
    why: null,           // {from, to, index}
    hidden: new Set(),   // filter values switched off: "label:Actor", "kind:LAB", "region:WAL", "type:FUNDS"
    stage: '',           // value-chain stage filter
    chainRegion: '',
    money: 'count',      // 'count' or a currency
    per: 30,             // neighbours shown per click
    lastQuery: {},       // view -> {query, variables}: what "Open in GraphiQL" opens
  };
  const store = { nodes: new Map(), edges: new Map(), neighbours: new Map(), truncated: new Map() };
  let coverage = null, coverageRegion = null, money = null, chainChart = null, sankeyChart = null, restoring = false;
  const $ = (s) => document.querySelector(s);
  // Only web links become links: a javascript: or data: URL in the data stays text.
  const safeURL = (u) => typeof u === 'string' && /^https?:\/\//i.test(u);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  async function gql(query, variables) {
    const resp = await fetch('/graphql', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    let body;
    try { body = await resp.json(); } catch (e) { throw new Error(`the API answered ${resp.status}`); }
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    if (!resp.ok) throw new Error(`the API answered ${resp.status}`);
    return body.data;
  }
  function status(msg, isError) {
    const el = $('#status');
    el.textContent = msg || '';
    el.classList.toggle('error', !!isError);
  }

  // ---------------------------------------------------------------------------------------
  // The graph drawing.
  // ---------------------------------------------------------------------------------------
  cytoscape.use(cytoscapeFcose);
  const nodeColour = (n) => (n.data('label') === 'Actor' && KIND_COLOURS[n.data('kind')]) || (TYPE_STYLE[n.data('label')] || {}).colour || '#999';
  const cy = cytoscape({
    container: $('#cy'),
    minZoom: 0.1, maxZoom: 4,
    textureOnViewport: true, // pan and zoom move a picture of the drawing: smooth with 500 nodes
    style: [
      { selector: 'node', style: {
        'background-color': nodeColour, shape: (n) => (TYPE_STYLE[n.data('label')] || {}).shape || 'ellipse',
        width: 'mapData(deg, 1, 25, 18, 58)', height: 'mapData(deg, 1, 25, 18, 58)',
        label: 'data(short)', 'font-size': 10, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3,
        // Labels come shortened (shortName): no text-wrap, whose measuring costs seconds on big drawings.
        'text-wrap': 'none', 'min-zoomed-font-size': 7,
        'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
        'border-width': 1, 'border-color': '#333' } },
      { selector: 'node[confidence = "INFERRED"]', style: { 'border-style': 'dashed', 'border-width': 2 } },
      { selector: 'node.more', style: { shape: 'round-rectangle', 'background-color': '#fff', 'border-style': 'dotted',
        'border-width': 2, width: 70, height: 20, label: 'data(short)', 'text-valign': 'center', 'text-margin-y': 0, color: '#0b5cad' } },
      { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#000' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#9aa3ad', 'target-arrow-color': '#9aa3ad', 'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8, 'curve-style': 'bezier', label: 'data(caption)', 'font-size': 7, color: '#4a525c',
        'text-rotation': 'autorotate', 'min-zoomed-font-size': 6, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge[type = "FUNDS"]', style: { 'line-color': '#8C510A', 'target-arrow-color': '#8C510A', width: 2.5 } },
      { selector: 'edge[confidence = "INFERRED"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge.more', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', label: '' } },
      { selector: '.faded', style: { opacity: 0.18 } },
      { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#D55E00', opacity: 1, 'z-index': 10 } },
      { selector: 'edge.path', style: { width: 5, 'line-color': '#D55E00', 'target-arrow-color': '#D55E00', opacity: 1, 'z-index': 10, 'font-size': 10, color: '#000' } },
      { selector: ':selected', style: { 'overlay-color': '#f0a000', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
      { selector: '.filtered', style: { display: 'none' } },
    ],
  });
  // markBig drops edge captions and curves on large drawings (they cost the most to paint).
  let isBig = false;
  function markBig() {
    const big = cy.nodes().length > BIG;
    if (big === isBig) return;
    isBig = big;
    cy.batch(() => cy.edges().forEach((e) => { if (!e.hasClass('more')) e.data('caption', big ? '' : e.data('fullCaption')); }));
    cy.style().selector('edge').style('curve-style', big ? 'haystack' : 'bezier').update();
  }

  function money2(amount, currency) {
    if (amount == null) return '';
    const cur = currency && currency !== 'XXX' ? currency : '';
    const abs = Math.abs(amount);
    const s = abs >= 1e9 ? (amount / 1e9).toFixed(2) + ' bn' : abs >= 1e6 ? (amount / 1e6).toFixed(1) + ' M' : abs >= 1e3 ? (amount / 1e3).toFixed(0) + ' k' : String(amount);
    return (cur === 'EUR' ? '€' : cur ? cur + ' ' : '') + s;
  }
  const shortName = (n) => { const s = n.shortName || n.name || n.id; return s.length > 34 ? s.slice(0, 32) + '…' : s; };
  function edgeCaption(e) {
    let c = e.type.toLowerCase().replace(/_/g, ' ');
    if (e.role) c += ' · ' + e.role.toLowerCase();
    if (e.amount != null) c += ' · ' + money2(e.amount, e.currency);
    else if (e.type === 'FUNDS') c += ' · amount not public';
    if (e.flow === 'CIRCULAR') c += ' · circular';
    return c;
  }
  function remember(nodes, edges) {
    for (const n of nodes) store.nodes.set(n.id, Object.assign({}, store.nodes.get(n.id) || {}, n));
    for (const e of edges) store.edges.set(e.id, e);
  }
  // addNodes draws the given nodes (near `near` when given) and every known edge among the drawn nodes.
  function addNodes(ids, near) {
    const added = [];
    const p = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
    for (const id of ids) {
      if (cy.getElementById(id).nonempty()) continue;
      const n = store.nodes.get(id);
      if (!n) continue;
      const el = { group: 'nodes', data: { id: n.id, label: n.label, name: n.name, shortName: n.shortName, kind: n.kind, region: n.region, short: shortName(n), confidence: n.confidence, deg: 1 } };
      if (p) el.position = { x: p.x + (Math.random() - 0.5) * 80, y: p.y + (Math.random() - 0.5) * 80 };
      added.push(el);
    }
    if (added.length) cy.add(added);
    addKnownEdges();
    return added.length;
  }
  function addKnownEdges() {
    const add = [];
    for (const e of store.edges.values()) {
      if (cy.getElementById(e.id).nonempty()) continue;
      if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) continue;
      add.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, role: e.role, amount: e.amount,
        currency: e.currency, confidence: e.confidence, caption: edgeCaption(e), fullCaption: edgeCaption(e) } });
    }
    if (add.length) cy.add(add);
  }
  function refreshDegrees() {
    cy.batch(() => cy.nodes().forEach((n) => { if (!n.hasClass('more')) n.data('deg', n.connectedEdges().filter(shownEdge).length || 1); }));
  }

  let layoutRun = null;
  // layout runs fcose over what is drawn and resolves when it has settled and been painted.
  function layout(opts) {
    opts = opts || {};
    if (layoutRun) layoutRun.stop();
    const n = cy.nodes().not('.filtered').length;
    markBig();
    refreshDegrees();
    // fcose up to BIG nodes; beyond, rings with the best-connected nodes in the middle: fcose
    // takes seconds there, rings a few milliseconds, and a big neighbourhood reads well as rings.
    const opt = n > BIG
      ? { name: 'concentric', concentric: (x) => x.data('deg') || 0, levelWidth: () => 2, minNodeSpacing: 4, animate: false, fit: true, padding: 20 }
      : { name: 'fcose', quality: 'default', randomize: opts.randomize !== false, animate: n <= 120 && !opts.noAnimate,
        animationDuration: 400, fit: true, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 90,
        nodeSeparation: 60, packComponents: true };
    return new Promise((resolve) => {
      const l = cy.elements().not('.filtered').layout(opt);
      layoutRun = l;
      l.one('layoutstop', () => {
        layoutRun = null;
        if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        if (n <= 100 && !opts.noAnimate) markConfidence();
      });
      l.run();
    });
  }

  // expand draws a node's neighbourhood, state.per neighbours at a time, with "N more" after them.
  async function expand(id, opts) {
    opts = opts || {};
    if (!store.neighbours.has(id)) {
      status('Loading the neighbourhood of ' + ((store.nodes.get(id) || {}).name || id) + '…');
      const vars = { id, limit: FETCH_LIMIT };
      const d = await gql(Q_NEIGHBOURHOOD, vars);
      const sub = d.neighbourhood;
      remember(sub.nodes, sub.edges);
      store.neighbours.set(id, sub.nodes.filter((n) => n.id !== id).map((n) => n.id));
      store.truncated.set(id, sub.truncated);
      if (cy.getElementById(id).empty()) addNodes([id]);
    }
    if (!state.expanded.includes(id)) state.expanded.push(id);
    state.pages[id] = Math.max(state.pages[id] || 0, opts.pages || 0) + (opts.pages ? 0 : 1);
    drawPages(id);
    setGraphQuery();
  }
  function drawPages(id) {
    const all = store.neighbours.get(id) || [];
    const shown = all.slice(0, state.pages[id] * state.per);
    addNodes([id], null);
    addNodes(shown, id);
    cy.getElementById(id).addClass('centre');
    const moreId = 'more:' + id;
    cy.remove(cy.getElementById(moreId));
    const left = all.filter((n) => cy.getElementById(n).empty()).length;
    if (left > 0) {
      const label = '+' + left + (store.truncated.get(id) ? '+' : '') + ' more';
      cy.add([{ group: 'nodes', data: { id: moreId, short: label, of: id }, classes: 'more', position: cy.getElementById(id).position() },
        { group: 'edges', data: { id: moreId + ':e', source: id, target: moreId }, classes: 'more' }]);
    }
  }

  async function showNode(id, opts) {
    opts = opts || {};
    try {
      await expand(id);
      applyFilters();
      await layout({ randomize: cy.nodes().length <= state.per + 2 });
      select(id);
      status(summary());
    } catch (e) { status(e.message, true); }
    if (!opts.keepView && state.view !== 'graph' && state.view !== 'why') setView('graph');
    saveURL();
  }
  function summary() {
    const n = drawnNodes().length, e = drawnEdges().length;
    return `${n} nodes, ${e} relationships drawn`;
  }
  // What is drawn, by classes rather than :visible: asking every element for its computed
  // style costs seconds on big drawings.
  const shownEdge = (e) => !e.hasClass('more') && !e.hasClass('filtered') && !e.source().hasClass('filtered') && !e.target().hasClass('filtered');
  const drawnNodes = () => cy.nodes().filter((n) => !n.hasClass('filtered') && !n.hasClass('more'));
  const drawnEdges = () => cy.edges().filter(shownEdge);

  cy.on('tap', 'node', async (ev) => {
    const n = ev.target;
    if (n.hasClass('more')) {
      const of = n.data('of');
      state.pages[of] = (state.pages[of] || 1) + 1;
      drawPages(of);
      applyFilters();
      await layout({ randomize: false });
      status(summary());
      saveURL();
      return;
    }
    select(n.id());
    if (!state.expanded.includes(n.id())) {
      try {
        await expand(n.id());
        applyFilters();
        await layout({ randomize: false });
        status(summary());
      } catch (e) { status(e.message, true); }
    }
    saveURL();
  });
  cy.on('tap', 'edge', (ev) => { if (!ev.target.hasClass('more')) { select(ev.target.id()); saveURL(); } });
  cy.on('tap', (ev) => { if (ev.target === cy) { cy.elements().unselect(); state.selected = null; saveURL(); } });

  function select(id) {
    const el = cy.getElementById(id);
    cy.elements().unselect();
    if (el.nonempty()) el.select();
    state.selected = id;
    if (store.edges.has(id)) showEdgeDetails(store.edges.get(id));
    else showNodeDetails(id);
  }

  // ---------------------------------------------------------------------------------------
  // Filters.
  // ---------------------------------------------------------------------------------------
  function buildFilters() {
    const groups = [
      ['Node type', 'label', Object.keys(TYPE_STYLE).filter((t) => t !== 'Source'), (v) => TYPE_STYLE[v].colour, (v) => v.replace(/([a-z])([A-Z])/g, '$1 $2')],
      ['Actor kind', 'kind', KINDS, (v) => KIND_COLOURS[v], (v) => v.toLowerCase().replace(/_/g, ' ')],
      ['Region', 'region', REGIONS, null, (v) => ({ WAL: 'Wallonia', BRU: 'Brussels', VLG: 'Flanders', FOREIGN: 'abroad' }[v])],
      ['Relationship', 'type', REL_TYPES, null, (v) => v.toLowerCase().replace(/_/g, ' ')],
    ];
    const root = $('#filter-groups');
    root.innerHTML = groups.map(([title, key, values, colour, name]) => `<fieldset><legend>${title}</legend>` +
      values.map((v) => `<label><input type="checkbox" data-f="${key}:${v}" ${state.hidden.has(key + ':' + v) ? '' : 'checked'}>` +
        (colour ? `<span class="sw" style="background:${colour(v)}"></span>` : ' ') + `${esc(name(v))}</label>`).join('') + '</fieldset>').join('');
    root.addEventListener('change', (ev) => {
      const f = ev.target.dataset.f;
      if (!f) return;
      if (ev.target.checked) state.hidden.delete(f); else state.hidden.add(f);
      applyFilters(); refreshDegrees(); status(summary()); renderTable(); saveURL();
    });
    const per = $('#f-per');
    per.innerHTML = PER_PAGE.map((n) => `<option value="${n}">${n}</option>`).join('');
    per.value = String(state.per);
    per.addEventListener('change', () => { state.per = +per.value; saveURL(); });
    const sel = $('#f-stage');
    sel.innerHTML = '<option value="">any</option>' + STAGES.map((s, i) => `<option value="${s}">${i + 1}. ${s.toLowerCase().replace(/_/g, ' ')}</option>`).join('');
    sel.addEventListener('change', async () => { state.stage = sel.value; await applyStageFilter(); saveURL(); });
  }
  let stageIds = null;
  async function applyStageFilter() {
    stageIds = null;
    if (state.stage) {
      const cov = await loadCoverage('');
      const c = cov.find((s) => s.stage.code === state.stage);
      stageIds = new Set([c.stage.id, ...c.actors.map((a) => a.actor.id), ...c.projects.map((p) => p.id)]);
    }
    $('#f-stage').value = state.stage;
    applyFilters(); refreshDegrees(); status(summary()); renderTable();
  }
  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (n.hasClass('more')) return;
        const d = n.data();
        let hide = state.hidden.has('label:' + d.label) || (d.kind && state.hidden.has('kind:' + d.kind)) || (d.region && state.hidden.has('region:' + d.region));
        if (stageIds && (d.label === 'Actor' || d.label === 'Project' || d.label === 'ValueChainStage') && !stageIds.has(d.id)) hide = true;
        n.toggleClass('filtered', !!hide);
      });
      cy.edges().forEach((e) => { if (!e.hasClass('more')) e.toggleClass('filtered', state.hidden.has('type:' + e.data('type'))); });
    });
  }

  // ---------------------------------------------------------------------------------------
  // Search.
  // ---------------------------------------------------------------------------------------
  let hits = [], hitIndex = -1, searchSeq = 0, searchTimer = null;
  const qInput = $('#q'), hitList = $('#hits');
  function hitName(n) { return n.name || n.text || n.id; }
  qInput.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 200);
  });
  async function runSearch() {
    const text = qInput.value.trim();
    const seq = ++searchSeq;
    if (!text) { closeHits(); return; }
    try {
      const d = await gql(Q_SEARCH, { text });
      if (seq !== searchSeq) return;
      hits = d.search.map((h) => h.node);
      hitIndex = hits.length ? 0 : -1;
      renderHits();
    } catch (e) { status(e.message, true); }
  }
  function renderHits() {
    hitList.innerHTML = hits.length ? hits.map((h, i) => `<li role="option" id="hit-${i}" data-i="${i}" aria-selected="${i === hitIndex}">` +
      `<span>${esc(hitName(h))}${h.shortName ? ' (' + esc(h.shortName) + ')' : ''}</span><small>${esc(h.__typename)}${h.kind ? ' · ' + esc(h.kind.toLowerCase()) : ''}</small></li>`).join('')
      : '<li role="option" aria-disabled="true">Nothing found</li>';
    hitList.hidden = false;
    qInput.setAttribute('aria-expanded', 'true');
    if (hitIndex >= 0) qInput.setAttribute('aria-activedescendant', 'hit-' + hitIndex);
  }
  function closeHits() { hitList.hidden = true; qInput.setAttribute('aria-expanded', 'false'); qInput.removeAttribute('aria-activedescendant'); }
  function pick(i) {
    const h = hits[i];
    if (!h) return;
    closeHits();
    qInput.value = hitName(h);
    remember([{ id: h.id, label: h.__typename, name: hitName(h), shortName: h.shortName, kind: h.kind, region: h.region }], []);
    showNode(h.id);
  }
  hitList.addEventListener('mousedown', (ev) => { const li = ev.target.closest('li[data-i]'); if (li) { ev.preventDefault(); pick(+li.dataset.i); } });
  qInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!hits.length) return;
      ev.preventDefault();
      hitIndex = (hitIndex + (ev.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      renderHits();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!hitList.hidden && hitIndex >= 0) pick(hitIndex); else runSearch();
    } else if (ev.key === 'Escape') { closeHits(); }
  });
  qInput.addEventListener('blur', () => setTimeout(closeHits, 150));

  // ---------------------------------------------------------------------------------------
  // Details and provenance.
  // ---------------------------------------------------------------------------------------
  const details = $('#details');
  function dl(pairs) {
    const rows = pairs.filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length));
    return rows.length ? '<dl>' + rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${(k === 'website' || k === 'url') && safeURL(v) ? `<a href="${esc(v)}" rel="noopener noreferrer" target="_blank">${esc(v)}</a>` : esc(Array.isArray(v) ? v.join(', ') : v)}</dd>`).join('') + '</dl>' : '';
  }
  const badge = (c) => c ? `<span class="badge ${esc(c)}" title="${c === 'SOURCED' ? 'A named source states it' : 'Curated from what the sources say, not stated verbatim'}">${esc(c.toLowerCase())}</span>` : '';
  async function showNodeDetails(id) {
    const g = store.nodes.get(id) || { id };
    details.innerHTML = `<h3>${esc(g.name || id)}</h3><p class="type">${esc(g.label || '')}</p><p class="hint">Loading…</p>`;
    let n = null;
    try { n = (await gql(Q_DETAILS, { id })).node; } catch (e) { details.querySelector('.hint').textContent = e.message; return; }
    if (state.selected !== id) return;
    if (!n) { details.querySelector('.hint').textContent = 'No further details (this kind of node has no query of its own).'; actions(id); return; }
    if (n.confidence) { g.confidence = n.confidence; cy.getElementById(id).data('confidence', n.confidence); }
    const skip = new Set(['__typename', 'id', 'name', 'text', 'sources', 'confidence']);
    const props = Object.entries(n).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, typeof v === 'number' && /budget|Investment/.test(k) ? money2(v, n.currency) : v]);
    details.innerHTML = `<h3>${esc(n.name || n.text || id)}</h3><p class="type">${esc(n.__typename)} · <code>${esc(id)}</code> ${badge(n.confidence)}</p>` +
      dl(props) + `<div class="details-actions"></div><h2>Sources</h2><ol class="sources"><li class="hint">…</li></ol>`;
    actions(id);
    renderSources(n.sources || []);
  }
  function actions(id) {
    const box = details.querySelector('.details-actions') || details.appendChild(Object.assign(document.createElement('div'), { className: 'details-actions' }));
    box.innerHTML = '<button data-a="expand">Expand</button><button data-a="from">Why: from here</button><button data-a="to">Why: to here</button>';
    box.onclick = async (ev) => {
      const a = ev.target.dataset.a;
      const name = (store.nodes.get(id) || {}).name || id;
      if (a === 'expand') { await expand(id); applyFilters(); await layout({ randomize: false }); status(summary()); saveURL(); }
      if (a === 'from' || a === 'to') {
        $(a === 'from' ? '#why-from' : '#why-to').value = name;
        $(a === 'from' ? '#why-from' : '#why-to').dataset.id = id;
        setView('why');
      }
    };
  }
  function showEdgeDetails(e) {
    const from = store.nodes.get(e.from) || { name: e.from }, to = store.nodes.get(e.to) || { name: e.to };
    details.innerHTML = `<h3>${esc(from.name)} → ${esc(to.name)}</h3><p class="type">${esc(e.type)} ${badge(e.confidence)}</p>` +
      dl(e.properties.map((p) => [p.key, p.key === 'amount' ? money2(+p.value, e.currency) + ` (${p.value})` : p.value])) +
      (e.type === 'FUNDS' && e.amount == null ? '<p class="hint">The amount of this funding is not public.</p>' : '') +
      `<h2>Sources</h2><ol class="sources"><li class="hint">…</li></ol>`;
    renderSources(e.sources || []);
  }
  // byIds asks a root field (node, source) for many ids, ten aliases per operation (the
  // server's cap on root fields), and returns id -> answer.
  async function byIds(ids, field, selection) {
    const out = {};
    for (let k = 0; k < ids.length; k += 10) {
      const chunk = ids.slice(k, k + 10);
      const q = `query ${field === 'node' ? 'Nodes' : 'Sources'}(` + chunk.map((_, i) => `$i${i}: ID!`).join(', ') + ') {\n' +
        chunk.map((_, i) => `  a${i}: ${field}(id: $i${i}) { ${selection} }`).join('\n') + '\n}';
      const d = await gql(q, Object.fromEntries(chunk.map((id, i) => ['i' + i, id])));
      chunk.forEach((id, i) => { out[id] = d['a' + i]; });
    }
    return out;
  }
  // markConfidence fetches the confidence of drawn nodes that lack it (at most 60 at a time,
  // in the background), so INFERRED nodes show dashed in the drawing as their edges do.
  let confidenceBusy = false;
  async function markConfidence() {
    if (confidenceBusy) return;
    confidenceBusy = true;
    try {
      for (let round = 0; round < 5; round++) { // nodes drawn meanwhile are picked up too
        const ids = drawnNodes().filter((n) => !n.data('confidence')).map((n) => n.id()).slice(0, 60);
        if (!ids.length) break;
        const got = await byIds(ids, 'node', '... on Sourced { confidence }');
        cy.batch(() => ids.forEach((id) => {
          const c = (got[id] && got[id].confidence) || 'NONE';
          cy.getElementById(id).data('confidence', c);
          if (store.nodes.has(id)) store.nodes.get(id).confidence = c;
        }));
      }
    } catch (e) { /* the drawing stays as it is; details still show the confidence */ }
    confidenceBusy = false;
  }
  // renderSources resolves `<sourceId>#<section>` references with source(id:), one query for all.
  async function renderSources(refs) {
    const list = details.querySelector('.sources');
    if (!refs.length) { list.innerHTML = '<li class="hint">No source recorded.</li>'; return; }
    const ids = [...new Set(refs.map((r) => r.split('#')[0]))].slice(0, 30);
    let docs = {};
    try { docs = await byIds(ids, 'source', 'id name publisher url published'); } catch (e) { list.innerHTML = `<li class="error">${esc(e.message)}</li>`; return; }
    if (!list.isConnected) return;
    list.innerHTML = refs.map((r) => {
      const [sid, section] = r.split('#');
      const d = docs[sid];
      const title = d ? (safeURL(d.url) ? `<a href="${esc(d.url)}" rel="noopener noreferrer" target="_blank">${esc(d.name)}</a>` : esc(d.name)) : `<code>${esc(sid)}</code> (not catalogued)`;
      return `<li>${title}${d && d.publisher ? ', ' + esc(d.publisher) : ''}${d && d.published ? ' (' + esc(d.published) + ')' : ''}` +
        `${section ? `<br><span class="sec">section: ${esc(section)}</span>` : ''}</li>`;
    }).join('');
  }

  // ---------------------------------------------------------------------------------------
  // Why connected?
  // ---------------------------------------------------------------------------------------
  let whyResult = null;
  async function resolveId(input) {
    if (input.dataset.id && input.dataset.name === input.value) return input.dataset.id;
    const v = input.value.trim();
    if (!v) throw new Error('give two nodes');
    const byName = [...store.nodes.values()].find((n) => n.id === v || n.name === v || n.shortName === v);
    if (byName) return byName.id;
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) {
      const n = (await gql('query Node($id: ID!) { node(id: $id) { id } }', { id: v })).node;
      if (n) return n.id;
    }
    const d = await gql(Q_SEARCH, { text: v });
    if (!d.search.length) throw new Error(`nothing matches “${v}”`);
    const h = d.search[0].node;
    remember([{ id: h.id, label: h.__typename, name: hitName(h), shortName: h.shortName, kind: h.kind, region: h.region }], []);
    return h.id;
  }
  ['#why-from', '#why-to'].forEach((s) => $(s).addEventListener('input', (ev) => { delete ev.target.dataset.id; }));
  $('#why-bar').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const from = await resolveId($('#why-from')), to = await resolveId($('#why-to'));
      await why(from, to, 0);
    } catch (e) { status(e.message, true); }
  });
  async function why(from, to, index) {
    status('Looking for connections…');
    state.lastQuery.why = { query: Q_CONNECTION, variables: { from, to } };
    const c = (await gql(Q_CONNECTION, { from, to })).connection;
    remember([c.from, c.to], []);
    for (const x of c.explanations) remember(x.path.nodes, x.path.hops.map((h) => h.edge));
    $('#why-from').value = c.from.name; $('#why-from').dataset.id = from; $('#why-from').dataset.name = c.from.name;
    $('#why-to').value = c.to.name; $('#why-to').dataset.id = to; $('#why-to').dataset.name = c.to.name;
    whyResult = c;
    state.why = { from, to, index: index || 0 };
    const ids = new Set([from, to]);
    c.explanations.forEach((x) => x.path.nodes.forEach((n) => ids.add(n.id)));
    addNodes([...ids]);
    applyFilters();
    await layout({ randomize: cy.nodes().length <= ids.size + 2 });
    renderWhy();
    highlight(state.why.index);
    setView('why');
    status(c.connected ? `${c.explanations.length} explanation(s)` : 'Not connected within five hops');
    saveURL();
  }
  function renderWhy() {
    const c = whyResult;
    if (!c) return;
    details.innerHTML = `<h3>Why are ${esc(c.from.name)} and ${esc(c.to.name)} connected?</h3>` +
      (c.connected ? '<p class="hint">Most telling first. Pick one to highlight its path.</p>' : '<p>No connection of five hops or fewer.</p>') +
      '<ol id="why-list">' + c.explanations.map((x, i) => `<li tabindex="0" data-i="${i}" aria-current="${state.why && state.why.index === i}"><span class="kind">${esc(x.kind.replace(/_/g, ' '))} · ${x.path.length} hop${x.path.length === 1 ? '' : 's'}</span><br>${esc(x.text)}</li>`).join('') + '</ol>';
    const list = $('#why-list');
    const go = (ev) => { const li = ev.target.closest('li[data-i]'); if (li) { highlight(+li.dataset.i); saveURL(); } };
    list.addEventListener('click', go);
    list.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(ev); } });
  }
  function highlight(i) {
    cy.elements().removeClass('path faded');
    if (!whyResult || !whyResult.explanations[i]) return;
    state.why.index = i;
    const p = whyResult.explanations[i].path;
    const els = cy.collection();
    p.nodes.forEach((n) => { els.merge(cy.getElementById(n.id)); });
    p.hops.forEach((h) => { els.merge(cy.getElementById(h.edge.id)); });
    cy.elements().not(els).addClass('faded');
    els.addClass('path');
    document.querySelectorAll('#why-list li').forEach((li) => li.setAttribute('aria-current', String(+li.dataset.i === i)));
  }

  // ---------------------------------------------------------------------------------------
  // The value chain.
  // ---------------------------------------------------------------------------------------
  async function loadCoverage(region) {
    if (coverage && coverageRegion === region) return coverage;
    const vars = region ? { region } : {};
    const [withActors, withProjects] = await Promise.all([gql(Q_COVERAGE, vars), gql(Q_COVERAGE_PROJECTS, vars)]);
    const projects = new Map(withProjects.stageCoverage.map((c) => [c.stage.code, c.projects]));
    coverage = withActors.stageCoverage.map((c) => ({ ...c, projects: projects.get(c.stage.code) || [] }));
    coverageRegion = region;
    return coverage;
  }
  async function drawChain() {
    const region = state.chainRegion;
    state.lastQuery.chain = { query: Q_COVERAGE, variables: region ? { region } : {} };
    $('#chain-region').value = region;
    let cov;
    try { cov = await loadCoverage(region); } catch (e) { $('#chain-detail').innerHTML = `<p class="error">${esc(e.message)}</p>`; return; }
    if (!chainChart) { chainChart = echarts.init($('#chain'), null, { renderer: 'canvas' }); chainChart.on('click', (p) => { if (p.dataType === 'node') chainDetail(p.data.code); }); }
    chainChart.resize();
    // Coordinates in pixels of the drawing box, so the view does not stretch the circles.
    const bw = chainChart.getWidth() - 240, bh = chainChart.getHeight() - 270;
    const pos = (i) => i < 5 ? { x: i * bw / 4, y: 0 } : { x: (9 - i) * bw / 4, y: bh };
    const maxA = Math.max(1, ...cov.map((c) => c.actorCount));
    // A long stage name on two lines, broken at the space nearest its middle.
    const twoLines = (t) => {
      if (t.length <= 16) return t;
      let best = -1;
      for (let k = 0; k < t.length; k++) if (t[k] === ' ' && (best < 0 || Math.abs(k - t.length / 2) < Math.abs(best - t.length / 2))) best = k;
      return best < 0 ? t : t.slice(0, best) + '\n' + t.slice(best + 1);
    };
    const nodes = cov.map((c, i) => ({
      name: c.stage.name, code: c.stage.code, ...pos(i), symbolSize: Math.round(34 + 40 * Math.sqrt(c.actorCount / maxA)), symbolKeepAspect: true,
      itemStyle: { color: c.gap ? '#fff' : '#0072B2', borderColor: c.gap ? '#D55E00' : '#003f66', borderWidth: c.gap ? 4 : 1, borderType: c.gap ? 'dashed' : 'solid' },
      label: { show: true, position: i < 5 ? 'top' : 'bottom', fontSize: 12, color: '#1b1f24', align: 'center', lineHeight: 15,
        formatter: twoLines(`${c.stage.order}. ${c.stage.name}`).split('\n').map((l) => `{b|${l}}`).join('\n') + '\n' +
          (c.gap ? '{gap|GAP: no actor}' : `${c.actorCount} actor${c.actorCount === 1 ? '' : 's'} (${c.directActors} direct)`) +
          `\n${c.projectCount} project${c.projectCount === 1 ? '' : 's'}`,
        rich: { b: { fontWeight: 'bold', fontSize: 12, lineHeight: 15 }, gap: { color: '#b34700', fontWeight: 'bold', lineHeight: 15 } } },
      value: c.actorCount,
    }));
    const links = [];
    cov.forEach((c) => c.stage.next.forEach((n) => {
      const circ = n.flow === 'CIRCULAR';
      links.push({ source: c.stage.name, target: cov.find((x) => x.stage.code === n.stage.code).stage.name, flow: n.flow,
        lineStyle: { color: circ ? '#009E73' : '#555', width: circ ? 2 : 3, type: circ ? 'dashed' : 'solid', curveness: circ ? 0.25 : 0 },
        label: { show: circ, formatter: 'circular', color: '#00734f', fontSize: 11 } });
    }));
    chainChart.setOption({
      title: { text: 'The ten stages of the battery value chain', subtext: (region ? `Actors of ${region} only (projects are never filtered by region). ` : '') + 'Solid: primary flow · dashed green: circular returns · click a stage for its actors and projects', left: 10, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 12 } },
      tooltip: { formatter: (p) => p.dataType === 'node' ? `${p.data.name}: ${p.data.value} actors` : `${p.data.source} → ${p.data.target} (${p.data.flow.toLowerCase()})` },
      animation: false,
      series: [{ type: 'graph', layout: 'none', left: 120, right: 120, top: 160, bottom: 110, roam: false, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10, data: nodes, links,
        emphasis: { focus: 'adjacency' } }],
    }, true);
    chainChart.resize();
    if (!$('#chain-detail').dataset.code) chainDetail(cov.reduce((a, c) => (c.actorCount > a.actorCount ? c : a), cov[0]).stage.code);
    else chainDetail($('#chain-detail').dataset.code);
  }
  function chainDetail(code) {
    const c = coverage.find((x) => x.stage.code === code);
    const box = $('#chain-detail');
    box.dataset.code = code;
    const a = c.actors.map((x) => `<li><button class="linklike" data-id="${esc(x.actor.id)}" data-name="${esc(x.actor.name)}" data-label="Actor">${esc(x.actor.name)}</button>` +
      `${x.direct ? ' <small>(active in the stage)</small>' : ''}${x.through.length ? ' <small>through ' + x.through.map((p) => esc(p.name)).join(', ') + '</small>' : ''}</li>`).join('');
    const p = c.projects.map((x) => `<li><button class="linklike" data-id="${esc(x.id)}" data-name="${esc(x.name)}" data-label="Project">${esc(x.name)}</button></li>`).join('');
    box.innerHTML = `<h3>${c.stage.order}. ${esc(c.stage.name)}${c.gap ? ' — a gap: no actor' : ''}</h3>` +
      `<div><h2>Actors (${c.actorCount})</h2>${a ? '<ul>' + a + '</ul>' : '<p class="hint">None.</p>'}</div>` +
      `<div><h2>Projects (${c.projectCount})</h2>${p ? '<ul>' + p + '</ul>' : '<p class="hint">None.</p>'}</div>`;
    box.onclick = (ev) => {
      const b = ev.target.closest('button[data-id]');
      if (!b) return;
      remember([{ id: b.dataset.id, name: b.dataset.name, label: b.dataset.label }], []);
      showNode(b.dataset.id);
    };
  }
  $('#chain-region').addEventListener('change', (ev) => { state.chainRegion = ev.target.value; drawChain(); saveURL(); });

  // ---------------------------------------------------------------------------------------
  // The money.
  // ---------------------------------------------------------------------------------------
  async function drawMoney() {
    state.lastQuery.money = { query: Q_MONEY, variables: {} };
    if (!money) {
      try { money = await gql(Q_MONEY, {}); } catch (e) { $('#money-summary').innerHTML = `<span class="error">${esc(e.message)}</span>`; return; }
    }
    const f = money.fundingFlows;
    const withAmount = f.totals.filter((t) => t.fundings > t.undisclosed);
    const sel = $('#money-currency');
    sel.innerHTML = '<option value="count">number of fundings</option>' + withAmount.map((t) => `<option value="${esc(t.currency)}">amount in ${esc(t.currency)}</option>`).join('');
    if (state.money !== 'count' && !withAmount.some((t) => t.currency === state.money)) state.money = 'count';
    sel.value = state.money;
    $('#money-summary').innerHTML = f.totals.map((t) => `<b>${esc(t.currency === 'XXX' ? 'no currency recorded' : t.currency)}</b>: ${t.fundings} funding${t.fundings === 1 ? '' : 's'}` +
      (t.fundings > t.undisclosed ? `, ${esc(money2(t.amount, t.currency))} public in ${t.fundings - t.undisclosed}` : '') +
      (t.undisclosed ? `, <span title="not in any amount">${t.undisclosed} without a public amount</span>` : '')).join(' · ') +
      ` — ${f.projectCount} projects, ${f.actorCount} actors. Amounts are never added across currencies.`;
    const managers = new Map(money.programmes.map((p) => [p.id, p.managers]));
    const names = {}, links = new Map();
    const link = (s, t, v) => { const k = s + '>' + t; links.set(k, (links.get(k) || 0) + v); };
    const byAmount = state.money !== 'count';
    const perProject = new Map(), projectIn = new Map();
    for (const fl of f.flows) {
      if (byAmount && (fl.currency !== state.money || fl.amount == null)) continue;
      const v = byAmount ? fl.amount : 1;
      const proj = 'j:' + fl.project.id;
      names[proj] = fl.project.acronym || fl.project.name;
      let prev;
      if (fl.funder.label === 'FundingProgramme') {
        prev = 'p:' + fl.funder.id; names[prev] = fl.funder.shortName || fl.funder.name;
        const m = (managers.get(fl.funder.id) || [])[0];
        if (m) { const mk = 'm:' + m.id; names[mk] = m.shortName || m.name; link(prev, mk, v); prev = mk; }
      } else { prev = 'm:' + fl.funder.id; names[prev] = fl.funder.shortName || fl.funder.name; }
      link(prev, proj, v);
      perProject.set(fl.project.id, fl);
      projectIn.set(fl.project.id, (projectIn.get(fl.project.id) || 0) + v);
    }
    for (const [pid, fl] of perProject) {
      // Where the money goes on from a project is known only when one actor receives it all.
      if (byAmount && fl.recipients.length !== 1) continue;
      for (const r of fl.recipients) {
        const ak = 'a:' + r.actor.id; names[ak] = r.actor.shortName || r.actor.name;
        link('j:' + pid, ak, byAmount ? projectIn.get(pid) : 1);
      }
    }
    const colour = (k) => ({ p: '#8C510A', m: '#D55E00', j: '#009E73', a: '#0072B2' }[k[0]]);
    const data = Object.keys(names).map((k) => ({ name: k, itemStyle: { color: colour(k) } }));
    if (!sankeyChart) sankeyChart = echarts.init($('#sankey'), null, { renderer: 'canvas' });
    const unit = byAmount ? state.money : 'fundings';
    sankeyChart.setOption({
      title: { text: byAmount ? `Public amounts in ${state.money}: programme → manager or funder → project → actor (when it alone receives it)` : 'Number of fundings: programme → manager or funder → project → participating actors (one link each)', left: 10, top: 4, textStyle: { fontSize: 13 } },
      tooltip: { formatter: (p) => p.dataType === 'edge' ? `${esc(names[p.data.source])} → ${esc(names[p.data.target])}: ${byAmount ? esc(money2(p.data.value, state.money)) : p.data.value + (p.data.target[0] === 'a' ? ' (takes part)' : ' funding(s)')}` : esc(names[p.name]) },
      animation: false,
      series: [{ type: 'sankey', nodeAlign: 'left', left: 10, right: 170, top: 40, bottom: 20, nodeGap: 6, nodeWidth: 14, layoutIterations: 32, emphasis: { focus: 'adjacency' },
        data, links: [...links].map(([k, v]) => { const [source, target] = k.split('>'); return { source, target, value: v }; }),
        label: { formatter: (p) => { const n = names[p.name] || ''; return n.length > 30 ? n.slice(0, 28) + '…' : n; }, fontSize: 11, color: '#1b1f24' },
        lineStyle: { color: 'gradient', opacity: 0.35 } }],
    }, true);
    sankeyChart.resize();
    $('#sankey').dataset.links = String(links.size);
    $('#sankey').dataset.unit = unit;
  }
  $('#money-currency').addEventListener('change', (ev) => { state.money = ev.target.value; drawMoney(); saveURL(); });

  // ---------------------------------------------------------------------------------------
  // Table view.
  // ---------------------------------------------------------------------------------------
  function renderTable() {
    if (state.view !== 'table') return;
    const nodes = drawnNodes().map((n) => n.data()).sort((a, b) => (a.name || '').localeCompare(b.name || ''));
    $('#t-nodes tbody').innerHTML = nodes.map((d) => `<tr><td><button class="linklike" data-id="${esc(d.id)}">${esc(d.name)}</button></td><td>${esc(d.label)}</td>` +
      `<td>${esc(d.kind || '')}</td><td>${esc(d.region || '')}</td><td>${cy.getElementById(d.id).connectedEdges().filter(shownEdge).length}</td><td><code>${esc(d.id)}</code></td></tr>`).join('') ||
      '<tr><td colspan="6" class="hint">Nothing drawn yet: search for something.</td></tr>';
    const nm = (id) => esc((store.nodes.get(id) || {}).name || id);
    $('#t-edges tbody').innerHTML = drawnEdges().map((e) => e.data()).map((d) => `<tr><td>${nm(d.source)}</td><td>${esc(d.type)}</td><td>${nm(d.target)}</td>` +
      `<td>${esc(d.role || '')}${d.amount != null ? esc(money2(d.amount, d.currency)) : d.type === 'FUNDS' ? 'not public' : ''}</td><td>${esc(d.confidence)}</td></tr>`).join('');
  }
  $('#t-nodes').addEventListener('click', (ev) => { const b = ev.target.closest('button[data-id]'); if (b) { setView('graph'); select(b.dataset.id); cy.animate({ center: { eles: cy.getElementById(b.dataset.id) }, duration: 200 }); saveURL(); } });

  // ---------------------------------------------------------------------------------------
  // Export: PNG, CSV, GraphML, JSON of what is drawn.
  // ---------------------------------------------------------------------------------------
  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  const NODE_COLS = ['id', 'label', 'name', 'shortName', 'kind', 'region'];
  const EDGE_COLS = ['id', 'type', 'from', 'to', 'role', 'amount', 'currency', 'instrument', 'flow', 'confidence', 'sources'];
  function exportData() {
    const nodes = drawnNodes().map((n) => { const s = store.nodes.get(n.id()) || {}; return Object.fromEntries(NODE_COLS.map((k) => [k, s[k] == null ? null : s[k]])); });
    const edges = drawnEdges().map((e) => { const s = store.edges.get(e.id()); return Object.fromEntries(EDGE_COLS.map((k) => [k, s[k] == null ? null : s[k]])); });
    return { nodes, edges };
  }
  const csvCell = (v) => { if (v == null) return ''; const s = Array.isArray(v) ? v.join(';') : String(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  const csv = (cols, rows) => cols.join(',') + '\r\n' + rows.map((r) => cols.map((c) => csvCell(r[c])).join(',')).join('\r\n') + '\r\n';
  const xml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[c]));
  // graphml follows internal/graphformat (the CLI's `export --format graphml`): the same keys.
  function graphml(d) {
    const keys = NODE_COLS.filter((k) => k !== 'id').map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`)
      .concat(EDGE_COLS.filter((k) => !['id', 'from', 'to'].includes(k)).map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === 'amount' ? 'double' : 'string'}"/>`));
    const data = (prefix, o, cols) => cols.filter((k) => !['id', 'from', 'to'].includes(k) && o[k] != null).map((k) => `<data key="${prefix}_${k}">${xml(Array.isArray(o[k]) ? o[k].join(';') : o[k])}</data>`).join('');
    return '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' + keys.join('\n') +
      '\n  <graph id="batterykg" edgedefault="directed">\n' +
      d.nodes.map((n) => `    <node id="${xml(n.id)}">${data('n', n, NODE_COLS)}</node>`).join('\n') + '\n' +
      d.edges.map((e) => `    <edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">${data('e', e, EDGE_COLS)}</edge>`).join('\n') +
      '\n  </graph>\n</graphml>\n';
  }
  function exportPNG() {
    if (state.view === 'chain' && chainChart) return download('batterykg-value-chain.png', dataURLBlob(chainChart.getDataURL({ pixelRatio: 2, backgroundColor: '#fff' })));
    if (state.view === 'money' && sankeyChart) return download('batterykg-money.png', dataURLBlob(sankeyChart.getDataURL({ pixelRatio: 2, backgroundColor: '#fff' })));
    download('batterykg-graph.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  }
  function dataURLBlob(u) { const [h, b] = u.split(','); const bin = atob(b); const a = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) a[i] = bin.charCodeAt(i); return new Blob([a], { type: h.split(':')[1].split(';')[0] }); }
  $('#x-png').onclick = exportPNG;
  $('#x-csv-nodes').onclick = () => download('batterykg-nodes.csv', new Blob([csv(NODE_COLS, exportData().nodes)], { type: 'text/csv' }));
  $('#x-csv-edges').onclick = () => download('batterykg-edges.csv', new Blob([csv(EDGE_COLS, exportData().edges)], { type: 'text/csv' }));
  $('#x-graphml').onclick = () => download('batterykg.graphml', new Blob([graphml(exportData())], { type: 'application/graphml+xml' }));
  $('#x-json').onclick = () => download('batterykg.json', new Blob([JSON.stringify(exportData(), null, 2) + '\n'], { type: 'application/json' }));

  // ---------------------------------------------------------------------------------------
  // Views, URL state and "Open in GraphiQL".
  // ---------------------------------------------------------------------------------------
  function setGraphQuery() {
    // One operation that draws the whole graph view: one aliased neighbourhood per expanded node.
    const ids = state.expanded.slice(0, 10);
    if (!ids.length) return;
    state.lastQuery.graph = {
      query: 'query Explorer(' + ids.map((_, i) => `$n${i}: ID!`).join(', ') + ') {\n' +
        ids.map((_, i) => `  n${i}: neighbourhood(id: $n${i}, depth: 1, limit: ${FETCH_LIMIT}) {\n    truncated\n    nodes { ${NODE_FIELDS} depth }\n    edges { id type from to role amount currency confidence sources }\n  }`).join('\n') + '\n}',
      variables: Object.fromEntries(ids.map((id, i) => ['n' + i, id])),
    };
  }
  function graphiqlLink() {
    const v = state.view === 'table' ? 'graph' : state.view;
    const q = state.lastQuery[v] || state.lastQuery.graph;
    const a = $('#to-graphiql');
    if (!q) { a.href = '/'; return; }
    const p = new URLSearchParams({ query: q.query });
    if (q.variables && Object.keys(q.variables).length) p.set('variables', JSON.stringify(q.variables, null, 2));
    a.href = '/?' + p.toString();
  }
  function setView(v) {
    if (!VIEWS.includes(v)) v = 'graph';
    state.view = v;
    document.querySelectorAll('nav [role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === v)));
    const panel = v === 'why' ? 'graph' : v;
    document.querySelectorAll('.view').forEach((el) => { el.hidden = el.id !== 'view-' + panel; });
    $('#view-graph').classList.toggle('why', v === 'why');
    if (panel === 'graph') { cy.resize(); }
    if (v === 'why') { renderWhy(); if (!whyResult) $('#why-from').focus(); }
    if (v === 'graph' && state.selected && !state.why) select(state.selected);
    if (v === 'graph' && whyResult) { cy.elements().removeClass('path faded'); }
    if (v === 'chain') {
      details.innerHTML = '<h3>The value chain</h3><p>The ten stages from extraction to recycling, the primary flow in grey and the circular returns (recycled material, second-life batteries) dashed green. ' +
        'A stage counts the actors active in it directly and those taking part in a project that targets it; a <b>gap</b> (dashed red) is a stage with no actor at all. Pick a region to see where Wallonia has none.</p>' +
        '<p class="hint">Click a stage for its actors and projects; click a name to draw its neighbourhood.</p>';
      drawChain();
    }
    if (v === 'money') {
      details.innerHTML = '<h3>The money</h3><p>Every funding relationship, from the programme through the body that manages it (or the funding actor) to the project and on to the actors taking part. ' +
        'Widths count fundings, or the public amounts in one currency: amounts in different currencies are never added, and fundings without a public amount are counted apart above the chart.</p>' +
        '<p class="hint">In an amount view a project passes its money on to an actor only when that actor alone receives it: how a grant is split among partners is not public.</p>';
      drawMoney();
    }
    if (v === 'table') {
      details.innerHTML = '<h3>The table</h3><p>What the Graph view draws, as text: every node with its type, kind, region and the number of relationships drawn, then every relationship. Filters apply here too.</p>' +
        '<p class="hint">Pick a name to select it in the graph.</p>';
      renderTable();
    }
    saveURL();
  }
  document.querySelector('nav').addEventListener('click', (ev) => { const b = ev.target.closest('[data-view]'); if (b) setView(b.dataset.view); });
  function saveURL() {
    graphiqlLink();
    if (restoring) return;
    const p = new URLSearchParams();
    if (state.view !== 'graph') p.set('view', state.view);
    if (state.expanded.length) p.set('nodes', state.expanded.map((id) => state.pages[id] > 1 ? id + '*' + state.pages[id] : id).join(','));
    if (state.selected) p.set('selected', state.selected);
    if (state.why) p.set('why', [state.why.from, state.why.to, state.why.index].join(','));
    if (state.hidden.size) p.set('hide', [...state.hidden].join(','));
    if (state.stage) p.set('stage', state.stage);
    if (state.chainRegion) p.set('region', state.chainRegion);
    if (state.money !== 'count') p.set('money', state.money);
    if (state.per !== 30) p.set('per', String(state.per));
    const url = location.pathname + (p.toString() ? '?' + p.toString() : '');
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  }
  async function restore() {
    const p = new URLSearchParams(location.search);
    restoring = true;
    try {
      (p.get('hide') || '').split(',').filter(Boolean).forEach((h) => state.hidden.add(h));
      if (PER_PAGE.includes(+p.get('per'))) state.per = +p.get('per');
      buildFilters();
      state.stage = STAGES.includes(p.get('stage')) ? p.get('stage') : '';
      state.chainRegion = REGIONS.includes(p.get('region')) ? p.get('region') : '';
      state.money = p.get('money') || 'count';
      for (const part of (p.get('nodes') || '').split(',').filter(Boolean).slice(0, 20)) {
        const [id, pages] = part.split('*');
        await expand(id, { pages: Math.min(+pages || 1, 20) });
      }
      if (state.stage) await applyStageFilter();
      applyFilters();
      if (cy.nodes().length) await layout({});
      const w = (p.get('why') || '').split(',');
      if (w.length >= 2 && w[0] && w[1]) await why(w[0], w[1], +w[2] || 0);
      const view = p.get('view') || 'graph';
      setView(view);
      const sel = p.get('selected');
      if (sel && (view === 'graph' || view === 'table')) select(sel);
      if (cy.nodes().length) status(summary());
    } catch (e) { status(e.message, true); }
    restoring = false;
    saveURL();
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard.
  // ---------------------------------------------------------------------------------------
  $('#cy').setAttribute('tabindex', '0');
  document.addEventListener('keydown', (ev) => {
    const inField = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (ev.key === '/' && !inField) { ev.preventDefault(); qInput.focus(); qInput.select(); return; }
    if (inField || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (/^[1-5]$/.test(ev.key)) { setView(VIEWS[+ev.key - 1]); return; }
    if (state.view !== 'graph' && state.view !== 'why') return;
    if (document.activeElement.closest && document.activeElement.closest('#why-list, #details, #filters, nav, header')) return;
    const nodes = drawnNodes().sort((a, b) => (a.data('name') || '').localeCompare(b.data('name') || ''));
    if (!nodes.length) return;
    const i = nodes.toArray().findIndex((n) => n.id() === state.selected);
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft' || ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const d = ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : -1;
      const n = nodes[(i + d + nodes.length) % nodes.length];
      select(n.id());
      cy.animate({ center: { eles: n }, duration: 150 });
      status(`${n.data('name')} (${n.data('label')}) selected: Enter expands it`);
      saveURL();
    } else if (ev.key === 'Enter' && i >= 0) {
      ev.preventDefault();
      cy.getElementById(state.selected).emit('tap');
    } else if (ev.key === 'Escape') {
      cy.elements().unselect().removeClass('path faded');
      state.selected = null;
      saveURL();
    }
  });

  function legend() {
    const items = Object.entries(TYPE_STYLE).filter(([t]) => t !== 'Source' && t !== 'Actor').map(([t, s]) => [t.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), s.colour])
      .concat(Object.entries(KIND_COLOURS).map(([k, c]) => ['actor: ' + k.toLowerCase().replace(/_/g, ' '), c]));
    $('#legend').innerHTML = items.map(([n, c]) => `<span><i style="background:${c}"></i>${esc(n)}</span>`).join('') +
      '<span>· dashed: inferred · brown: funds</span>';
  }

  // A handle for the browser test and for the curious: the drawing, the state, a timed draw.
  window.explorer = {
    cy, state, store, drawnNodes: () => drawnNodes().map((n) => n.id()), drawnEdges: () => drawnEdges().map((e) => e.id()), exportData, graphml,
    // drawSubgraph replaces the drawing with the given {nodes, edges} and reports how long it
    // took until the layout settled and the result was painted, and how long a frame takes after.
    async drawSubgraph(sub) {
      cy.elements().remove();
      store.nodes.clear(); store.edges.clear(); store.neighbours.clear();
      state.expanded = []; state.pages = {};
      const t0 = performance.now();
      remember(sub.nodes, sub.edges);
      cy.batch(() => addNodes(sub.nodes.map((n) => n.id)));
      applyFilters();
      const addMs = performance.now() - t0;
      await layout({ noAnimate: true });
      const drawMs = performance.now() - t0;
      // Responsiveness: zoom and pan, then select a node, 20 frames, time per frame.
      const t1 = performance.now();
      for (let k = 0; k < 20; k++) {
        cy.zoom({ level: cy.zoom() * (k % 2 ? 1.1 : 0.91), renderedPosition: { x: 300, y: 300 } });
        cy.panBy({ x: 5, y: -5 });
        await new Promise((r) => requestAnimationFrame(r));
      }
      const frameMs = (performance.now() - t1) / 20;
      status(summary());
      return { nodes: drawnNodes().length, edges: drawnEdges().length, addMs, drawMs, frameMs };
    },
  };

  legend();
  restore().then(() => { document.body.dataset.ready = 'true'; });
})();
