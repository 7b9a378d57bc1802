package io.opsstack.testkit.patroni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.internal.json.Json;
import io.opsstack.api.service.ServiceControl;
import io.opsstack.api.service.ServiceState;
import io.opsstack.testkit.internal.process.ShortCommands;

class PatroniLabTest {

    private static PatroniLab lab;

    @BeforeAll
    static void startLab() {
        lab = PatroniLab.shared();
    }

    @AfterEach
    void restore() {
        lab.ensureHealthy();
    }

    @Test
    void startsLeaderWithTwoStreamingReplicas() throws Exception {
        List<PatroniLabMember> members = lab.members();
        assertEquals(3, members.size());
        String leader = lab.leaderName();
        Map<String, Object> cluster = getJson(members.get(0).restUri().resolve("/cluster"));
        List<?> listed = (List<?>) cluster.get("members");
        assertEquals(3, listed.size());
        int replicas = 0;
        for (Object entry : listed) {
            Map<?, ?> member = (Map<?, ?>) entry;
            if (member.get("name").equals(leader)) {
                assertEquals("leader", member.get("role"));
            } else {
                assertEquals("replica", member.get("role"));
                assertEquals("running", member.get("state"));
                assertEquals(0, ((Number) member.get("lag")).intValue());
                replicas++;
            }
        }
        assertEquals(2, replicas);
        Map<String, Object> leaderStatus = getJson(lab.member(leader).restUri().resolve("/patroni"));
        assertEquals(2, ((List<?>) leaderStatus.get("replication")).size(), "leader streams to both replicas");
        for (PatroniLabMember member : members) {
            assertTrue(member.running());
            assertTrue(member.postmasterPid() > 0, member.name() + " has a postmaster");
        }
    }

    @Test
    void connectionStringReachesTheWritableLeader() {
        String conninfo = lab.connectionString();
        assertTrue(conninfo.contains("target_session_attrs=read-write"), conninfo);
        assertTrue(lab.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:"), lab.jdbcUrl());
        ShortCommands.Outcome outcome = ShortCommands.run(
                List.of("psql", "-X", "-A", "-t", "-c", "select pg_is_in_recovery(), current_setting('port')", conninfo),
                Map.of("PGPASSWORD", lab.superuserPassword().reveal()), Duration.ofSeconds(30));
        assertEquals(0, outcome.exitCode(), outcome.output());
        String leaderPort = Integer.toString(lab.member(lab.leaderName()).postgresPort());
        assertEquals("f|" + leaderPort, outcome.output().trim());
    }

    @Test
    void killedReplicaComesBackOnStart() {
        String replica = aReplica();
        PatroniLabMember before = lab.member(replica);
        lab.kill(replica);
        PatroniLabMember killed = lab.member(replica);
        assertFalse(killed.running());
        assertFalse(ProcessHandle.of(before.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(before.postmasterPid()).map(ProcessHandle::isAlive).orElse(false),
                "the postmaster dies with its member");
        lab.start(replica);
        PatroniLabMember restarted = lab.member(replica);
        assertTrue(restarted.running());
        assertNotEquals(before.pid(), restarted.pid());
    }

    @Test
    void serviceControlStopsAndStartsAMember() {
        String replica = aReplica();
        ServiceControl control = lab.serviceControl();
        assertEquals(ServiceState.ACTIVE, control.state(replica));
        control.stop(replica, Duration.ofSeconds(30));
        assertEquals(ServiceState.INACTIVE, control.state(replica));
        assertEquals(-1, lab.member(replica).postmasterPid(), "Patroni stopped its PostgreSQL");
        control.start(replica, Duration.ofSeconds(30));
        assertEquals(ServiceState.ACTIVE, control.state(replica));
        lab.awaitHealthy(Duration.ofSeconds(90));
    }

    private static String aReplica() {
        String leader = lab.leaderName();
        return lab.memberNames().stream().filter(name -> !name.equals(leader)).findFirst().orElseThrow();
    }

    static Map<String, Object> getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.parseObject(response.body(), uri.toString());
    }
}
