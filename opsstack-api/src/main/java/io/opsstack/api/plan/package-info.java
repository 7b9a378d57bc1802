/**
 * Plans: the readable, serialisable description of what an operation will do, made by reading
 * the system only, with per-step guards, before/after values and a state fingerprint.
 *
 * <p>Supported API. All types are immutable and thread-safe; values are non-null unless
 * documented otherwise. The JSON and map forms carry a {@code format_version}: a minor increment
 * only adds fields, a major one may break readers.
 */
package io.opsstack.api.plan;
