// Unit tests of the estimation formulas, with expected values worked by hand in comments.
// Run: node --test tests/js/   (pytest runs this too: tests/test_calculators.py)
import { test } from "node:test";
import assert from "node:assert/strict";
import * as f from "../../docs/assets/javascripts/calc/formulas.mjs";
import { parseField, unitFor, inputText } from "../../docs/assets/javascripts/calc/fields.mjs";

const close = (actual, expected, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} is not ≈ ${expected}`);

test("traffic: 500 M users × 20 requests = 1e10/day; ÷ 86,400 = 115,740.7 QPS; × 3 peak", () => {
  const { results } = f.traffic({ dau: 5e8, actionsPerUser: 20, peakFactor: 3 });
  assert.equal(results.perDay, 1e10);
  close(results.avgQps, 115740.74074074074);
  close(results.peakQps, 347222.2222222222);
});

test("storage: 1e8 items × 500 kB × 365 days × 3 replicas = 54.75 PB; logs 1e10 × 2 kB = 20 TB/day", () => {
  const { results } = f.storage({ itemsPerDay: 1e8, bytesPerItem: 5e5, replicas: 3, retentionDays: 365,
                                  loggedPerDay: 1e10, bytesPerLog: 2000 });
  assert.equal(results.itemsBytesPerDay, 5e13);
  assert.equal(results.itemsTotal, 5.475e16);
  assert.equal(results.logsPerDay, 2e13);
  assert.equal(results.logsTotal, 2.19e16);
  assert.equal(results.total, 7.665e16);
});

test("embedding: 1e9 × 256 × 4 B = 1.024 TB; PQ 64 × 8 bits = 64 B → 64 GB; HNSW M=16 → 128 GB graph", () => {
  const { results } = f.embeddingMemory({ vectors: 1e9, dim: 256, bytesPerValue: 4, pqSubvectors: 64, pqBits: 8, hnswM: 16 });
  assert.equal(results.raw, 1.024e12);
  assert.equal(results.pqCode, 64);
  assert.equal(results.pq, 6.4e10);
  assert.equal(results.graph, 1.28e11);
  assert.equal(results.hnswTotal, 1.152e12);
  assert.equal(results.compression, 16);
});

test("serving: 50k QPS × 20 ms = 1,000 in flight ÷ (16 × 0.6) = 104.2 → 105 CPU; 750 ÷ (256 × 0.6) = 4.9 → 5 GPU", () => {
  const { results } = f.servingCapacity({ qps: 50000, utilization: 0.6, cpuLatencyMs: 20, cpuParallel: 16, cpuPrice: 0.8,
                                          gpuLatencyMs: 15, gpuBatch: 256, gpuPrice: 3 });
  assert.equal(results.cpuReplicas, 105);
  assert.equal(results.gpuReplicas, 5);
  close(results.cpuCost, 84);
  close(results.gpuCost, 15);
});

test("replicas: an exact multiple does not round up, and there is always one replica", () => {
  assert.equal(f.replicas({ qps: 100, latencyMs: 100, parallelPerReplica: 10, utilization: 0.5 }).count, 2);
  assert.equal(f.replicas({ qps: 0.001, latencyMs: 1, parallelPerReplica: 10, utilization: 0.5 }).count, 1);
});

test("LLM: 70 B × 2 B = 140 GB; KV 2 × 80 × 8 × 128 × 2 = 327,680 B/token; × 8,192 × 32 = 85.9 GB", () => {
  const { results } = f.llmServing({ paramsB: 70, bytesPerParam: 2, layers: 80, kvHeads: 8, headDim: 128, kvBytes: 2,
                                     contextTokens: 8192, concurrentSeqs: 32, gpuMemoryGB: 80, usableFraction: 0.9,
                                     tokensPerSecNeeded: 5000, tokensPerSecPerGpu: 1000, gpuHourPrice: 2.5 });
  assert.equal(results.weights, 1.4e11);
  assert.equal(results.kvPerToken, 327680);
  assert.equal(results.kvTotal, 85899345920);
  // (140 + 85.9) GB ÷ 72 GB = 3.14 → 4 GPUs for memory; 5,000 ÷ 1,000 = 5 for throughput.
  assert.equal(results.gpusForMemory, 4);
  assert.equal(results.gpusForThroughput, 5);
  assert.equal(results.gpus, 5);
  // 5 × $2.5 = $12.5/h over 5,000 × 3,600 = 1.8e7 tokens/h → $0.000694 per 1,000 tokens.
  close(results.costPer1k, 12.5 / 1.8e7 * 1000);
});

test("training: 1e12 tokens × 6 × 7e9 = 4.2e22 FLOPs ÷ (256 × 989e12 × 0.4) = 414,700 s ≈ 4.8 days", () => {
  const { results } = f.trainingTime({ examples: 1e12, flopsPerExample: 4.2e10, epochs: 1, gpus: 256, peakTflops: 989, utilization: 0.4 });
  assert.equal(results.totalFlops, 4.2e22);
  close(results.flopsPerSecond, 1.012736e17);
  close(results.seconds, 4.2e22 / 1.012736e17);
  assert.ok(results.days > 4.79 && results.days < 4.81, String(results.days));
});

test("normal quantiles match tables: z(0.975) = 1.959964, z(0.8) = 0.841621, z(0.001) = −3.090232", () => {
  close(f.normalQuantile(0.975), 1.959963985, 1e-8);
  close(f.normalQuantile(0.8), 0.841621234, 1e-8);
  close(f.normalQuantile(0.001), -3.090232306, 1e-8);
  assert.throws(() => f.normalQuantile(1), RangeError);
});

test("A/B: p 5% → 5.1%, (1.96 + 0.8416)² × (0.0475 + 0.048399) ÷ 0.001² ≈ 752,690 per arm; 16 days at 100k/day", () => {
  const { results } = f.abSampleSize({ baseline: 0.05, relativeMde: 0.02, alpha: 0.05, power: 0.8, dailyUsers: 1e6, trafficShare: 0.1 });
  close(results.p2, 0.051);
  const expected = (1.959963985 + 0.841621234) ** 2 * (0.05 * 0.95 + 0.051 * 0.949) / 0.001 ** 2;
  assert.ok(Math.abs(results.perArm - expected) <= 1, `${results.perArm} vs ${expected}`);
  assert.ok(results.perArm > 752000 && results.perArm < 753500);
  assert.equal(results.days, Math.ceil(2 * results.perArm / 1e5));
});

test("formatting: significant figures, decimal byte units, durations", () => {
  assert.equal(f.fmt(115740.74), "116,000");
  assert.equal(f.fmt(0.0125), "0.0125");
  assert.equal(f.fmt(8192), "8,192");
  assert.equal(f.fmt(6.944e-4), "0.000694");
  assert.equal(f.fmt(2.5e18), "2.50e+18");
  assert.equal(f.fmtBytes(1.024e12), "1.02 TB");
  assert.equal(f.fmtBytes(327680), "328 kB");
  assert.equal(f.fmtDuration(90), "90 s");
  assert.equal(f.fmtDuration(414700), "4.8 days");
});

test("input validation: empty, text, negative, too large, fractional integers, separators", () => {
  const lim = { min: 1, max: 1e6, integer: true };
  assert.match(parseField("", "Replicas", "copies", lim)[1], /enter a number/);
  assert.match(parseField("abc", "Replicas", "copies", lim)[1], /not a number/);
  assert.match(parseField("-3", "Replicas", "copies", lim)[1], /at least 1/);
  assert.match(parseField("1e400", "Replicas", "copies", lim)[1], /too large/);
  assert.match(parseField("1e9", "Replicas", "copies", lim)[1], /at most/);
  assert.match(parseField("2.5", "Replicas", "copies", lim)[1], /whole number/);
  assert.deepEqual(parseField("1,000", "Replicas", "copies", lim), [1000, null]);
  assert.deepEqual(parseField(" 3e2 ", "Replicas", "copies", lim), [300, null]);
});

test("messages and inputs read as people write them", () => {
  assert.equal(unitFor(1, "users"), "user");
  assert.equal(unitFor(1, "copies"), "copy");
  assert.equal(unitFor(2, "users"), "users");
  assert.equal(unitFor(1, "requests/s"), "requests/s");
  assert.equal(unitFor(1, "ms"), "ms");
  assert.equal(parseField("0", "Daily active users", "users", { min: 1, max: 10 })[1],
               "Daily active users must be at least 1 user.");
  assert.equal(inputText(500000000), "500,000,000");
  assert.equal(inputText(0.6), "0.6");
});

test("arithmetic steps add up: exact values use =, rounded ones ≈", () => {
  const steps = f.traffic({ dau: 5e8, actionsPerUser: 20, peakFactor: 3 }).steps;
  assert.equal(steps[1], "Average QPS = 10,000,000,000 ÷ 86,400 s ≈ 115,741");
  assert.equal(steps[2], "Peak QPS = 115,741 × 3 ≈ 347,222");
  assert.equal(f.eq(10000), "= 10,000");
  assert.equal(f.fs(4.2e22), "4.2 × 10²²");
});

test("LLM serving: time to first token, per-user speed and cost per million tokens", () => {
  // Llama 3 70B in fp8 on a 4-GPU H100 replica, 128 sequences of 2,200 tokens (the LLM serving case):
  // weights 70 GB in fp8; the KV cache stays in bf16: 2 × 80 × 8 × 128 × 2 B = 327,680 B per token.
  const r = f.llmServing({ paramsB: 70, bytesPerParam: 1, layers: 80, kvHeads: 8, headDim: 128, kvBytes: 2,
    contextTokens: 2200, concurrentSeqs: 128, gpuMemoryGB: 80, usableFraction: 0.9,
    tokensPerSecNeeded: 60000, tokensPerSecPerGpu: 650, gpuHourPrice: 2.5,
    promptTokens: 1000, gpusPerReplica: 4, batchPerReplica: 128, peakTflops: 1979, mfu: 0.4,
    bandwidthGBs: 3350, bandwidthEfficiency: 0.6 }).results;
  // prefill: 2 × 70e9 × 1,000 = 1.4e14 FLOPs ÷ (4 × 1,979e12 × 0.4 = 3.166e15) = 44.2 ms
  assert.ok(Math.abs(r.ttftMs - 44.2) < 0.1, String(r.ttftMs));
  // step: (70e9 + 128 × 327,680 × 2,200 = 9.227e10) = 1.623e11 B ÷ (4 × 3,350e9 × 0.6 = 8.04e12) = 20.2 ms
  assert.ok(Math.abs(r.stepMs - 20.18) < 0.05, String(r.stepMs));
  assert.ok(Math.abs(r.tokensPerUser - 49.6) < 0.1, String(r.tokensPerUser));
  // 93 GPUs × $2.50 ÷ (60,000 × 3,600) × 10^6 = $1.076 per million
  assert.equal(r.gpus, 93);
  assert.ok(Math.abs(r.costPerMillion - 1.0764) < 0.001, String(r.costPerMillion));
});
