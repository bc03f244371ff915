// Back-of-the-envelope formulas for ML systems. Pure functions, no DOM: each takes plain
// numbers and returns { results, steps }, where `steps` spells out the arithmetic in words.
// Unit tests: tests/js/formulas.test.mjs. The page code is in ui.mjs.

export const SECONDS_PER_DAY = 86400;
export const BYTES = { fp32: 4, fp16: 2, bf16: 2, int8: 1, int4: 0.5 };

/** Numbers in prose: whole numbers below a million exactly, others to 3 significant figures. */
export function fmt(x, digits = 3) {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return x.toLocaleString("en-US");
  const p = Number(x.toPrecision(digits));
  if (Math.abs(p) >= 1e15 || Math.abs(p) < 1e-6) return p.toExponential(digits - 1);
  return p.toLocaleString("en-US", { maximumSignificantDigits: digits });
}

/** Bytes in decimal units (kB, MB, GB, TB, PB), as storage and GPU memory are quoted. */
export function fmtBytes(b) {
  const units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  let i = 0;
  while (Math.abs(b) >= 1000 && i < units.length - 1) { b /= 1000; i += 1; }
  return `${fmt(b)} ${units[i]}`;
}

/** A number inside the arithmetic steps: exact where it is whole, otherwise to 4 significant
 * figures (whole numbers from 100 up), so each line can be checked by hand. */
export function fs(x) {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) {
    const [mantissa, exponent] = x.toExponential(3).split("e");
    const sup = String(Number(exponent)).replace(/[-0-9]/g, (d) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(d)]);
    return `${Number(mantissa)} × 10${sup}`;
  }
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString("en-US");
  return Number(x.toPrecision(4)).toLocaleString("en-US", { maximumSignificantDigits: 4 });
}

/** "= 10,000" when the shown number is exact, "≈ 115,741" when it is rounded. */
export function eq(x) {
  const shown = fs(x);
  const back = Number(shown.replace(/,/g, ""));
  return `${back === x ? "=" : "≈"} ${shown}`;
}

/** The same for byte counts shown in decimal units. */
export function eqBytes(b) {
  const shown = fmtBytes(b);
  const [value, unit] = shown.split(" ");
  const scale = 1000 ** ["B", "kB", "MB", "GB", "TB", "PB", "EB"].indexOf(unit);
  return `${Math.abs(Number(value.replace(/,/g, "")) * scale - b) < 1e-9 * Math.max(1, b) ? "=" : "≈"} ${shown}`;
}

export function fmtDuration(seconds) {
  if (seconds < 120) return `${fmt(seconds)} s`;
  if (seconds < 7200) return `${fmt(seconds / 60)} min`;
  if (seconds < 2 * SECONDS_PER_DAY) return `${fmt(seconds / 3600)} h`;
  return `${fmt(seconds / SECONDS_PER_DAY)} days`;
}

// 1. Traffic ----------------------------------------------------------------------------
export function traffic({ dau, actionsPerUser, peakFactor }) {
  const perDay = dau * actionsPerUser;
  const avgQps = perDay / SECONDS_PER_DAY;
  const peakQps = avgQps * peakFactor;
  return {
    results: { perDay, avgQps, peakQps },
    steps: [
      `Requests per day = ${fs(dau)} users × ${fs(actionsPerUser)} ${eq(perDay)}`,
      `Average QPS = ${fs(perDay)} ÷ 86,400 s ${eq(avgQps)}`,
      `Peak QPS = ${fs(avgQps)} × ${fs(peakFactor)} ${eq(peakQps)}`,
    ],
  };
}

