import io.opsstack.ssh.Command;
import io.opsstack.ssh.CommandResult;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run with only the shaded jar on the class path:
 * {@code java -cp opsstack-all.jar SshSmoke.java <user@host:port> <known_hosts> <private key> <local file>}.
 * Connects with strict host-key checking (ed25519 keys), runs a command, uploads a file over SFTP and reads it back.
 */
public class SshSmoke {
    public static void main(String[] args) throws Exception {
        SshTarget target = SshTarget.parse(args[0]);
        SshOptions options = SshOptions.fromMap(Map.of("knownHostsFile", args[1], "identityFiles", args[2],
                "hostKeyPolicy", "STRICT"));
        try (SshExecutor ssh = Ssh.executor(options)) {
            CommandResult echo = ssh.run(target, Command.of("echo", "hello from the shaded jar"));
            System.out.println("echo: " + echo.stdout().trim());
            ssh.upload(target, Path.of(args[3]), "smoke-upload.txt");
            CommandResult cat = ssh.run(target, Command.of("cat", "smoke-upload.txt"));
            System.out.println("uploaded: " + cat.stdout().trim());
        }
        System.out.println("sshd classes: " + Class.forName("io.opsstack.shaded.org.apache.sshd.client.SshClient").getName());
    }
}
