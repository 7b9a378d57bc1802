package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsTimeoutException;
import io.opsstack.testkit.ssh.SshdLab;

class SshExecutorTest {
    private static SshdLab lab;
    private static SshExecutor ssh;
    private static SshTarget target;

    @BeforeAll
    static void start() {
        lab = SshdLab.start();
        ssh = Ssh.executor(LabSupport.options(lab).build());
        target = LabSupport.target(lab);
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void returnsStdoutStderrAndExitCode() {
        CommandResult result = ssh.run(target, Command.shell("echo out; echo err >&2"));
        assertEquals(0, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertEquals(target, result.target());
    }

    @Test
    void nonZeroExitRaisesWithExitCodeAndStderrUnlessAllowed() {
        Command failing = Command.shell("echo broken config >&2; exit 3");
        RemoteCommandException e = assertThrows(RemoteCommandException.class, () -> ssh.run(target, failing));
        assertEquals(3, e.exitCode());
        assertTrue(e.bodyExcerpt().contains("broken config"), e.bodyExcerpt());
        assertTrue(e.getMessage().contains("exited with 3"), e.getMessage());

        assertEquals(3, ssh.run(target, failing.toBuilder().allowExitCodes(3).build()).exitCode());
        assertEquals(3, ssh.run(target, failing.toBuilder().check(false).build()).exitCode());
    }

    @Test
    void awkwardArgumentsRoundTripThroughPrintf() {
        List<String> awkward = List.of("two words", "it's", "\"double\"", "$HOME", "a;b", "`id`", "back\\slash", "", "*", "new\nline");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(awkward);
        CommandResult result = ssh.run(target, Command.of(argv));
        assertEquals(String.join("\n", awkward) + "\n", result.stdout());
    }

    @Test
    void environmentWorkingDirectoryAndStdinReachTheCommand() {
        Command command = Command.builder().shell("pwd; echo \"$GREETING\"; cat")
                .env("GREETING", "hello world").workingDirectory("/tmp")
                .stdin("from stdin".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals("/tmp\nhello world\nfrom stdin", ssh.run(target, command).stdout());
    }

    @Test
    void sudoRunsThroughNonInteractiveSudo() {
        Command command = Command.builder().args("systemctl", "restart", "opensearch").sudoUser("opensearch").build();
        assertEquals("exec sudo -n -u opensearch -- systemctl restart opensearch", command.commandLine());
        assertEquals("exec sudo -n -- sh -c 'id -u'", Command.builder().shell("id -u").sudo().build().commandLine());
    }

    @Test
    void linesAreStreamedInOrder() {
        LabSupport.CollectingListener listener = new LabSupport.CollectingListener();
        ssh.run(target, Command.shell("for i in $(seq 1 200); do echo line$i; done; echo done >&2"), listener);
        List<String> expected = IntStream.rangeClosed(1, 200).mapToObj(i -> "STDOUT:line" + i).collect(Collectors.toList());
        List<String> stdout = listener.lines.stream().filter(l -> l.startsWith("STDOUT:")).collect(Collectors.toList());
        assertEquals(expected, stdout);
        assertTrue(listener.lines.contains("STDERR:done"));
    }

    @Test
    void outputBeyondTheLimitIsTruncatedWithAMarker() {
        CommandResult result = ssh.run(target, Command.builder().shell("head -c 5000 /dev/zero | tr '\\0' x").maxStdoutBytes(100).build());
        assertTrue(result.stdoutTruncated());
        assertFalse(result.stderrTruncated());
        assertTrue(result.stdout().startsWith("x".repeat(100) + "\n…[truncated: 4900 more bytes]"), result.stdout());
    }

    @Test
    void timeoutKillsTheRemoteCommandAndNamesIt() throws Exception {
        String marker = "opsstack-timeout-" + System.nanoTime();
        Command slow = Command.builder().shell("sleep 30; echo " + marker).timeout(Duration.ofMillis(700)).build();
        OpsTimeoutException e = assertThrows(OpsTimeoutException.class, () -> ssh.run(target, slow));
        assertTrue(e.getMessage().contains("sleep 30"), e.getMessage());
        assertTrue(awaitGone("sleep 30; echo " + marker), "the remote command still runs after the timeout");
        assertEquals("ok\n", ssh.run(target, Command.of("echo", "ok")).stdout(), "the executor stays usable");
    }

    @Test
    void maskedStringsNeverAppearInResultsOrErrors() {
        String secret = "s3cr3t-Value";
        Command command = Command.builder().shell("echo token " + secret + "; echo " + secret + " >&2; exit 4")
                .redact(secret).build();
        RemoteCommandException e = assertThrows(RemoteCommandException.class, () -> ssh.run(target, command));
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        assertFalse(e.bodyExcerpt().contains(secret));
        assertFalse(e.result().toMap().toString().contains(secret));
        assertFalse(command.toString().contains(secret));
        assertTrue(e.result().stdout().contains("****"));
    }

    private static boolean awaitGone(String commandLineFragment) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean running = ProcessHandle.allProcesses()
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(commandLineFragment));
            if (!running) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
