// Renders the site's Mermaid diagrams. The build (scripts/figures.py) turns every ```mermaid
// block into <figure class="diagram"> holding the source in a <script type="text/x-mermaid">,
// which Material's own renderer and its search index ignore. This module:
//  - renders a figure only when it comes near the viewport, one at a time, yielding to the
//    main thread between renders, with Mermaid imported from this site on the first diagram
//    (pages without diagrams download nothing more);
//  - draws each SVG into an open shadow root, coloured by Material's palette variables, so it
//    follows light and dark palettes without re-rendering;
//  - never lets a label render below READABLE_PX: a figure wider than the text column at that
//    size scrolls sideways instead of shrinking;
//  - adds an "Enlarge" button that opens the figure full screen with pan and zoom
//    (@panzoom/panzoom, also served from this site), closed with Escape.
// `window.siteDiagrams.renderAll()` renders every figure now (tests, print, PDF).
const BASE = new URL("./", import.meta.url).href;
const MERMAID = `${BASE}mermaid/mermaid.esm.min.mjs`;
const PANZOOM = `${BASE}panzoom/panzoom.es.js`;
export const READABLE_PX = 11;

// Colours come from Material's palette variables, which inherit into the shadow roots.
const THEME_CSS = `
  .node rect, .node circle, .node ellipse, .node polygon, .node path,
  g.stateGroup rect, .statediagram-state rect, .basic.label-container {
    fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
  .nodeLabel, .nodeLabel p, .label, .label span, .cluster-label span, .state-title, g.stateGroup text {
    color: var(--md-mermaid-label-fg-color); fill: var(--md-mermaid-label-fg-color);
    font-family: var(--md-mermaid-font-family); }
  .edgeLabel, .edgeLabel p, .edgeLabel span, .labelBkg {
    color: var(--md-mermaid-label-fg-color); background-color: var(--md-mermaid-label-bg-color);
    fill: var(--md-mermaid-label-bg-color); font-family: var(--md-mermaid-font-family); }
  .edgeLabel rect { fill: var(--md-mermaid-label-bg-color); }
  .flowchart-link, .edgePath .path, .transition, .relation { stroke: var(--md-mermaid-edge-color); }
  marker, marker path, .arrowheadPath, .arrowMarkerPath { fill: var(--md-mermaid-edge-color) !important;
    stroke: var(--md-mermaid-edge-color) !important; }
  .cluster rect { fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter); }
  .cluster span, .cluster-label, .cluster text { color: var(--md-mermaid-label-fg-color);
    fill: var(--md-mermaid-label-fg-color); }
  .actor, rect.actor { fill: var(--md-mermaid-sequence-actor-bg-color); stroke: var(--md-mermaid-sequence-actor-border-color); }
  text.actor, text.actor > tspan { fill: var(--md-mermaid-sequence-actor-fg-color); font-family: var(--md-mermaid-font-family); }
  .actor-line, line.actor-line { stroke: var(--md-mermaid-sequence-actor-line-color); }
  .messageLine0, .messageLine1 { stroke: var(--md-mermaid-sequence-message-line-color); }
  .messageText { fill: var(--md-mermaid-sequence-message-fg-color); font-family: var(--md-mermaid-font-family); }
  #arrowhead path, .arrowhead path { fill: var(--md-mermaid-sequence-message-line-color); stroke: none; }
  .note { fill: var(--md-mermaid-sequence-note-bg-color); stroke: var(--md-mermaid-sequence-note-border-color); }
  .noteText, .noteText > tspan { fill: var(--md-mermaid-sequence-note-fg-color); font-family: var(--md-mermaid-font-family); }
  .loopLine { stroke: var(--md-mermaid-sequence-loop-border-color); }
  .labelBox { fill: var(--md-mermaid-sequence-label-bg-color); stroke: var(--md-mermaid-sequence-loop-border-color); }
  .labelText, .labelText > tspan, .loopText, .loopText > tspan {
    fill: var(--md-mermaid-sequence-label-fg-color); font-family: var(--md-mermaid-font-family); }
  .start-state, .node circle.state-start, .end-state-inner { fill: var(--md-mermaid-edge-color); }
  .end-state-outer { fill: var(--md-mermaid-edge-color); stroke: var(--md-mermaid-label-bg-color); }
  .statediagram-cluster rect { fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
  .statediagram-cluster .inner { fill: var(--md-default-bg-color); }
`;
const HOST_CSS = `
  :host { display: block; }
  svg { display: block; margin: 0 auto; height: auto; }
  @media print { svg { width: 100% !important; max-width: 100% !important; min-width: 0 !important; } }
`;

