package io.opsstack.testkit.opensearch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.api.secret.Secret;
import io.opsstack.testkit.opensearch.security.internal.BcryptHashes;
import io.opsstack.testkit.opensearch.security.internal.LabCertificateAuthority;
import io.opsstack.testkit.opensearch.security.internal.LabCertificateAuthority.Issued;
import io.opsstack.testkit.opensearch.security.internal.Pem;

/**
 * The OpenSearch security plugin setup of a lab, generated fresh for each instance: a certificate
 * authority, a node certificate (TLS on HTTP and transport) whose subject alternative names are
 * the lab's addresses, and two internal users with random passwords: an administrator mapped to
 * {@code all_access} and a read-only user with the role {@value #READ_ONLY_ROLE} (cluster monitor,
 * index read, get and monitor: what planning needs; no cluster-admin or write permission).
 *
 * <pre>{@code
 * LabSecurity security = LabSecurity.generate();
 * OpenSearchLab lab = OpenSearchLab.builder().topology(LabTopology.singleNode()).security(security).build().start();
 * Path ca = security.writeCaCertificate(dir.resolve("ca.pem"));     // trust this, connect to lab.httpEndpoints() (https)
 * }</pre>
 *
 * <p>The security index is created from these files on first start
 * ({@code plugins.security.allow_default_init_securityindex}), so no {@code securityadmin} run is
 * needed. Passwords and keys never appear in {@link #toString()}. Immutable and thread-safe.
 */
public final class LabSecurity {

    /** The address the lab binds and probes; the node certificate must name it. */
    public static final String LOOPBACK = "127.0.0.1";
    /** Node certificate, its key and the CA, relative to a node's {@code config} directory as the plugin requires. */
    public static final String NODE_CERTIFICATE = "node.pem";
    public static final String NODE_KEY = "node-key.pem";
    public static final String CA_CERTIFICATE = "root-ca.pem";

    /** The role of the read-only user, defined in the lab's {@code roles.yml}. */
    public static final String READ_ONLY_ROLE = "lab_read_only";

    private static final Pattern USER = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final String NODE_NAME = "opsstack-lab-node";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> alternativeNames;
    private final String adminUser;
    private final Secret adminPassword;
    private final String readOnlyUser;
    private final Secret readOnlyPassword;
    private final Issued authority;
    private final Issued node;

    private LabSecurity(Builder builder) {
        this.alternativeNames = List.copyOf(builder.alternativeNames);
        this.adminUser = builder.adminUser;
        this.readOnlyUser = builder.readOnlyUser;
        this.adminPassword = randomPassword();
        this.readOnlyPassword = randomPassword();
        LabCertificateAuthority ca = LabCertificateAuthority.create("opsstack-lab-ca");
        this.authority = ca.root();
        this.node = ca.issue(NODE_NAME, alternativeNames);
    }

    /** Defaults: certificate for {@value #LOOPBACK} only, users {@code admin} and {@code reader}. */
    public static LabSecurity generate() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String adminUser() {
        return adminUser;
    }

    public Secret adminPassword() {
        return adminPassword;
    }

    /** A user that may read indices and monitor the cluster, but change nothing. */
    public String readOnlyUser() {
        return readOnlyUser;
    }

    public Secret readOnlyPassword() {
        return readOnlyPassword;
    }

    /** IP addresses and DNS names in the node certificate; connecting by any other name fails hostname verification. */
    public List<String> subjectAlternativeNames() {
        return alternativeNames;
    }

    /** The PEM of the CA that signed the node certificate. */
    public String caCertificatePem() {
        return Pem.certificate(authority.certificate());
    }

    /** Writes {@link #caCertificatePem()} to {@code file} and returns it. */
    public Path writeCaCertificate(Path file) {
        write(file, caCertificatePem());
        return file;
    }

