package io.opsstack.api.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.http.OptionMaps;
import io.opsstack.api.secret.Secret;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * TLS settings for HTTPS endpoints: which servers to trust (PEM CA certificates and/or a trust
 * store; the JVM default trust otherwise), an optional client certificate (PEM certificate chain
 * plus unencrypted PKCS#8 RSA or EC key, or a key store) and hostname verification, on by default.
 *
 * <p>{@link Builder#insecureTrustAll()} turns off certificate and hostname checks; it exists for
 * throw-away labs and logs a warning each time a transport is created with it.
 */
public final class TlsOptions {
    private static final TlsOptions DEFAULTS = builder().build();
    private static final Set<String> MAP_KEYS = Set.of("ca_certificate", "trust_store", "trust_store_password",
            "trust_store_password_env", "trust_store_type", "client_certificate", "client_key", "key_store",
            "key_store_password", "key_store_password_env", "key_store_type", "hostname_verification",
            "insecure_trust_all");

    private final Path caCertificate;
    private final StoreRef trustStore;
    private final Path clientCertificate;
    private final Path clientKey;
    private final StoreRef keyStore;
    private final boolean hostnameVerification;
    private final boolean insecureTrustAll;

    private TlsOptions(Builder b) {
        this.caCertificate = b.caCertificate;
        this.trustStore = b.trustStore;
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
        this.keyStore = b.keyStore;
        this.hostnameVerification = b.hostnameVerification && !b.insecureTrustAll;
        this.insecureTrustAll = b.insecureTrustAll;
    }

    /** JVM default trust, no client certificate, hostname verification on. */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From a script map with keys {@code ca_certificate}, {@code trust_store},
     * {@code trust_store_password[_env]}, {@code trust_store_type}, {@code client_certificate},
     * {@code client_key}, {@code key_store}, {@code key_store_password[_env]}, {@code key_store_type},
     * {@code hostname_verification}, {@code insecure_trust_all}.
     */
    public static TlsOptions fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return DEFAULTS;
        }
        OptionMaps.requireKnownKeys(map, MAP_KEYS, "tls");
        Builder b = builder();
        Path ca = OptionMaps.path(map, "ca_certificate");
        if (ca != null) {
            b.caCertificate(ca);
        }
        Path trustStore = OptionMaps.path(map, "trust_store");
        if (trustStore != null) {
            b.trustStore(trustStore, OptionMaps.secret(map, "trust_store_password"), OptionMaps.string(map, "trust_store_type"));
        }
        Path certificate = OptionMaps.path(map, "client_certificate");
        Path key = OptionMaps.path(map, "client_key");
        if (certificate != null || key != null) {
            if (certificate == null || key == null) {
                throw new OpsValidationException("tls needs both 'client_certificate' and 'client_key'");
            }
            b.clientCertificate(certificate, key);
        }
        Path keyStore = OptionMaps.path(map, "key_store");
        if (keyStore != null) {
            b.keyStore(keyStore, OptionMaps.requiredSecret(map, "key_store_password", "tls key_store"),
                    OptionMaps.string(map, "key_store_type"));
        }
        Boolean verify = OptionMaps.bool(map, "hostname_verification");
        if (verify != null) {
            b.hostnameVerification(verify);
        }
        if (Boolean.TRUE.equals(OptionMaps.bool(map, "insecure_trust_all"))) {
            b.insecureTrustAll();
        }
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.caCertificate = caCertificate;
        b.trustStore = trustStore;
        b.clientCertificate = clientCertificate;
        b.clientKey = clientKey;
        b.keyStore = keyStore;
        b.hostnameVerification = hostnameVerification;
        b.insecureTrustAll = insecureTrustAll;
        return b;
    }

    /** PEM file with one or more CA certificates to trust. */
    public Optional<Path> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    public Optional<StoreRef> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** PEM file with the client certificate, optionally followed by its chain. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** PEM file with the client certificate's unencrypted PKCS#8 private key. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    public Optional<StoreRef> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    public boolean insecureTrustAll() {
        return insecureTrustAll;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsOptions t && Objects.equals(caCertificate, t.caCertificate)
                && Objects.equals(trustStore, t.trustStore) && Objects.equals(clientCertificate, t.clientCertificate)
                && Objects.equals(clientKey, t.clientKey) && Objects.equals(keyStore, t.keyStore)
                && hostnameVerification == t.hostnameVerification && insecureTrustAll == t.insecureTrustAll;
    }

    @Override
    public int hashCode() {
        return Objects.hash(caCertificate, trustStore, clientCertificate, clientKey, keyStore, hostnameVerification,
                insecureTrustAll);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("TlsOptions[");
        if (insecureTrustAll) {
            out.append("INSECURE trust-all");
        } else {
            out.append(caCertificate == null && trustStore == null ? "trust=jvm-default" : "trust=")
                    .append(caCertificate == null ? "" : "ca:" + caCertificate)
                    .append(caCertificate != null && trustStore != null ? "+" : "")
                    .append(trustStore == null ? "" : trustStore)
                    .append(", hostnameVerification=").append(hostnameVerification);
        }
        if (clientCertificate != null) {
            out.append(", clientCertificate=").append(clientCertificate);
        }
        if (keyStore != null) {
            out.append(", keyStore=").append(keyStore);
        }
        return out.append(']').toString();
    }

    /** A key or trust store file, its password (may be null for a trust store) and type (e.g. PKCS12, JKS). */
    public static final class StoreRef {
        private final Path path;
        private final Secret password;
        private final String type;

        StoreRef(Path path, Secret password, String type) {
            this.path = Objects.requireNonNull(path, "store path");
            this.password = password;
            this.type = type == null || type.isBlank() ? "PKCS12" : type;
        }

        public Path path() {
            return path;
        }

        public Optional<Secret> password() {
            return Optional.ofNullable(password);
        }

        public String type() {
            return type;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoreRef s && path.equals(s.path) && Objects.equals(password, s.password)
                    && type.equals(s.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, password, type);
        }

        @Override
        public String toString() {
            return type + ":" + path;
        }
    }

    /** Not thread-safe; build once and share the resulting {@link TlsOptions}. */
    public static final class Builder {
        private Path caCertificate;
        private StoreRef trustStore;
        private Path clientCertificate;
        private Path clientKey;
        private StoreRef keyStore;
        private boolean hostnameVerification = true;
        private boolean insecureTrustAll;

        private Builder() {
        }

        public Builder caCertificate(Path pem) {
            this.caCertificate = Objects.requireNonNull(pem, "pem");
            return this;
        }

        /** @param password may be null for stores without integrity password; type null means PKCS12 */
        public Builder trustStore(Path path, Secret password, String type) {
            this.trustStore = new StoreRef(path, password, type);
            return this;
        }

        public Builder clientCertificate(Path certPem, Path keyPem) {
            this.clientCertificate = Objects.requireNonNull(certPem, "certPem");
            this.clientKey = Objects.requireNonNull(keyPem, "keyPem");
            return this;
        }

        /** The key password must equal the store password; type null means PKCS12. */
        public Builder keyStore(Path path, Secret password, String type) {
            this.keyStore = new StoreRef(path, Objects.requireNonNull(password, "key store password"), type);
            return this;
        }

        public Builder hostnameVerification(boolean enabled) {
            this.hostnameVerification = enabled;
            return this;
        }

        /** Trusts every certificate and skips hostname checks. For labs only; logged as a warning. */
        public Builder insecureTrustAll() {
            this.insecureTrustAll = true;
            return this;
        }

        public TlsOptions build() {
            if (insecureTrustAll && (caCertificate != null || trustStore != null)) {
                throw new OpsValidationException("insecureTrustAll cannot be combined with a CA certificate or trust store");
            }
            if (clientCertificate != null && keyStore != null) {
                throw new OpsValidationException("give a client certificate either as PEM files or as a key store, not both");
            }
            return new TlsOptions(this);
        }
    }
}