// 2. Storage ----------------------------------------------------------------------------
export function storage({ itemsPerDay, bytesPerItem, replicas, retentionDays, loggedPerDay, bytesPerLog }) {
  const itemsBytesPerDay = itemsPerDay * bytesPerItem;
  const itemsTotal = itemsBytesPerDay * retentionDays * replicas;
  const logsPerDay = loggedPerDay * bytesPerLog;
  const logsTotal = logsPerDay * retentionDays * replicas;
  return {
    results: { itemsBytesPerDay, itemsTotal, logsPerDay, logsTotal, total: itemsTotal + logsTotal },
    steps: [
      `Items: ${fs(itemsPerDay)}/day × ${fmtBytes(bytesPerItem)} ${eqBytes(itemsBytesPerDay)}/day`,
      `Items kept: ${fmtBytes(itemsBytesPerDay)} × ${fs(retentionDays)} days × ${fs(replicas)} replicas ${eqBytes(itemsTotal)}`,
      `Feature logs: ${fs(loggedPerDay)} rows/day × ${fmtBytes(bytesPerLog)} ${eqBytes(logsPerDay)}/day`,
      `Logs kept: ${fmtBytes(logsPerDay)} × ${fs(retentionDays)} days × ${fs(replicas)} replicas ${eqBytes(logsTotal)}`,
      `Total ${eqBytes(itemsTotal + logsTotal)}`,
    ],
  };
}

// 3. Embedding and ANN index memory -------------------------------------------------------
export function embeddingMemory({ vectors, dim, bytesPerValue, pqSubvectors, pqBits, hnswM }) {
  const raw = vectors * dim * bytesPerValue;
  const pqCode = (pqSubvectors * pqBits) / 8;
  const pq = vectors * pqCode;
  // HNSW keeps up to 2·M neighbour ids (4 bytes each) per vector on its base layer; the
  // upper layers hold ~1/M of the vectors and add only a few per cent, left out here.
  const graph = vectors * 2 * hnswM * 4;
  return {
    results: { raw, pq, pqCode, graph, hnswTotal: raw + graph, compression: raw / pq },
    steps: [
      `Raw vectors = ${fs(vectors)} × ${fs(dim)} dims × ${fs(bytesPerValue)} B ${eqBytes(raw)}`,
      `PQ code = ${fs(pqSubvectors)} sub-vectors × ${fs(pqBits)} bits ÷ 8 ${eq(pqCode)} B per vector`,
      `PQ index = ${fs(vectors)} × ${fs(pqCode)} B ${eqBytes(pq)} (${fs(raw / pq)}× smaller)`,
      `HNSW graph = ${fs(vectors)} × 2 × M=${fs(hnswM)} links × 4 B ${eqBytes(graph)}`,
      `HNSW over raw vectors = ${fmtBytes(raw)} + ${fmtBytes(graph)} ${eqBytes(raw + graph)}`,
    ],
  };
}

// 4. Serving capacity ---------------------------------------------------------------------
/** Replicas for a service: Little's law (in flight = QPS × time in service) over headroom. */
export function replicas({ qps, latencyMs, parallelPerReplica, utilization }) {
  const inFlight = qps * (latencyMs / 1000);
  const exact = inFlight / (parallelPerReplica * utilization);
  return { inFlight, exact, count: Math.max(1, Math.ceil(exact - 1e-9)) };
}

export function servingCapacity({ qps, utilization, cpuLatencyMs, cpuParallel, cpuPrice,
                                  gpuLatencyMs, gpuBatch, gpuPrice }) {
  const cpu = replicas({ qps, latencyMs: cpuLatencyMs, parallelPerReplica: cpuParallel, utilization });
  const gpu = replicas({ qps, latencyMs: gpuLatencyMs, parallelPerReplica: gpuBatch, utilization });
  return {
    results: { cpuReplicas: cpu.count, gpuReplicas: gpu.count,
               cpuCost: cpu.count * cpuPrice, gpuCost: gpu.count * gpuPrice },
    steps: [
      `CPU: in flight = ${fs(qps)} QPS × ${fs(cpuLatencyMs / 1000)} s ${eq(cpu.inFlight)} requests`,
      `CPU replicas = ${fs(cpu.inFlight)} ÷ (${fs(cpuParallel)} at once × ${fs(utilization)} utilization) ${eq(cpu.exact)} → ${cpu.count}`,
      `GPU: in flight = ${fs(qps)} QPS × ${fs(gpuLatencyMs / 1000)} s per batch ${eq(gpu.inFlight)} requests`,
      `GPU replicas = ${fs(gpu.inFlight)} ÷ (batch ${fs(gpuBatch)} × ${fs(utilization)}) ${eq(gpu.exact)} → ${gpu.count}`,
      `Cost per hour: CPU ${cpu.count} × $${fs(cpuPrice)} = $${fs(cpu.count * cpuPrice)}; GPU ${gpu.count} × $${fs(gpuPrice)} = $${fs(gpu.count * gpuPrice)}`,
    ],
  };
}

