package io.opsstack.api.http;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.internal.resilience.RetryRunner;
import io.opsstack.api.secret.Secret;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsAndSecretsTest {
    private static final String PASSWORD = "s3cr3t-Pa55word";
    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final String API_KEY = "QXBpS2V5LXNlY3JldC12YWx1ZQ==";
    private static final String BASIC_VALUE = Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN, API_KEY, BASIC_VALUE);

    @Test
    void eachSchemeSendsItsAuthorizationHeader() throws IOException {
        assertEquals("Basic " + BASIC_VALUE, sentAuthorization(Credentials.basic("admin", Secret.of(PASSWORD))));
        assertEquals("Bearer " + TOKEN, sentAuthorization(Credentials.bearer(Secret.of(TOKEN))));
        assertEquals("ApiKey " + API_KEY, sentAuthorization(Credentials.apiKey(Secret.of(API_KEY))));
        assertNull(sentAuthorization(Credentials.none()));
    }

    @Test
    void credentialsFromMapMatchTheFactories() {
        assertEquals(Credentials.basic("admin", Secret.of(PASSWORD)),
                Credentials.fromMap(Map.of("type", "basic", "user", "admin", "password", PASSWORD)));
        assertEquals(Credentials.basic("admin", Secret.of(PASSWORD)),
                Credentials.fromMap(Map.of("user", "admin", "password", PASSWORD)));
        assertEquals(Credentials.bearer(Secret.of(TOKEN)), Credentials.fromMap(Map.of("type", "bearer", "token", TOKEN)));
        assertEquals(Credentials.apiKey(Secret.of(API_KEY)), Credentials.fromMap(Map.of("type", "api-key", "key", API_KEY)));
        assertEquals(Credentials.none(), Credentials.fromMap(Map.of("type", "none")));
        assertEquals(Credentials.none(), Credentials.fromMap(Map.of()));
    }

    @Test
    void badCredentialMapsFailWithoutEchoingSecrets() {
        OpsValidationException missing = assertThrows(OpsValidationException.class,
                () -> Credentials.fromMap(Map.of("type", "basic", "user", "admin")));
        assertTrue(missing.getMessage().contains("password"), missing.getMessage());

        OpsValidationException typo = assertThrows(OpsValidationException.class,
                () -> Credentials.fromMap(Map.of("type", "basic", "user", "admin", "pasword", PASSWORD)));
        assertTrue(typo.getMessage().contains("pasword"), typo.getMessage());
        assertNoSecret(typo.getMessage());

        OpsValidationException unsetEnv = assertThrows(OpsValidationException.class,
                () -> Credentials.fromMap(Map.of("type", "bearer", "token_env", "OPSSTACK_TEST_SURELY_UNSET_VARIABLE")));
        assertTrue(unsetEnv.getMessage().contains("OPSSTACK_TEST_SURELY_UNSET_VARIABLE"), unsetEnv.getMessage());
    }

    @Test
    void secretsStayOutOfToStringsExceptionsAndLogs() throws IOException {
        assertTrue(LoggerFactory.getLogger(RetryRunner.class).isDebugEnabled(), "test needs DEBUG retry logging");
        List<String> printed = new ArrayList<>();
        String logs;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ScriptedServer server = ScriptedServer.http()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String echo = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"rejected Authorization: Basic "
                    + BASIC_VALUE + " token=" + TOKEN + "\"},\"password\":\"" + PASSWORD + "\"}";
            server.reply(503, echo).reply(401, echo).reply(500, echo);
            HttpClientOptions options = HttpClientOptions.builder()
                    .endpoints(server.uri().toString())
                    .serviceName("opensearch")
                    .credentials(Credentials.basic("admin", Secret.of(PASSWORD)))
                    .defaultHeader("X-Auth-Token", TOKEN)
                    .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(1), Duration.ofMillis(1)))
                    .tls(TlsOptions.builder().keyStore(Path.of("client.p12"), Secret.of(PASSWORD), null).build())
                    .build();
            HttpClientOptions plainOptions = options.toBuilder().tls(TlsOptions.defaults()).build();
            try (HttpTransport transport = HttpTransport.create(plainOptions)) {
                HttpRequest request = HttpRequest.get("/_security/user").header("Authorization", "Bearer " + TOKEN)
                        .query("api_key", API_KEY).build();
                OpsAuthException auth = assertThrows(OpsAuthException.class,
                        () -> transport.execute(HttpRequest.get("/_security/user").build()));
                OpsServiceException service = assertThrows(OpsServiceException.class,
                        () -> transport.execute(HttpRequest.post("/_bulk").body("{}").build()));
                HttpResponse ok = transport.execute(HttpRequest.get("/").build());
                printed.addAll(describe(auth));
                printed.addAll(describe(service));
                printed.add(auth.bodyExcerpt());
                printed.add(service.bodyExcerpt());
                printed.add(options.toString());
                printed.add(options.tls().toString());
                printed.add(options.credentials().toString());
                printed.add(transport.toString());
                printed.add(request.toString());
                printed.add(request.describe());
                printed.add(ok.toString());
                printed.add(ok.toMap().toString());
                printed.add(Credentials.bearer(Secret.of(TOKEN)).toString());
                printed.add(Credentials.apiKey(Secret.of(API_KEY)).toString());
                assertEquals("Basic " + BASIC_VALUE, server.received().get(0).header("Authorization"));
                assertEquals(TOKEN, server.received().get(0).header("X-Auth-Token"));
            }
        } finally {
            System.setErr(originalErr);
            logs = captured.toString(StandardCharsets.UTF_8);
            originalErr.print(logs);
        }
        assertTrue(logs.contains("retrying opensearch GET /_security/user"), "retry log line was captured: " + logs);
        printed.add(logs);
        printed.forEach(CredentialsAndSecretsTest::assertNoSecret);
    }

    private static List<String> describe(OpsException e) {
        return List.of(e.getMessage(), e.toString(), e.reason());
    }

    private static void assertNoSecret(String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "secret leaked into: " + text);
        }
    }

    private static String sentAuthorization(Credentials credentials) throws IOException {
        try (ScriptedServer server = ScriptedServer.http();
             HttpTransport transport = HttpTransport.create(HttpClientOptions.builder()
                     .endpoints(server.uri().toString()).credentials(credentials).build())) {
            transport.execute(HttpRequest.get("/").build());
            return server.received().get(0).header("Authorization");
        }
    }
}
