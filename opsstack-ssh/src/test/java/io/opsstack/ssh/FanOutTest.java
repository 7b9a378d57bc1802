package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.testkit.ssh.SshdLab;

/** Three real sshd instances stand in for three hosts. */
class FanOutTest {
    private static final List<SshdLab> labs = new ArrayList<>();
    private static final List<SshTarget> targets = new ArrayList<>();
    private static SshExecutor ssh;
    @TempDir
    static Path shared;

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            labs.add(SshdLab.start());
        }
        // one known_hosts file and one key for all three hosts, as on an operator's machine
        Path knownHosts = Files.createFile(shared.resolve("known_hosts"));
        SshOptions.Builder options = SshOptions.builder().knownHostsFile(knownHosts);
        for (SshdLab lab : labs) {
            Files.writeString(knownHosts, Files.readString(lab.knownHostsFile()), StandardOpenOption.APPEND);
            options.identityFile(lab.clientKey());
            targets.add(LabSupport.target(lab));
        }
        ssh = Ssh.executor(options.build());
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        labs.forEach(SshdLab::close);
    }

    @Test
    void resultsFollowTheInputOrderAndConcurrencyStaysWithinTheLimit(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        Files.createFile(journal);
        List<SshTarget> reversed = new ArrayList<>(targets);
        Collections.reverse(reversed);
        Command command = Command.shell("echo start >> " + journal + "; sleep 0.3; echo end >> " + journal
                + "; echo ${SSH_CONNECTION##* }");

        FanOutResult result = FanOut.builder(ssh).maxParallel(2).build().run(reversed, command);

        assertTrue(result.allSucceeded(), result.summary());
        assertEquals(reversed, result.results().stream().map(HostResult::target).collect(Collectors.toList()));
        for (HostResult host : result.results()) {
            assertEquals(host.target().port() + "\n", host.result().stdout());
        }
        assertTrue(maxConcurrent(journal) <= 2, "more than 2 hosts ran at once");

        Files.writeString(journal, "");
        FanOut.builder(ssh).maxParallel(1).build().run(targets, command);
        assertEquals(1, maxConcurrent(journal));
    }

    @Test
    void failFastSkipsTheRemainingHostsWhileContinueRunsThemAll() {
        Command failsOnFirstHost = Command.shell("case \"$SSH_CONNECTION\" in *' " + targets.get(0).port()
                + "') echo 'disk full' >&2; exit 7;; esac; echo ok");

        FanOutResult failFast = FanOut.builder(ssh).maxParallel(1).failFast(true).build().run(targets, failsOnFirstHost);
        assertEquals(List.of(HostResult.Status.FAILED, HostResult.Status.SKIPPED, HostResult.Status.SKIPPED),
                failFast.results().stream().map(HostResult::status).collect(Collectors.toList()));
        HostResult failed = failFast.failures().get(0);
        assertEquals(7, failed.result().exitCode());
        assertTrue(failed.error().contains("disk full"), failed.error());
        assertEquals("RemoteCommandException", failed.errorType());

        FanOutResult carryOn = FanOut.builder(ssh).maxParallel(1).failFast(false).build().run(targets, failsOnFirstHost);
        assertEquals(List.of(HostResult.Status.FAILED, HostResult.Status.SUCCEEDED, HostResult.Status.SUCCEEDED),
                carryOn.results().stream().map(HostResult::status).collect(Collectors.toList()));
        assertEquals("2 succeeded, 1 failed, 0 skipped", carryOn.summary());
        assertFalse(carryOn.allSucceeded());
        assertEquals(3, ((List<?>) carryOn.toMap().get("results")).size());
    }

    @Test
    void anUnreachableHostIsAFailureNotAnException() {
        SshTarget closedPort = new SshTarget("127.0.0.1", 1, targets.get(0).user());
        FanOutResult result = FanOut.builder(ssh).build().run(List.of(targets.get(0), closedPort), Command.of("true"));
        assertEquals(HostResult.Status.SUCCEEDED, result.results().get(0).status());
        HostResult unreachable = result.results().get(1);
        assertEquals(HostResult.Status.FAILED, unreachable.status());
        assertEquals("OpsConnectException", unreachable.errorType());
        assertNull(unreachable.result());
    }

    private static int maxConcurrent(Path journal) throws Exception {
        int running = 0;
        int max = 0;
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            running += line.equals("start") ? 1 : -1;
            max = Math.max(max, running);
        }
        return max;
    }
}