// 5. LLM serving ---------------------------------------------------------------------------
export function llmServing({ paramsB, bytesPerParam, layers, kvHeads, headDim, kvBytes,
                             contextTokens, concurrentSeqs, gpuMemoryGB, usableFraction,
                             tokensPerSecNeeded, tokensPerSecPerGpu, gpuHourPrice,
                             promptTokens = 2000, gpusPerReplica = 1, batchPerReplica = 64,
                             peakTflops = 989, mfu = 0.4, bandwidthGBs = 3350, bandwidthEfficiency = 0.6 }) {
  const weights = paramsB * 1e9 * bytesPerParam;
  const kvPerToken = 2 * layers * kvHeads * headDim * kvBytes;
  const kvTotal = kvPerToken * contextTokens * concurrentSeqs;
  const memory = weights + kvTotal;
  const usable = gpuMemoryGB * 1e9 * usableFraction;
  const gpusForMemory = Math.ceil(memory / usable - 1e-9);
  const gpusForThroughput = Math.ceil(tokensPerSecNeeded / tokensPerSecPerGpu - 1e-9);
  const gpus = Math.max(gpusForMemory, gpusForThroughput, 1);
  const costPer1k = (gpus * gpuHourPrice) / (tokensPerSecNeeded * 3600) * 1000;
  const costPerMillion = costPer1k * 1000;
  // Time to first token: prefill is compute-bound, 2 FLOPs per parameter per prompt token.
  const prefillFlops = 2 * paramsB * 1e9 * promptTokens;
  const ttftMs = prefillFlops / (gpusPerReplica * peakTflops * 1e12 * mfu) * 1000;
  // Decode is bandwidth-bound: each step reads the weights and every sequence's KV cache once.
  const stepBytes = weights + batchPerReplica * kvPerToken * contextTokens;
  const stepMs = stepBytes / (gpusPerReplica * bandwidthGBs * 1e9 * bandwidthEfficiency) * 1000;
  const tokensPerUser = 1000 / stepMs;
  return {
    results: { weights, kvPerToken, kvTotal, memory, gpusForMemory, gpusForThroughput, gpus, costPer1k,
               costPerMillion, ttftMs, stepMs, tokensPerUser, tokensPerReplica: tokensPerUser * batchPerReplica },
    steps: [
      `Weights = ${fs(paramsB)} B params × ${fs(bytesPerParam)} B ${eqBytes(weights)}`,
      `KV cache per token = 2 × ${fs(layers)} layers × ${fs(kvHeads)} KV heads × ${fs(headDim)} dims × ${fs(kvBytes)} B ${eqBytes(kvPerToken)}`,
      `KV cache = ${fmtBytes(kvPerToken)} × ${fs(contextTokens)} tokens × ${fs(concurrentSeqs)} sequences ${eqBytes(kvTotal)}`,
      `GPUs for memory = (${fmtBytes(weights)} + ${fmtBytes(kvTotal)}) ÷ (${fs(gpuMemoryGB)} GB × ${fs(usableFraction)}) → ${gpusForMemory}`,
      `GPUs for throughput = ${fs(tokensPerSecNeeded)} tokens/s ÷ ${fs(tokensPerSecPerGpu)} per GPU → ${gpusForThroughput}`,
      `Cost per 1,000 tokens = ${gpus} GPUs × $${fs(gpuHourPrice)}/h ÷ (${fs(tokensPerSecNeeded)} tokens/s × 3,600 s) × 1,000 ≈ $${fs(costPer1k)}; per million ≈ $${fs(costPerMillion)}`,
      `Time to first token ≈ 2 × ${fs(paramsB)} B params × ${fs(promptTokens)} prompt tokens ÷ (${fs(gpusPerReplica)} GPUs × ${fs(peakTflops)} TFLOP/s × ${fs(mfu)}) ${eq(ttftMs)} ms of prefill`,
      `Decode step = (${fmtBytes(weights)} + ${fs(batchPerReplica)} sequences × ${fmtBytes(kvPerToken)} × ${fs(contextTokens)} tokens) ÷ (${fs(gpusPerReplica)} GPUs × ${fs(bandwidthGBs)} GB/s × ${fs(bandwidthEfficiency)}) ${eq(stepMs)} ms`,
      `Tokens/s per user = 1,000 ÷ ${fs(stepMs)} ms ${eq(tokensPerUser)}; per replica × ${fs(batchPerReplica)} ${eq(tokensPerUser * batchPerReplica)}`,
    ],
  };
}

