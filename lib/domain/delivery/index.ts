/**
 * Delivery measures (issue 14): DORA from the pipeline data Shipboard receives, and each card's road
 * to production. Read a project's history once with `analyzeDeliveries`, then ask for a range's
 * measures (`deliveryMetrics`) or a card's road (`cardDelivery`).
 */
export { DORA_2024_BENCHMARK, DORA_BENCHMARK_LABEL, bandsContaining, type BenchmarkBand, type BenchmarkLevel, type RateBenchmark } from "./benchmark";
export { cardDelivery, type CardDelivery, type CardDeliveryFacts, type TimelineEvent } from "./card";
export { DEFAULT_PRODUCTION_ENVIRONMENTS, isProductionEnvironment } from "./environments";
export type { DeploymentFrequency, FrequencyBucket } from "./frequency";
export { analyzeDeliveries, incidentLinker, isCounted } from "./history";
export { deliveryMetrics, type DeliveryMetrics } from "./metrics";
export { shasByCard } from "./shipped";
export type * from "./types";
