package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.http.TlsOptions;
import io.opsstack.api.secret.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Builds the {@link SSLContext} described by {@link TlsOptions}. */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    /** Protects only the in-memory store built from PEM files; it is never written anywhere. */
    private static final char[] IN_MEMORY_STORE_PASSWORD = "in-memory".toCharArray();

    private TlsContexts() {
    }

    public static SSLContext create(TlsOptions tls, String serviceName) {
        try {
            TrustManager[] trustManagers;
            if (tls.insecureTrustAll()) {
                LOG.warn("TLS certificate and hostname verification are DISABLED for {} (insecureTrustAll): "
                        + "any server can impersonate it and read its credentials. Use only in throw-away labs.", serviceName);
                trustManagers = new TrustManager[] {new TrustAllManager()};
            } else {
                trustManagers = trustManagers(tls);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new OpsValidationException("cannot set up TLS for " + serviceName + ": " + e.getMessage());
        }
    }

    /** Null (JVM default trust) unless a CA file or trust store is given; both together are merged. */
    private static TrustManager[] trustManagers(TlsOptions tls) throws GeneralSecurityException {
        if (tls.caCertificate().isEmpty() && tls.trustStore().isEmpty()) {
            return null;
        }
        KeyStore trusted = tls.trustStore().isPresent() ? load(tls.trustStore().get(), "trust store") : emptyStore();
        if (tls.caCertificate().isPresent()) {
            List<X509Certificate> authorities = PemFiles.certificates(tls.caCertificate().get(), "CA certificate file");
            for (int i = 0; i < authorities.size(); i++) {
                trusted.setCertificateEntry("opsstack-ca-" + i, authorities.get(i));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsOptions tls) throws GeneralSecurityException {
        KeyStore keys;
        char[] password;
        if (tls.keyStore().isPresent()) {
            TlsOptions.StoreRef store = tls.keyStore().get();
            keys = load(store, "key store");
            password = store.password().map(Secret::revealChars).orElse(new char[0]);
        } else if (tls.clientCertificate().isPresent()) {
            List<X509Certificate> chain = PemFiles.certificates(tls.clientCertificate().get(), "client certificate file");
            PrivateKey key = PemFiles.privateKey(tls.clientKey().orElseThrow(),
                    chain.get(0).getPublicKey().getAlgorithm(), "client key file");
            keys = emptyStore();
            password = IN_MEMORY_STORE_PASSWORD;
            keys.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        } else {
            return null;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        return factory.getKeyManagers();
    }

    private static KeyStore load(TlsOptions.StoreRef store, String what) throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.type());
        try (InputStream in = Files.newInputStream(store.path())) {
            keyStore.load(in, store.password().map(Secret::revealChars).orElse(null));
        } catch (IOException e) {
            throw new OpsValidationException("cannot read " + what + " " + store.path() + " (" + store.type() + "): "
                    + e.getMessage());
        }
        return keyStore;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an empty PKCS12 store", e);
        }
        return store;
    }
}