// 6. Training time -------------------------------------------------------------------------
export function trainingTime({ examples, flopsPerExample, epochs, gpus, peakTflops, utilization }) {
  const total = examples * flopsPerExample * epochs;
  const rate = gpus * peakTflops * 1e12 * utilization;
  const seconds = total / rate;
  return {
    results: { totalFlops: total, flopsPerSecond: rate, seconds, hours: seconds / 3600, days: seconds / SECONDS_PER_DAY },
    steps: [
      `Compute = ${fs(examples)} examples × ${fs(flopsPerExample)} FLOPs × ${fs(epochs)} epochs ${eq(total)} FLOPs`,
      `Throughput = ${fs(gpus)} GPUs × ${fs(peakTflops)} TFLOP/s × ${fs(utilization)} utilization ${eq(rate)} FLOP/s`,
      `Time = ${fs(total)} ÷ ${fs(rate)} ${eq(seconds)} s ≈ ${fmtDuration(seconds)}`,
    ],
  };
}

// 7. A/B test sample size -----------------------------------------------------------------
/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p) {
  if (!(p > 0 && p < 1)) throw new RangeError("probability must be strictly between 0 and 1");
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

export function abSampleSize({ baseline, relativeMde, alpha, power, dailyUsers, trafficShare }) {
  const p1 = baseline;
  const p2 = baseline * (1 + relativeMde);
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const variance = p1 * (1 - p1) + p2 * (1 - p2);
  const perArm = Math.ceil(((zAlpha + zBeta) ** 2 * variance) / (p2 - p1) ** 2);
  const days = Math.ceil((2 * perArm) / (dailyUsers * trafficShare));
  return {
    results: { p2, zAlpha, zBeta, perArm, total: 2 * perArm, days },
    steps: [
      `Treatment rate = ${fs(p1)} × (1 + ${fs(relativeMde)}) = ${fmt(p2, 4)}; absolute effect δ = ${fmt(p2 - p1, 3)}`,
      `z(1 − α/2) = ${zAlpha.toFixed(3)}, z(power) = ${zBeta.toFixed(3)}`,
      `n per arm = (${zAlpha.toFixed(3)} + ${zBeta.toFixed(3)})² × (${fmt(p1 * (1 - p1), 4)} + ${fmt(p2 * (1 - p2), 4)}) ÷ ${fmt((p2 - p1) ** 2, 3)} ${eq(perArm)}`,
      `Days = 2 × ${fs(perArm)} ÷ (${fs(dailyUsers)} users/day × ${fs(trafficShare)} in the test) → ${days} (run whole weeks)`,
    ],
  };
}
