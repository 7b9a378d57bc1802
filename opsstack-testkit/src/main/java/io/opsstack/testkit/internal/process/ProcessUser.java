package io.opsstack.testkit.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.opsstack.api.error.OpsException;

/**
 * The account lab processes run as. Servers such as OpenSearch refuse to run as root while CI
 * jobs often do, so a root JVM starts them under an unprivileged system user that it creates on
 * first use; any other JVM starts them as itself.
 */
public final class ProcessUser {

    /** The system user created for lab processes when the JVM runs as root. */
    public static final String DEFAULT_SYSTEM_USER = "opsstack-lab";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String group;
    private final List<String> commandPrefix;

    private ProcessUser(String name, String group, List<String> commandPrefix) {
        this.name = name;
        this.group = group;
        this.commandPrefix = List.copyOf(commandPrefix);
    }

    /** The current user when not root; otherwise {@code systemUser}, created if missing. */
    public static ProcessUser forLabProcesses(String systemUser) {
        if (!isRoot()) {
            return new ProcessUser(System.getProperty("user.name"), null, List.of());
        }
        ensureSystemUser(systemUser);
        String group = ShortCommands.run(List.of("id", "-gn", systemUser), COMMAND_TIMEOUT).output().trim();
        return new ProcessUser(systemUser, group, switchCommand(systemUser, group));
    }

    /** True when this JVM runs with uid 0. */
    public static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The account name processes run as. */
    public String name() {
        return name;
    }

    /** True when processes are started under another account than the JVM's. */
    public boolean switchesUser() {
        return !commandPrefix.isEmpty();
    }

    /** The command to run so that it executes as this user. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(commandPrefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands the directory tree to this user (no-op when no user switch happens). */
    public void takeOwnership(Path directory) {
        if (!switchesUser()) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(name);
            GroupPrincipal ownerGroup = lookup.lookupPrincipalByGroupName(group);
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(
                            path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(owner);
                    view.setGroup(ownerGroup);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + directory + " to user " + name, e);
        }
    }

    /** True if this user can enter and write the directory (checked by running {@code test} as that user). */
    public boolean canUse(Path directory) {
        if (!switchesUser()) {
            return Files.isDirectory(directory) && Files.isWritable(directory) && Files.isExecutable(directory);
        }
        String dir = directory.toString();
        return ShortCommands.run(wrap(List.of("test", "-w", dir, "-a", "-x", dir)), COMMAND_TIMEOUT).succeeded();
    }

    @Override
    public String toString() {
        return switchesUser() ? name + " (switched from root)" : name;
    }

    private static void ensureSystemUser(String user) {
        if (userExists(user)) {
            return;
        }
        ShortCommands.Outcome created = ShortCommands.run(List.of("useradd", "--system", "--no-create-home",
                "--shell", "/usr/sbin/nologin", user), COMMAND_TIMEOUT);
        // exit code 9: created concurrently by another build
        if (!created.succeeded() && !userExists(user)) {
            throw new OpsException("cannot create system user '" + user + "' for lab processes (useradd exit "
                    + created.exitCode() + "): " + created.output().trim());
        }
    }

    private static boolean userExists(String user) {
        return ShortCommands.run(List.of("id", "-u", user), COMMAND_TIMEOUT).succeeded();
    }

    private static List<String> switchCommand(String user, String group) {
        Path setpriv = ShortCommands.findExecutable("setpriv", "/usr/bin/setpriv", "/bin/setpriv");
        if (setpriv != null) {
            return List.of(setpriv.toString(), "--reuid=" + user, "--regid=" + group, "--init-groups");
        }
        Path runuser = ShortCommands.findExecutable("runuser", "/usr/sbin/runuser", "/sbin/runuser");
        if (runuser != null) {
            return List.of(runuser.toString(), "-u", user, "--");
        }
        throw new OpsException("running as root, but neither setpriv nor runuser is available to start lab "
                + "processes as user '" + user + "'; install util-linux or run the tests as a non-root user");
    }
}
