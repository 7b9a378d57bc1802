/**
 * Real OpenSearch clusters as local child processes, for integration tests of code that operates
 * OpenSearch (your own pipeline steps included): {@link io.opsstack.testkit.opensearch.OpenSearchLab}.
 *
 * <p>What a lab needs and does:
 * <ul>
 *   <li>the official minimal distribution {@code org.opensearch.distribution.integ-test-zip:opensearch:<version>:zip}
 *       from the local Maven repository (system property {@code opsstack.maven.localRepository}, else
 *       {@code maven.repo.local}, else {@code ~/.m2/repository}), fetched with {@code mvn dependency:get}
 *       when missing, extracted once per version under {@code ${java.io.tmpdir}/opsstack-lab/dist};</li>
 *   <li>a JDK: Java 21+ for OpenSearch 3.x (system property {@code opsstack.lab.javaHome}, environment
 *       variable {@code OPSSTACK_LAB_JAVA_HOME}, the running JVM, or the newest under {@code /usr/lib/jvm});</li>
 *   <li>no Docker and no root: as root, nodes run as the system user {@code opsstack-lab};</li>
 *   <li>nodes bind to 127.0.0.1 only, so OpenSearch's bootstrap checks stay warnings.</li>
 * </ul>
 * Ready-made topologies ({@link io.opsstack.testkit.opensearch.LabTopology#hotWarmCold()}) mirror a
 * tiered logging fleet. Node control ({@code stop}, {@code kill}, {@code start}, {@code restart},
 * {@code serviceControl()}) drives fault and rolling-operation tests. To share one lab across test
 * classes see {@link io.opsstack.testkit.junit}.
 *
 * <p>Supported API. Arguments and results are non-null unless documented. Value types are
 * immutable; {@code OpenSearchLab} is thread-safe.
 */
package io.opsstack.testkit.opensearch;
