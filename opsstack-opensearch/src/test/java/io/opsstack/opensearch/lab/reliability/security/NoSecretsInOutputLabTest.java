package io.opsstack.opensearch.lab.reliability.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsAuthException;
import io.opsstack.api.event.CollectingListener;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.http.Credentials;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationResult;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.secret.Secret;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.ops.TierMoveRequest;
import io.opsstack.testkit.opensearch.security.LabSecurity;

/**
 * A full run against the secured lab with passwords in play — plan, apply with every built-in
 * listener, a 403 from a read-only user and a 401 from a wrong password — after which neither the
 * log output nor any rendered, JSON, map, {@code toString()} or Java-serialised form contains a
 * password, an {@code Authorization} header value or the node's private key.
 */
class NoSecretsInOutputLabTest extends SecuredLabSupport {

    private static final String WRONG_PASSWORD = "wrong-Pa55word-7";

    @Test
    void noPasswordHeaderOrKeyMaterialAppearsAnywhere() throws IOException {
        String index = LabSupport.uniqueIndex("no-secrets");
        List<Object> surfaces = new ArrayList<>();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try (OpenSearchOps admin = admin();
             OpenSearchOps reader = readOnly();
             OpenSearchOps wrong = ops(security.adminUser(),
                     Secret.of(WRONG_PASSWORD))) {
            surfaces.addAll(List.of(admin, admin.options(), reader.options(), wrong.options(), security, lab,
                    Credentials.basic(security.adminUser(), security.adminPassword()), security.adminAuthorization()));
            admin.createIndex(index, Map.of("index.number_of_replicas", 0));

            Operation<Void> move = admin.tierMove(TierMoveRequest.builder().index(index).tier("hot").build());
            Plan plan = move.plan();
            surfaces.addAll(List.of(plan, plan.render(), plan.toJson(), plan.toMap(), plan.summary()));
            CollectingListener events = ProgressListeners.collecting();
            StringBuilder jsonLines = new StringBuilder();
            OperationResult<Void> result = move.apply(plan, ApplyOptions.builder().journalDirectory(dir.resolve("journal"))
                    .listener(ProgressListeners.composite(events, ProgressListeners.slf4j(),
                            ProgressListeners.jsonLines(jsonLines), ProgressListeners.printStream(capture)))
                    .build());
            assertEquals(OperationStatus.SUCCEEDED, result.status());
            surfaces.addAll(List.of(result, result.toMap(), events.events(), jsonLines));
            serialise(plan, result);

            Operation<Void> forbidden = reader.tierMove(TierMoveRequest.builder().index(index).tier("hot").build());
            Plan forbiddenPlan = forbidden.plan();
            OpsAuthException denied = assertThrows(OpsAuthException.class, () -> reader.putIndexSettings(index,
                    Map.of("index.number_of_replicas", 1)));
            assertEquals(403, denied.statusCode());
            OpsAuthException rejected = assertThrows(OpsAuthException.class, wrong::health);
            assertEquals(401, rejected.statusCode());
            surfaces.addAll(List.of(forbiddenPlan.toJson(), describe(denied), describe(rejected)));
            serialise(denied, rejected);
            admin.deleteIndex(index);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains(index), "the capture saw the run's progress output: " + logText);
        assertThrows(AssertionError.class, () -> assertNoSecret("control", "x" + security.readOnlyPassword().reveal()),
                "the check itself finds a password");
        assertNoSecret("log output", logText);
        assertNoSecret("results, plans, events, exceptions and toString()", surfaces.toString());
    }

    private final ByteArrayOutputStream serialised = new ByteArrayOutputStream();

    private void serialise(Serializable... values) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
            for (Serializable value : values) {
                out.writeObject(value);
            }
        }
        // Java serialisation writes ASCII strings verbatim
        assertNoSecret("Java-serialised forms", serialised.toString(StandardCharsets.ISO_8859_1));
    }

    private static String describe(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return error + "\n" + trace;
    }

    private void assertNoSecret(String where, String text) throws IOException {
        for (String secret : secrets()) {
            assertFalse(text.contains(secret), where + " contain secret material (" + secret.length() + " chars)");
        }
    }

    private static List<String> secrets() throws IOException {
        List<String> secrets = new ArrayList<>();
        for (String user : List.of(security.adminUser(), security.readOnlyUser())) {
            Secret password = user.equals(security.adminUser()) ? security.adminPassword() : security.readOnlyPassword();
            secrets.add(password.reveal());
            secrets.add(Base64.getEncoder().encodeToString((user + ":" + password.reveal())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        secrets.add(WRONG_PASSWORD);
        secrets.add(Base64.getEncoder().encodeToString((security.adminUser() + ":" + WRONG_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
        Path nodeKey = Path.of(lab.node(NODE).directory()).resolve("config").resolve(LabSecurity.NODE_KEY);
        for (String line : Files.readAllLines(nodeKey)) {
            if (!line.startsWith("-----")) {
                secrets.add(line);
            }
        }
        secrets.add("PRIVATE KEY");
        return secrets;
    }
}
