/**
 * Values read from and sent to OpenSearch: health, nodes, shard rows, cluster and index settings.
 *
 * <p>Supported public API. Records are immutable, {@link java.io.Serializable} and thread-safe, and
 * offer {@code toMap()} for scripts. Components are non-null unless their documentation says
 * otherwise. Parsing is lenient about fields the server adds and strict about the fields opsstack
 * relies on.
 */
package io.opsstack.opensearch.model;
