package io.opsstack.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opsstack.testkit.ssh.SshdLab;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MINA SSHD, relocated inside the shaded jar, still connects, verifies ed25519 host keys and transfers files. */
class SshThroughJarTest {

    @Test
    void connectsRunsAndUploadsWithOnlyTheShadedJar(@TempDir Path work) throws IOException {
        Path smoke = work.resolve("SshSmoke.java");
        try (InputStream source = SshThroughJarTest.class.getResourceAsStream("/smoke/SshSmoke.java")) {
            Files.copy(source, smoke);
        }
        Path upload = Files.writeString(work.resolve("upload.txt"), "sent over sftp\n");
        try (SshdLab host = SshdLab.start()) {
            JarProcess.Result result = JarProcess.run(List.of(JarProcess.javaBin("java").toString(),
                    "-cp", JarProcess.jar().toString(), smoke.toString(), host.target(),
                    host.knownHostsFile().toString(), host.clientKey().toString(), upload.toString()), Map.of(), work);
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.stdout().contains("echo: hello from the shaded jar"), result::toString);
            assertTrue(result.stdout().contains("uploaded: sent over sftp"), result::toString);
            assertTrue(result.stdout().contains("sshd classes: io.opsstack.shaded.org.apache.sshd"), result::toString);
        }
    }
}