let mermaidLoading = null;
let counter = 0;
const queue = [];
let draining = null;

function mermaid() {
  if (!mermaidLoading) {
    mermaidLoading = import(MERMAID).then(({ default: m }) => {
      m.initialize({
        startOnLoad: false,
        theme: "base",
        themeCSS: THEME_CSS,
        fontFamily: "var(--md-mermaid-font-family)",
        securityLevel: "strict",
        sequence: { actorFontSize: 16, messageFontSize: 16, noteFontSize: 16 },
      });
      return m;
    });
  }
  return mermaidLoading;
}

const nextFrame = () => new Promise((resolve) => {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") globalThis.scheduler.yield().then(resolve);
  else setTimeout(resolve, 0);
});

/** The smallest font size (CSS px, in the SVG's own units) of any text in `svg`. */
export function smallestFont(svg) {
  let min = Infinity;
  for (const e of svg.querySelectorAll("text, tspan, foreignObject span, foreignObject p, foreignObject div")) {
    if (!e.textContent.trim()) continue;
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px > 0 && px < min) min = px;
  }
  return Number.isFinite(min) ? min : 16;
}

function naturalWidth(svg) {
  const box = svg.viewBox && svg.viewBox.baseVal;
  return box && box.width ? box.width : svg.getBoundingClientRect().width;
}

async function renderFigure(figure) {
  if (figure.dataset.rendered) return;
  figure.dataset.rendered = "pending";
  const source = figure.querySelector("script.diagram-source").textContent;
  const box = figure.querySelector(".diagram-box");
  const host = document.createElement("div");
  host.className = "mermaid";
  const root = host.attachShadow({ mode: "open" });
  const m = await mermaid();
  counter += 1;
  const { svg, bindFunctions } = await m.render(`diagram-svg-${counter}`, source);
  root.innerHTML = `<style>${HOST_CSS}</style>${svg}`;
  box.replaceChildren(host);
  if (bindFunctions) bindFunctions(root);
  const el = root.querySelector("svg");
  // Never shrink below a readable label size; a wider figure scrolls inside its box.
  const width = naturalWidth(el);
  const font = smallestFont(el);
  el.style.maxWidth = `${width}px`;
  el.style.minWidth = `${Math.ceil(width * READABLE_PX / font)}px`;
  el.setAttribute("width", "100%");
  el.removeAttribute("height");
  box.dataset.naturalWidth = String(Math.round(width));
  box.dataset.smallestFont = String(font);
  addEnlarge(figure, root);
  figure.dataset.rendered = "done";
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  figure.classList.toggle("diagram--scrolls", scrolls);
  if (scrolls) {
    // A box that scrolls must be reachable and scrollable from the keyboard.
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", `${figure.querySelector("figcaption").firstChild.textContent.trim()} (scrolls sideways)`);
  }
}

function drain() {
  if (!draining) {
    draining = (async () => {
      await null;   // let the caller's assignment to `draining` happen first
      while (queue.length) {
        const figure = queue.shift();
        try { await renderFigure(figure); } catch (err) {
          figure.dataset.rendered = "error";
          console.error(`Diagram "${figure.querySelector("figcaption")?.textContent}" failed to render:`, err);
        }
        await nextFrame();
      }
    })();
    draining.finally(() => {
      draining = null;
      if (queue.length) drain();
    });
  }
  return draining;
}

function enqueue(figure) {
  if (!figure.dataset.rendered && !queue.includes(figure)) queue.push(figure);
  return drain();
}

let observer = null;

function mount() {
  const figures = [...document.querySelectorAll("figure.diagram")];
  if (observer) observer.disconnect();
  if (!figures.length) return;
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) { observer.unobserve(e.target); enqueue(e.target); }
    }
  }, { rootMargin: "800px 0px" });
  for (const f of figures) observer.observe(f);
}

