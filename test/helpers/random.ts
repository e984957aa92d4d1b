/** Seeded random numbers for the tests: the one generator of tools/seeded-random.ts, shared with the benchmark. */
export { seededRandom } from "../../tools/seeded-random.ts";
