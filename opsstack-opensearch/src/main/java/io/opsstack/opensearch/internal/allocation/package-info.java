/**
 * Internal: parsers of the allocation APIs, the exclusion-list and recovery-throttle editors, and the
 * in-memory cluster snapshot the drain and relocation planners work on. Not a supported API; may
 * change without notice. Classes are stateless or immutable and thread-safe unless stated.
 */
package io.opsstack.opensearch.internal.allocation;
