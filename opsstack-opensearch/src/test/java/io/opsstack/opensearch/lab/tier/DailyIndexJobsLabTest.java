package io.opsstack.opensearch.lab.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.event.ProgressListeners;
import io.opsstack.api.journal.InMemoryJournal;
import io.opsstack.api.operation.ApplyOptions;
import io.opsstack.api.operation.Operation;
import io.opsstack.api.operation.OperationStatus;
import io.opsstack.api.plan.Plan;
import io.opsstack.api.plan.StepAction;
import io.opsstack.opensearch.OpenSearchOps;
import io.opsstack.opensearch.lab.LabSupport;
import io.opsstack.opensearch.model.IndexRow;
import io.opsstack.opensearch.model.IndexSettings;
import io.opsstack.opensearch.ops.IndexOpenCloseRequest;
import io.opsstack.opensearch.ops.PreCreateIndicesRequest;
import io.opsstack.opensearch.policy.IndexAge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jobs of the old daily scripts on a real cluster: pre-create tomorrow's indices, close/open by age. */
class DailyIndexJobsLabTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void preCreatesTomorrowsIndexFromATemplateOnlyOnce(String version) throws Exception {
        String prefix = LabSupport.uniqueIndex("logs-pre");
        String template = prefix + "-template";
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String tomorrow = prefix + "-" + DAY.format(today.plusDays(1));
        String dayAfter = prefix + "-" + DAY.format(today.plusDays(2));
        try (OpenSearchOps os = LabSupport.ops(version)) {
            putTemplate(version, template, prefix + "-*");
            Operation<Void> preCreate = os.preCreateIndices(PreCreateIndicesRequest.builder()
                    .namePattern(prefix + "-yyyy.MM.dd").template(template).asOf(now).build());
            Plan plan = preCreate.plan();
            assertTrue(plan.render().contains("create " + tomorrow + " from template " + template), plan.render());
            assertEquals(1, plan.steps().size());

            assertEquals(OperationStatus.SUCCEEDED, preCreate.apply(plan, options()).status());
            IndexSettings created = os.indexSettings(tomorrow);
            assertEquals("0", created.get("index.number_of_replicas"), "settings come from the template");
            assertEquals("hot", created.get("index.routing.allocation.require.temp"));
            assertEquals(StepAction.NO_OP, preCreate.plan().steps().get(0).action(), "an existing index is left alone");

            Operation<Void> explicit = os.preCreateIndices(PreCreateIndicesRequest.builder()
                    .namePattern(prefix + "-yyyy.MM.dd").days(2).asOf(now)
                    .setting("index.number_of_shards", 2).setting("index.number_of_replicas", 0).build());
            assertEquals(OperationStatus.SUCCEEDED, explicit.apply(explicit.plan(), options()).status());
            assertEquals("2", os.indexSettings(dayAfter).get("index.number_of_shards"));

            OpsValidationException missing = assertThrows(OpsValidationException.class, () -> os.preCreateIndices(
                    PreCreateIndicesRequest.builder().namePattern(prefix + "-x-yyyy.MM.dd").template(template + "-gone").build()).plan());
            assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
            OpsValidationException foreign = assertThrows(OpsValidationException.class, () -> os.preCreateIndices(
                    PreCreateIndicesRequest.builder().namePattern("metrics-" + prefix + "-yyyy.MM.dd").template(template).build()).plan());
            assertTrue(foreign.getMessage().contains("does not apply"), foreign.getMessage());
            assertTrue(os.indices(prefix + "-x-*").isEmpty() && os.indices("metrics-" + prefix + "-*").isEmpty());
        } finally {
            LabSupport.deleteIndices(version, tomorrow, dayAfter);
            send(version, "DELETE", "/_index_template/" + template, null);
        }
    }

    @ParameterizedTest
    @MethodSource("io.opsstack.opensearch.lab.LabSupport#versions")
    void closesOldIndicesAndReopensARange(String version) {
        String prefix = LabSupport.uniqueIndex("logs-oc");
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String fresh = prefix + "-" + DAY.format(today);
        String older = prefix + "-" + DAY.format(today.minusDays(10));
        String oldest = prefix + "-" + DAY.format(today.minusDays(40));
        IndexAge age = IndexAge.fromName(prefix + "-yyyy.MM.dd");
        try (OpenSearchOps os = LabSupport.ops(version)) {
            for (String index : List.of(fresh, older, oldest)) {
                TierRunLabTest.create(os, index, 0, true);
            }
            long oldestCount = os.count(oldest);

            Operation<Void> close = os.openCloseIndices(IndexOpenCloseRequest.close(Duration.ofDays(7)).age(age).asOf(now).build());
            Plan closePlan = close.plan();
            assertEquals(2, closePlan.steps().size(), closePlan.render());
            assertEquals(OperationStatus.SUCCEEDED, close.apply(closePlan, options()).status());
            assertEquals(Map.of(fresh, "open", older, "close", oldest, "close"), statuses(os, prefix));

            Operation<Void> open = os.openCloseIndices(IndexOpenCloseRequest.open(Duration.ofDays(30)).age(age).asOf(now).build());
            assertEquals(OperationStatus.SUCCEEDED, open.apply(open.plan(), options()).status());
            assertEquals(Map.of(fresh, "open", older, "close", oldest, "open"), statuses(os, prefix));
            assertEquals(oldestCount, os.count(oldest), "documents survive close and open");
            assertFalse(close.plan().steps().stream().anyMatch(s -> s.target().equals(older) && s.action() != StepAction.NO_OP));
        } finally {
            LabSupport.deleteIndices(version, fresh, older, oldest);
        }
    }

    private static Map<String, String> statuses(OpenSearchOps os, String prefix) {
        return os.indices(prefix + "-*").stream().collect(Collectors.toMap(IndexRow::index, IndexRow::status));
    }

    private static ApplyOptions options() {
        return ApplyOptions.builder().listener(ProgressListeners.none()).journal(new InMemoryJournal()).build();
    }

    private static void putTemplate(String version, String name, String pattern) throws IOException, InterruptedException {
        String body = "{\"index_patterns\":[\"" + pattern + "\"],\"template\":{\"settings\":{\"index.number_of_shards\":1,"
                + "\"index.number_of_replicas\":0,\"index.routing.allocation.require.temp\":\"hot\"}}}";
        HttpResponse<String> response = send(version, "PUT", "/_index_template/" + name, body);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static HttpResponse<String> send(String version, String method, String path, String body) {
        URI endpoint = LabSupport.lab(version).httpEndpoints().get(0);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
