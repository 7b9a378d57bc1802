/**
 * Rolling restart benchmarks: wall time of opsstack's rolling restart against the community and the official
 * sequences on one real lab with the same data, each under a writing and reading client.
 */
package io.opsstack.bench.restart;