    /** An SSL context trusting only this CA (hostname verification is up to the client, as usual). */
    public SSLContext sslContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("opsstack-lab-ca", authority.certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an SSL context for the lab CA", e);
        }
    }

    /** The {@code Authorization} header value of the administrator, for the lab's own probes. */
    public Secret adminAuthorization() {
        String pair = adminUser + ":" + adminPassword.reveal();
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code opensearch.yml} settings enabling TLS on HTTP and transport and the internal users. */
    public Map<String, String> nodeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String layer : List.of("transport", "http")) {
            String prefix = "plugins.security.ssl." + layer + ".";
            settings.put(prefix + "pemcert_filepath", NODE_CERTIFICATE);
            settings.put(prefix + "pemkey_filepath", NODE_KEY);
            settings.put(prefix + "pemtrustedcas_filepath", CA_CERTIFICATE);
        }
        settings.put("plugins.security.ssl.http.enabled", "true");
        // nodes are told apart by their DN (nodes_dn), not by host names they all share on loopback
        settings.put("plugins.security.ssl.transport.enforce_hostname_verification", "false");
        settings.put("plugins.security.nodes_dn", LabCertificateAuthority.distinguishedName(NODE_NAME));
        settings.put("plugins.security.allow_default_init_securityindex", "true");
        settings.put("plugins.security.restapi.roles_enabled", "all_access");
        settings.put("plugins.security.audit.type", "noop");
        return settings;
    }

    /**
     * Writes the node certificate, its key and the CA into {@code configDirectory}, and the internal
     * users and role mappings into its {@code opensearch-security} directory (password hashes are
     * made with the plugin's own BCrypt from {@code distributionHome}).
     */
    public void writeNodeFiles(Path distributionHome, Path configDirectory) {
        writeTlsFiles(configDirectory);
        BcryptHashes hashes = new BcryptHashes(distributionHome);
        Path securityConfig = configDirectory.resolve("opensearch-security");
        write(securityConfig.resolve("internal_users.yml"), "_meta:\n  type: \"internalusers\"\n  config_version: 2\n"
                + user(adminUser, hashes.hash(adminPassword)) + user(readOnlyUser, hashes.hash(readOnlyPassword)));
        write(securityConfig.resolve("roles_mapping.yml"), "_meta:\n  type: \"rolesmapping\"\n  config_version: 2\n"
                + mapping("all_access", adminUser) + mapping(READ_ONLY_ROLE, readOnlyUser));
        write(securityConfig.resolve("roles.yml"), "_meta:\n  type: \"roles\"\n  config_version: 2\n"
                + READ_ONLY_ROLE + ":\n  reserved: false\n"
                + "  cluster_permissions: [\"cluster_monitor\", \"cluster_composite_ops_ro\"]\n"
                + "  index_permissions:\n"
                + "  - index_patterns: [\"*\"]\n"
                + "    allowed_actions: [\"read\", \"indices_monitor\", \"indices:admin/get\"]\n");
    }

    /**
     * Writes the node certificate ({@value #NODE_CERTIFICATE}), its unencrypted PKCS#8 key
     * ({@value #NODE_KEY}) and the CA ({@value #CA_CERTIFICATE}) into {@code configDirectory}.
     */
    public void writeTlsFiles(Path configDirectory) {
        write(configDirectory.resolve(NODE_CERTIFICATE), Pem.certificate(node.certificate()));
        write(configDirectory.resolve(NODE_KEY), Pem.privateKey(node.keys().getPrivate()));
        write(configDirectory.resolve(CA_CERTIFICATE), caCertificatePem());
    }

    /** Names the users and certificate names; never passwords or keys. */
    @Override
    public String toString() {
        return "LabSecurity[admin=" + adminUser + ", readOnly=" + readOnlyUser + ", san=" + alternativeNames + "]";
    }

    private static String user(String name, String hash) {
        return name + ":\n  hash: \"" + hash + "\"\n  reserved: false\n";
    }

    private static String mapping(String role, String user) {
        return role + ":\n  reserved: false\n  users: [\"" + user + "\"]\n";
    }

    private static Secret randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Secret.of("Lab-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Builder for {@link LabSecurity}; not thread-safe. */
    public static final class Builder {
        private final List<String> alternativeNames = new ArrayList<>(List.of(LOOPBACK));
        private String adminUser = "admin";
        private String readOnlyUser = "reader";

        private Builder() {
        }

        /**
         * The node certificate's subject alternative names (IPv4 literals or DNS names); must include
         * {@value #LOOPBACK}, which the lab binds and probes. Default: {@value #LOOPBACK} only.
         */
        public Builder subjectAlternativeNames(String... names) {
            List<String> given = List.of(names);
            if (!given.contains(LOOPBACK)) {
                throw new OpsValidationException("the node certificate must name " + LOOPBACK + ", the address the lab "
                        + "binds; got " + given);
            }
            alternativeNames.clear();
            alternativeNames.addAll(given);
            return this;
        }

        public Builder adminUser(String user) {
            this.adminUser = userName(user);
            return this;
        }

        public Builder readOnlyUser(String user) {
            this.readOnlyUser = userName(user);
            return this;
        }

        /** Generates the keys, certificates and passwords. */
        public LabSecurity build() {
            if (adminUser.equals(readOnlyUser)) {
                throw new OpsValidationException("admin and read-only user must differ: " + adminUser);
            }
            return new LabSecurity(this);
        }

        private static String userName(String user) {
            if (user == null || !USER.matcher(user).matches()) {
                throw new OpsValidationException("lab user names match " + USER + ": " + user);
            }
            return user;
        }
    }
}
