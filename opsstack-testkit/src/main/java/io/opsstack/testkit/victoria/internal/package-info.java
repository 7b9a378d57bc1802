/**
 * Internal: lab process control for the VictoriaMetrics labs. Not a supported API; it may change in
 * any release. Classes are thread-safe unless stated otherwise.
 */
package io.opsstack.testkit.victoria.internal;
