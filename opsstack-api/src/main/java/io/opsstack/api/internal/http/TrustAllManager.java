package io.opsstack.api.internal.http;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** Accepts every server certificate; used only for {@code TlsOptions.insecureTrustAll()}. */
final class TrustAllManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusts everything by design
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusts everything by design
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusts everything by design
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusts everything by design
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // trusts everything by design
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trusts everything by design
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
