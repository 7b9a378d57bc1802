/**
 * Internal machinery of {@link io.opsstack.testkit.opensearch.security.LabSecurity}: a JDK-only
 * X.509 certificate writer (DER encoding, RSA keys, SHA-256 signatures), PEM export and BCrypt
 * password hashes made with the security plugin's own BouncyCastle jar. Not a supported API; it
 * may change in any release. Classes are thread-safe unless stated otherwise.
 */
package io.opsstack.testkit.opensearch.security.internal;
