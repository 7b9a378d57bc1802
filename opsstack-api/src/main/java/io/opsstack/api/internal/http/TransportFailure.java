package io.opsstack.api.internal.http;

import io.opsstack.api.error.OpsClientException;
import io.opsstack.api.error.OpsConnectException;
import io.opsstack.api.error.OpsTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An I/O failure of one attempt, classified: whether it is a timeout, whether a retry (possibly on
 * another endpoint) may help, and a short cause. Connection-level failures are retryable; TLS
 * trust and hostname problems are not (they fail the same way every time), nor are response
 * timeouts (the server may still be working on the request).
 *
 * @param cause short description for logs and retry reports
 * @param detail the sentence used in the exception message
 */
record TransportFailure(IOException exception, String cause, String detail, boolean timeout, boolean retryable) {

    static TransportFailure classify(IOException e) {
        String tls = tlsProblem(e);
        if (tls != null) {
            return new TransportFailure(e, tls, "TLS handshake failed: " + tls, false, false);
        }
        if (e instanceof ConnectTimeoutException) {
            return connect(e, "connect timed out");
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new TransportFailure(e, "no pooled connection free", "no pooled connection became free in time "
                    + "(raise maxConnections or the connection request timeout)", true, false);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportFailure(e, "response timed out", "no response within the response timeout", true, false);
        }
        if (e instanceof UnknownHostException) {
            return connect(e, "unknown host");
        }
        if (e instanceof NoRouteToHostException) {
            return connect(e, "no route to host");
        }
        if (e instanceof ConnectException) {
            return connect(e, "connection refused");
        }
        if (e instanceof NoHttpResponseException) {
            return connect(e, "server closed the connection without a response");
        }
        if (e instanceof SocketException) {
            return connect(e, "connection reset or broken");
        }
        return new TransportFailure(e, e.getClass().getSimpleName(), "I/O error: " + e.getMessage(), false, false);
    }

    private static TransportFailure connect(IOException e, String cause) {
        return new TransportFailure(e, cause, cause, false, true);
    }

    /** Names a TLS failure in terms a user can act on, or null when {@code e} is not one. */
    private static String tlsProblem(IOException e) {
        if (!(e instanceof SSLException)) {
            return null;
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return "hostname mismatch: the server certificate does not match the endpoint host ("
                    + e.getMessage() + "); fix the endpoint name or the certificate's subject alternative names";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return "server certificate not valid now (expired or not yet valid)";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return "server certificate not trusted: it does not chain to a trusted CA "
                        + "(check the CA certificate or trust store)";
            }
        }
        return "TLS error: " + e.getMessage();
    }

    /** TLS trust and name problems are configuration errors, not signs of an unhealthy endpoint. */
    boolean tls() {
        return exception instanceof SSLException;
    }

    OpsClientException toException(String message, String endpoint) {
        return timeout ? new OpsTimeoutException(message, exception, endpoint)
                : new OpsConnectException(message, exception, endpoint);
    }
}
