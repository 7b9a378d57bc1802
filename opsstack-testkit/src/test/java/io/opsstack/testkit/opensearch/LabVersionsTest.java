package io.opsstack.testkit.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsstack.api.error.OpsValidationException;

class LabVersionsTest {

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(LabVersions.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(LabVersions.PROPERTY);
        } else {
            System.setProperty(LabVersions.PROPERTY, saved);
        }
    }

    @Test
    void readsTheCommaSeparatedProperty() {
        System.setProperty(LabVersions.PROPERTY, " 3.4.0 ,2.19.4,");

        assertEquals(List.of("3.4.0", "2.19.4"), LabVersions.all());
        assertEquals("3.4.0", LabVersions.first());
        assertEquals("2.19.4", LabVersions.last());
    }

    @Test
    void defaultsToBothSupportedLines() {
        System.clearProperty(LabVersions.PROPERTY);

        assertEquals(List.of("2.19.4", "3.4.0"), LabVersions.all());
    }

    @Test
    void rejectsAnEmptyList() {
        System.setProperty(LabVersions.PROPERTY, " , ");

        assertThrows(OpsValidationException.class, LabVersions::all);
    }
}
