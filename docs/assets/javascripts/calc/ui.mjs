// Interactive calculators on the estimation page. Each <div class="calculator" data-calc="ID">
// becomes a form built from CALCULATORS[ID]: labelled inputs with units, results and the
// arithmetic that update as you type, and a clear message instead of NaN for bad input.
// Inputs can be pre-filled from the URL: ?calc=ID&field=value&... (links from case pages).
import * as f from "./formulas.mjs";
// Shared figures (data/figures.yml), generated into the built site: defaults that other pages
// also quote come from there, so a page and its calculator cannot disagree.
import FIG from "./figures.mjs";
import { parseField, inputText } from "./fields.mjs";

export { parseField, unitFor, inputText } from "./fields.mjs";

const num = (v) => f.fmt(v);
const bytes = (v) => f.fmtBytes(v);
const money = (v) => `$${f.fmt(v)}`;

// Each field: [name, label, unit, default, {min, max, integer, step}]
export const CALCULATORS = {
  traffic: {
    fields: [
      ["dau", "Daily active users", "users", 5e8, { min: 1, max: 1e11 }],
      ["actionsPerUser", "Requests per user per day", "requests", 20, { min: 0.001, max: 1e6 }],
      ["peakFactor", "Peak-to-average ratio", "×", 3, { min: 1, max: 100 }],
    ],
    compute: f.traffic,
    show: [["perDay", "Requests per day", num], ["avgQps", "Average QPS", num], ["peakQps", "Peak QPS", num]],
  },
  storage: {
    fields: [
      ["itemsPerDay", "New items per day", "items", 1e8, { min: 0, max: 1e13 }],
      ["bytesPerItem", "Bytes per item", "bytes", 500e3, { min: 0, max: 1e12 }],
      ["replicas", "Replicas", "copies", 3, { min: 1, max: 100, integer: true }],
      ["retentionDays", "Retention", "days", 365, { min: 1, max: 36500 }],
      ["loggedPerDay", "Feature-log rows per day", "rows", 1e10, { min: 0, max: 1e15 }],
      ["bytesPerLog", "Bytes per feature-log row", "bytes", 2000, { min: 0, max: 1e9 }],
    ],
    compute: f.storage,
    show: [["itemsTotal", "Items stored", bytes], ["logsPerDay", "Feature logs per day", bytes],
           ["logsTotal", "Feature logs stored", bytes], ["total", "Total", bytes]],
  },
  embedding: {
    fields: [
      ["vectors", "Vectors", "vectors", 1e9, { min: 1, max: 1e13 }],
      ["dim", "Dimensions", "dims", 256, { min: 1, max: 65536, integer: true }],
      ["bytesPerValue", "Bytes per value (fp32 4, fp16 2, int8 1)", "bytes", 4, { min: 0.125, max: 8 }],
      ["pqSubvectors", "PQ sub-vectors (m)", "sub-vectors", 64, { min: 1, max: 4096, integer: true }],
      ["pqBits", "Bits per PQ code", "bits", 8, { min: 1, max: 16, integer: true }],
      ["hnswM", "HNSW links per node (M)", "links", 16, { min: 2, max: 256, integer: true }],
    ],
    compute: f.embeddingMemory,
    show: [["raw", "Raw vectors", bytes], ["pq", "IVF-PQ codes", bytes], ["graph", "HNSW graph", bytes],
           ["hnswTotal", "HNSW index (vectors + graph)", bytes]],
  },
  serving: {
    fields: [
      ["qps", "Peak QPS", "requests/s", 50000, { min: 0.001, max: 1e9 }],
      ["utilization", "Target utilization", "fraction", 0.6, { min: 0.05, max: 1 }],
      ["cpuLatencyMs", "CPU time per request", "ms", 20, { min: 0.01, max: 1e6 }],
      ["cpuParallel", "Requests at once per CPU replica", "requests", 16, { min: 1, max: 1e5 }],
      ["cpuPrice", "CPU replica price", "$/hour", 0.8, { min: 0, max: 1e4 }],
      ["gpuLatencyMs", "GPU time per batch", "ms", 15, { min: 0.01, max: 1e6 }],
      ["gpuBatch", "Requests per GPU batch", "requests", 256, { min: 1, max: 1e6 }],
      ["gpuPrice", "GPU replica price", "$/hour", 3, { min: 0, max: 1e4 }],
    ],
    compute: f.servingCapacity,
    show: [["cpuReplicas", "CPU replicas", num], ["cpuCost", "CPU cost per hour", money],
           ["gpuReplicas", "GPU replicas", num], ["gpuCost", "GPU cost per hour", money]],
  },
  llm: {
    fields: [
      ["paramsB", "Parameters", "billions", 70, { min: 0.001, max: 1e5 }],
      ["bytesPerParam", "Bytes per parameter", "bytes", 2, { min: 0.125, max: 8 }],
      ["layers", "Layers", "layers", 80, { min: 1, max: 1000, integer: true }],
      ["kvHeads", "KV heads", "heads", 8, { min: 1, max: 1024, integer: true }],
      ["headDim", "Head dimension", "dims", 128, { min: 1, max: 4096, integer: true }],
      ["kvBytes", "Bytes per KV value", "bytes", 2, { min: 0.125, max: 8 }],
      ["contextTokens", "Context per sequence", "tokens", 8192, { min: 1, max: 1e8, integer: true }],
      ["concurrentSeqs", "Concurrent sequences", "sequences", 32, { min: 1, max: 1e7, integer: true }],
      ["gpuMemoryGB", "GPU memory", "GB", FIG["h100-memory"], { min: 1, max: 1e4 }],
      ["usableFraction", "Usable memory fraction", "fraction", 0.9, { min: 0.05, max: 1 }],
      ["tokensPerSecNeeded", "Output tokens needed", "tokens/s", 5000, { min: 0.001, max: 1e12 }],
      ["tokensPerSecPerGpu", "Output tokens per GPU", "tokens/s", 1000, { min: 0.001, max: 1e9 }],
      ["gpuHourPrice", "GPU price", "$/hour", 2.5, { min: 0, max: 1e4 }],
      ["promptTokens", "Prompt tokens per request", "tokens", 2000, { min: 1, max: 1e7, integer: true }],
      ["gpusPerReplica", "GPUs per model replica (tensor parallel)", "GPUs", 1, { min: 1, max: 1024, integer: true }],
      ["batchPerReplica", "Sequences decoding together per replica", "sequences", 64, { min: 1, max: 1e5, integer: true }],
      ["peakTflops", "Peak per GPU at this precision", "TFLOP/s", FIG["h100-bf16-tflops"], { min: 0.001, max: 1e5 }],
      ["mfu", "Prefill FLOPs utilization", "fraction", 0.4, { min: 0.01, max: 1 }],
      ["bandwidthGBs", "GPU memory bandwidth", "GB/s", FIG["h100-bandwidth"], { min: 1, max: 1e5 }],
      ["bandwidthEfficiency", "Achieved share of bandwidth", "fraction", 0.6, { min: 0.01, max: 1 }],
    ],
    compute: f.llmServing,
    show: [["weights", "Weights", bytes], ["kvPerToken", "KV cache per token", bytes], ["kvTotal", "KV cache", bytes],
           ["gpus", "GPUs (max of memory and throughput)", num], ["costPer1k", "Cost per 1,000 output tokens", money],
           ["costPerMillion", "Cost per million output tokens", money], ["ttftMs", "Prefill time to first token (ms)", num],
           ["stepMs", "Decode step (ms)", num], ["tokensPerUser", "Output tokens/s per user", num],
           ["tokensPerReplica", "Output tokens/s per replica", num]],
  },
  training: {
    fields: [
      ["examples", "Examples or tokens", "examples", 1e12, { min: 1, max: 1e18 }],
      ["flopsPerExample", "FLOPs per example (6 × parameters per token)", "FLOPs", 6 * 7e9, { min: 1, max: 1e18 }],
      ["epochs", "Epochs", "passes", 1, { min: 0.001, max: 1e4 }],
      ["gpus", "GPUs", "GPUs", 256, { min: 1, max: 1e6, integer: true }],
      ["peakTflops", "Peak per GPU", "TFLOP/s", FIG["h100-bf16-tflops"], { min: 0.001, max: 1e5 }],
      ["utilization", "Model FLOPs utilization", "fraction", 0.4, { min: 0.01, max: 1 }],
    ],
    compute: f.trainingTime,
    show: [["totalFlops", "Total compute (FLOPs)", num], ["hours", "Wall-clock hours", num], ["days", "Wall-clock days", num]],
  },
  abtest: {
    fields: [
      ["baseline", "Baseline rate", "fraction", 0.05, { min: 1e-6, max: 0.999 }],
      ["relativeMde", "Minimum detectable effect (relative)", "fraction", 0.02, { min: 1e-4, max: 10 }],
      ["alpha", "Significance level α (two-sided)", "fraction", 0.05, { min: 1e-6, max: 0.5 }],
      ["power", "Power (1 − β)", "fraction", 0.8, { min: 0.5, max: 0.9999 }],
      ["dailyUsers", "Eligible users per day", "users", 1e6, { min: 1, max: 1e11 }],
      ["trafficShare", "Share of traffic in the test", "fraction", 0.1, { min: 1e-4, max: 1 }],
    ],
    compute: f.abSampleSize,
    check: (v) => (v.baseline * (1 + v.relativeMde) >= 1 ? "Baseline × (1 + effect) must stay below 1." : null),
    show: [["perArm", "Users per arm", num], ["total", "Users in total", num], ["days", "Days at this traffic", num]],
  },
};

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function mount(host, id, params) {
  const spec = CALCULATORS[id];
  const form = el("form", { class: "calc-form", novalidate: "", "aria-label": host.dataset.title || id });
  const inputs = {};
  const fromUrl = params.get("calc") === id;
  for (const [name, label, unit, value] of spec.fields) {
    const inputId = `${id}-${name}`;
    const row = el("div", { class: "calc-field" });
    row.append(el("label", { for: inputId }, label));
    const input = el("input", { id: inputId, name, type: "text", inputmode: "decimal",
                                autocomplete: "off", "aria-describedby": `${id}-msg` });
    input.value = fromUrl && params.has(name) ? params.get(name) : inputText(value);
    row.append(input, el("span", { class: "calc-unit" }, unit));
    form.append(row);
    inputs[name] = input;
  }
  const message = el("p", { class: "calc-message", id: `${id}-msg`, role: "alert" });
  const results = el("dl", { class: "calc-results", "aria-live": "polite" });
  const steps = el("ol", { class: "calc-steps" });
  form.addEventListener("submit", (e) => e.preventDefault());
  host.replaceChildren(form, message, results, el("p", { class: "calc-steps-title" }, "Arithmetic"), steps);

  function update() {
    const values = {};
    const errors = [];
    for (const [name, label, unit, , limits] of spec.fields) {
      const [v, err] = parseField(inputs[name].value, label, unit, limits);
      inputs[name].setAttribute("aria-invalid", err ? "true" : "false");
      if (err) errors.push(err); else values[name] = v;
    }
    if (!errors.length && spec.check) {
      const err = spec.check(values);
      if (err) errors.push(err);
    }
    let out = null;
    if (!errors.length) {
      out = spec.compute(values);
      const bad = Object.values(out.results).some((x) => typeof x === "number" && !Number.isFinite(x));
      if (bad) { errors.push("These inputs give a result too large to show; use smaller numbers."); out = null; }
    }
    message.textContent = errors.join(" ");
    host.classList.toggle("calc-invalid", errors.length > 0);
    results.replaceChildren();
    steps.replaceChildren();
    if (!out) return;
    const wanted = fromUrl ? params.get("show") : null;   // the result a case page points at
    for (const [key, label, format] of spec.show) {
      const cls = key === wanted ? { class: "calc-highlight" } : {};
      results.append(el("dt", cls, label), el("dd", { "data-result": key, ...cls }, format(out.results[key])));
    }
    for (const line of out.steps) steps.append(el("li", {}, line));
  }
  form.addEventListener("input", update);
  update();
  if (fromUrl) host.scrollIntoView();
}

/** The inputs for a calculator: its defaults, overridden by URL parameters; and the results
 * it would display, formatted as on the page. Used by the tests to check case pages. */
export function evaluate(id, params) {
  const spec = CALCULATORS[id];
  if (!spec) throw new Error(`unknown calculator ${id}`);
  const values = {};
  for (const [name, label, unit, value, limits] of spec.fields) {
    const [v, err] = parseField(name in params ? params[name] : String(value), label, unit, limits);
    if (err) throw new Error(`${id}: ${err}`);
    values[name] = v;
  }
  const out = spec.compute(values);
  return Object.fromEntries(spec.show.map(([key, , format]) => [key, format(out.results[key])]));
}

export function mountAll(root = document) {
  const params = new URLSearchParams(window.location.search);
  for (const host of root.querySelectorAll(".calculator[data-calc]")) {
    if (!host.dataset.mounted && CALCULATORS[host.dataset.calc]) {
      host.dataset.mounted = "1";
      mount(host, host.dataset.calc, params);
    }
  }
}
