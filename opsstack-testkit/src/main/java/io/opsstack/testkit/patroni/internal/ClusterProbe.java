package io.opsstack.testkit.patroni.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.error.OpsException;
import io.opsstack.api.internal.json.Json;

/**
 * Reads a Patroni member's {@code /cluster} and {@code /patroni} for the lab's own waits; any
 * failure (not up yet, not JSON) reads as "no answer". Thread-safe.
 */
public final class ClusterProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** What the lab waits for: the leader's name and the members that are healthy replicas of it. */
    public record Topology(String leader, List<String> streamingReplicas, String problem) {
        public boolean isHealthy(int expectedMembers) {
            return leader != null && streamingReplicas.size() == expectedMembers - 1;
        }
    }

    /** The {@code /cluster} JSON of the member, if it answers. */
    public Optional<Map<String, Object>> cluster(URI rest) {
        return getJson(rest.resolve("/cluster"));
    }

    /** The {@code /patroni} JSON of the member, if it answers. */
    public Optional<Map<String, Object>> status(URI rest) {
        return getJson(rest.resolve("/patroni"));
    }

    /**
     * The topology as {@code rest} sees it: the leader (running) and the replicas that run on the
     * leader's timeline with lag 0 and are listed as {@code streaming} in the leader's own
     * {@code /patroni} replication list (by application name = member name).
     *
     * @param leaderRole {@code leader} or {@code standby_leader}
     */
    @SuppressWarnings("unchecked")
    public Topology topology(URI rest, String leaderRole, boolean checkStreaming) {
        Optional<Map<String, Object>> cluster = cluster(rest);
        if (cluster.isEmpty()) {
            return new Topology(null, List.of(), rest + " does not answer /cluster");
        }
        List<Map<String, Object>> members = (List<Map<String, Object>>) cluster.get().getOrDefault("members", List.of());
        Map<String, Object> leader = null;
        for (Map<String, Object> member : members) {
            if (leaderRole.equals(member.get("role")) && "running".equals(member.get("state"))) {
                leader = member;
            }
        }
        if (leader == null) {
            return new Topology(null, List.of(), "no running " + leaderRole + " in " + members);
        }
        List<String> streaming = checkStreaming ? streamingClients(leader) : null;
        List<String> healthy = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (Map<String, Object> member : members) {
            if (member == leader) {
                continue;
            }
            String name = String.valueOf(member.get("name"));
            boolean ok = isReplicaState(member.get("state")) && Long.valueOf(0).equals(asLong(member.get("lag")))
                    && String.valueOf(member.get("timeline")).equals(String.valueOf(leader.get("timeline")))
                    && (streaming == null || streaming.contains(name));
            if (ok) {
                healthy.add(name);
            } else {
                problems.append(name).append(' ').append(member).append("; ");
            }
        }
        return new Topology(String.valueOf(leader.get("name")), List.copyOf(healthy),
                problems.length() == 0 ? null : problems.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> streamingClients(Map<String, Object> leader) {
        Object apiUrl = leader.get("api_url");
        if (apiUrl == null) {
            return List.of();
        }
        Optional<Map<String, Object>> status = status(URI.create(String.valueOf(apiUrl)));
        List<String> names = new ArrayList<>();
        status.ifPresent(s -> {
            for (Map<String, Object> connection : (List<Map<String, Object>>) s.getOrDefault("replication", List.of())) {
                if ("streaming".equals(connection.get("state"))) {
                    names.add(String.valueOf(connection.get("application_name")));
                }
            }
        });
        return names;
    }

    /** True when etcd answers {@code /health} with {@code "health":"true"}. */
    public boolean etcdHealthy(URI etcd) {
        return getJson(etcd.resolve("/health")).map(health -> "true".equals(String.valueOf(health.get("health"))))
                .orElse(false);
    }

    private static boolean isReplicaState(Object state) {
        return "running".equals(state) || "streaming".equals(state);
    }

    private static Long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private Optional<Map<String, Object>> getJson(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(Json.parseObject(response.body(), uri.toString()));
        } catch (IOException | OpsException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            throw OpsCancelledException.interrupted("probing " + uri, e);
        }
    }
}
