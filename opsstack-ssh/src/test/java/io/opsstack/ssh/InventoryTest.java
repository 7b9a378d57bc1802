package io.opsstack.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsstack.api.error.OpsValidationException;

class InventoryTest {

    @Test
    void readsRoleListsIgnoringCommentsAndBlankLines(@TempDir Path conf) throws Exception {
        Files.writeString(conf.resolve("cluster.list"), "# every host\nes-1\nes-2\n\nes-3   # warm\n");
        Files.writeString(conf.resolve("elasticsearch_master.list"), "es-1\nes-2\n");
        Files.writeString(conf.resolve("kafka.list"), "kafka-1\n");
        Files.writeString(conf.resolve("notes.txt"), "not a list");

        Inventory inventory = Inventory.fromListDirectory(conf, new HostDefaults(2222, "deploy", null));

        assertEquals(List.of(new SshTarget("es-1", 2222, "deploy"), new SshTarget("es-2", 2222, "deploy")),
                inventory.targets("elasticsearch_master"));
        assertEquals(List.of("es-1", "es-2", "es-3", "kafka-1"), inventory.roles().get("cluster"));
        assertEquals(List.of("cluster", "elasticsearch_master", "kafka"), List.copyOf(inventory.roles().keySet()));
        assertEquals(new SshTarget("kafka-1", 2222, "deploy"), inventory.target("kafka-1"));
    }

    @Test
    void unknownRolesAndHostsAreValidationErrors(@TempDir Path conf) throws Exception {
        Files.writeString(conf.resolve("kibana.list"), "kb-1\n");
        Inventory inventory = Inventory.fromListDirectory(conf);
        OpsValidationException role = assertThrows(OpsValidationException.class, () -> inventory.targets("nginx"));
        assertTrue(role.getMessage().contains("kibana"), role.getMessage());
        assertThrows(OpsValidationException.class, () -> inventory.host("kb-2"));
        Files.writeString(conf.resolve("bad.list"), "two hosts\n");
        assertThrows(OpsValidationException.class, () -> Inventory.fromListDirectory(conf));
    }

    @Test
    void readsYamlWithPerHostSettingsAndServiceNames(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("inventory.yml");
        Files.writeString(yaml, String.join("\n",
                "defaults: {port: 22, user: deploy, key: /home/deploy/.ssh/id_ed25519}",
                "hosts:",
                "  os-1: {address: 10.0.0.11, port: 2222, user: ops, services: {opensearch: opensearch-hot}, vars: {zone: a}}",
                "  os-2: {}",
                "roles:",
                "  opensearch: [os-1, os-2]",
                ""));
        Inventory inventory = Inventory.fromYaml(yaml);

        assertEquals(List.of(new SshTarget("10.0.0.11", 2222, "ops"), new SshTarget("os-2", 22, "deploy")),
                inventory.targets("opensearch"));
        assertEquals("a", inventory.host("os-1").variables().get("zone"));
        assertEquals("/home/deploy/.ssh/id_ed25519", inventory.host("os-2").keyFile());
        assertEquals(List.of("os-1", "os-2"), inventory.roles().get(Inventory.ALL_ROLE));

        ServiceNodes nodes = ServiceNodes.fromInventory(inventory, "opensearch", "opensearch");
        assertEquals(new ServiceNode("os-1", new SshTarget("10.0.0.11", 2222, "ops"), "opensearch-hot"), nodes.get("os-1"));
        assertEquals("opensearch", nodes.get("os-2").service());
    }

    @Test
    void yamlMistakesAreNamed(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, "hosts:\n  a: {prot: 22}\n");
        assertTrue(assertThrows(OpsValidationException.class, () -> Inventory.fromYaml(typo)).getMessage().contains("prot"));
        Path dangling = dir.resolve("dangling.yml");
        Files.writeString(dangling, "hosts:\n  a: {}\nroles:\n  web: [a, b]\n");
        assertTrue(assertThrows(OpsValidationException.class, () -> Inventory.fromYaml(dangling)).getMessage().contains("'b'"));
    }
}