/** Render every figure of the page now; resolves when each is drawn or has failed. */
async function renderAll() {
  const figures = [...document.querySelectorAll("figure.diagram")];
  const settled = (f) => f.dataset.rendered === "done" || f.dataset.rendered === "error";
  while (!figures.every(settled)) {
    for (const f of figures) if (!f.dataset.rendered) enqueue(f);
    await drain();
    if (!figures.every(settled)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return figures.length;
}

// ------------------------------------------------------------------ enlarge view

function addEnlarge(figure, root) {
  if (figure.querySelector(".diagram-enlarge")) return;
  const caption = figure.querySelector("figcaption");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "diagram-enlarge md-button";
  button.textContent = "Enlarge";
  button.setAttribute("aria-label", `Enlarge ${caption ? caption.textContent : "diagram"} (opens full screen with pan and zoom)`);
  button.addEventListener("click", () => openViewer(figure, root));
  caption.append(" ", button);
}

let panzoomLoading = null;

async function openViewer(figure, root) {
  const Panzoom = await (panzoomLoading ||= import(PANZOOM).then((m) => m.default));
  const caption = figure.querySelector("figcaption").firstChild.textContent.trim();
  const dialog = document.createElement("dialog");
  dialog.className = "diagram-viewer md-typeset";
  dialog.setAttribute("aria-label", caption);
  const bar = document.createElement("div");
  bar.className = "diagram-viewer__bar";
  const title = document.createElement("p");
  title.className = "diagram-viewer__title";
  title.textContent = caption;
  const mk = (label, text) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    return b;
  };
  const zoomIn = mk("Zoom in", "+");
  const zoomOut = mk("Zoom out", "−");
  const reset = mk("Reset zoom", "Reset");
  const close = mk("Close the enlarged diagram (Escape)", "Close");
  const hint = document.createElement("p");
  hint.className = "diagram-viewer__hint";
  hint.textContent = "Drag or use the arrow keys to pan; scroll, pinch or + and − to zoom.";
  bar.append(title, zoomIn, zoomOut, reset, close);
  const stage = document.createElement("div");
  stage.className = "diagram-viewer__stage";
  stage.tabIndex = 0;
  stage.setAttribute("aria-label", `${caption}: pan and zoom area`);
  const host = document.createElement("div");
  host.className = "mermaid";
  const shadow = host.attachShadow({ mode: "open" });
  const svg = root.querySelector("svg").cloneNode(true);
  shadow.innerHTML = `<style>${HOST_CSS} svg { margin: 0; }</style>`;
  shadow.append(svg);
  stage.append(host);
  dialog.append(bar, hint, stage);
  document.body.append(dialog);
  dialog.showModal();

  // Start at a size where every label reads at least 16/11 of the floor when the screen allows,
  // never below the floor, and fit the screen when that is larger still.
  const width = naturalWidth(svg);
  const font = smallestFont(root.querySelector("svg"));
  const floor = width * READABLE_PX / font;
  const fit = stage.clientWidth - 16;
  const start = Math.max(floor, Math.min(fit, width * 1.5));
  svg.style.width = `${start}px`;
  svg.style.minWidth = svg.style.maxWidth = "none";
  const pz = Panzoom(host, { maxScale: 6, minScale: 0.25, step: 0.25, cursor: "grab", canvas: true });
  stage.addEventListener("wheel", pz.zoomWithWheel);
  zoomIn.addEventListener("click", () => pz.zoomIn());
  zoomOut.addEventListener("click", () => pz.zoomOut());
  reset.addEventListener("click", () => pz.reset());
  close.addEventListener("click", () => dialog.close());
  stage.addEventListener("keydown", (e) => {
    const step = 40;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) { e.preventDefault(); pz.pan(...moves[e.key], { relative: true }); }
    else if (e.key === "+" || e.key === "=") { e.preventDefault(); pz.zoomIn(); }
    else if (e.key === "-") { e.preventDefault(); pz.zoomOut(); }
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    figure.querySelector(".diagram-enlarge").focus();
  });
  stage.focus();
}

window.siteDiagrams = { renderAll, READABLE_PX };
window.addEventListener("beforeprint", () => { renderAll(); });
if (window.document$) window.document$.subscribe(mount);
else mount();
