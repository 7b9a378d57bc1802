/**
 * Internal: URL layouts, JSON and flag parsing, health rules and the topology check behind the
 * VictoriaMetrics clients. Not a supported API; it may change in any release. Classes are thread-safe.
 */
package io.opsstack.victoria.internal;
