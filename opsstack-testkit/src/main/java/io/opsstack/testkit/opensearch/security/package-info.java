/**
 * Security for {@link io.opsstack.testkit.opensearch.OpenSearchLab}: {@link
 * io.opsstack.testkit.opensearch.security.LabSecurity} generates a lab's certificate authority,
 * node certificate and internal users for the real OpenSearch security plugin (TLS on HTTP and
 * transport, basic auth). Supported test-kit API; values are non-null unless documented; {@code
 * LabSecurity} is immutable and thread-safe.
 */
package io.opsstack.testkit.opensearch.security;
