package io.opsstack.cli;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.ServiceNode;
import io.opsstack.ssh.SystemdServiceControl;
import io.opsstack.victoria.ops.FileFlagSource;
import io.opsstack.victoria.ops.FlagSource;
import io.opsstack.victoria.ops.SshFlagFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags files the VictoriaMetrics membership operations edit ({@code -storageNode} of every vminsert
 * and vmselect), described by the {@value #SECTION} part of a request: their layout and their path on
 * each host, reached over the same SSH and with the same {@code --sudo} as the services.
 */
final class VmFlagFiles {
    static final String SECTION = "flag_files";
    private static final String ARGS = "args";
    private static final String SYSTEMD_DROP_IN = "systemd-dropin";

    static final List<CliFlag> FLAGS = List.of(
            CliFlag.required("flag-files", SECTION + ".format", CliFlag.Kind.TEXT,
                    ARGS + " (one -name=value per line) or " + SYSTEMD_DROP_IN + " (Environment= lines, -envflag.enable)"),
            CliFlag.optional("flags-file-path", SECTION + ".path", CliFlag.Kind.TEXT,
                    "the file on each host, {node} and {service} replaced (required for args; systemd-dropin default "
                            + "/etc/systemd/system/<unit>.service.d/" + FileFlagSource.DROP_IN_NAME + ")"));

    private VmFlagFiles() {
    }

    /** The request without its {@value #SECTION} and service parts: the options of the operation itself. */
    static Map<String, Object> withoutSections(Map<String, ?> request) {
        Map<String, Object> options = SshServices.withoutSection(request);
        options.remove(SECTION);
        return options;
    }

    /** The flags files of every node of the inventory role, edited over {@code ssh}. */
    static FlagSource source(Map<String, ?> request, SshServices ssh) {
        Map<?, ?> section = section(request);
        Object template = section.get("path");
        SshFlagFiles files;
        if (template == null) {
            if (!isDropIn(section)) {
                throw new UsageException("--flag-files " + ARGS + " needs --flags-file-path");
            }
            files = SshFlagFiles.systemdDropIns(ssh.executor(), ssh.nodes());
        } else {
            Map<String, String> paths = new LinkedHashMap<>();
            for (ServiceNode node : ssh.nodes().nodes()) {
                paths.put(node.node(), template.toString().replace("{node}", node.node()).replace("{service}", node.service()));
            }
            files = SshFlagFiles.of(ssh.executor(), ssh.nodes(), paths);
        }
        if (sudo(request)) {
            files = files.withSudo();
        }
        return isDropIn(section) ? FileFlagSource.systemdDropIn(files) : FileFlagSource.argsFile(files);
    }

    /**
     * The service control for the restarts: systemd must reload its units before a restart picks up an edited
     * drop-in, so drop-ins need the systemd manager with {@code daemon-reload}.
     */
    static ServiceControl control(Map<String, ?> request, SshServices ssh) {
        if (!isDropIn(section(request))) {
            return ssh.control();
        }
        Object manager = serviceSection(request).get("manager");
        if (manager != null && !"systemd".equals(manager.toString())) {
            throw new UsageException("--flag-files " + SYSTEMD_DROP_IN + " needs --service-manager systemd, got '" + manager + "'");
        }
        return SystemdServiceControl.builder(ssh.executor(), ssh.nodes()).sudo(sudo(request)).daemonReload(true).build();
    }

    /** Whether {@code --sudo} was given: files under {@code /etc} and other users' data need it like the services do. */
    static boolean sudo(Map<String, ?> request) {
        return Boolean.parseBoolean(String.valueOf(serviceSection(request).get("sudo")));
    }

    private static boolean isDropIn(Map<?, ?> section) {
        String format = String.valueOf(section.get("format"));
        if (!ARGS.equals(format) && !SYSTEMD_DROP_IN.equals(format)) {
            throw new UsageException("--flag-files must be " + ARGS + " or " + SYSTEMD_DROP_IN + ", got '" + format + "'");
        }
        return SYSTEMD_DROP_IN.equals(format);
    }

    private static Map<?, ?> section(Map<String, ?> request) {
        if (!(request.get(SECTION) instanceof Map<?, ?> section)) {
            throw new UsageException("the request has no " + SECTION + " (pass --flag-files)");
        }
        return section;
    }

    private static Map<?, ?> serviceSection(Map<String, ?> request) {
        return request.get(SshServices.SECTION) instanceof Map<?, ?> section ? section : Map.of();
    }
}
