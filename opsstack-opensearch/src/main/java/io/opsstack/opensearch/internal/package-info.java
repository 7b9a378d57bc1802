/**
 * Internal parsing and wiring of the OpenSearch module. Not supported API: may change in any release.
 * Everything here is stateless or immutable and thread-safe.
 */
package io.opsstack.opensearch.internal;
