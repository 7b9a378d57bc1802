package io.opsstack.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.opsstack.testkit.opensearch.LabTopology;

/**
 * Chooses the shared lab that {@link OpenSearchLabExtension} injects into {@code OpenSearchLab}
 * parameters of the annotated test class or method (the method's annotation wins).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SharedLabConfig {

    /** OpenSearch version; empty means the first of {@link io.opsstack.testkit.opensearch.LabVersions#all()}. */
    String version() default "";

    /** Name of a ready-made topology, see {@link LabTopology#named(String)}. */
    String topology() default LabTopology.HOT_WARM_COLD;
}
