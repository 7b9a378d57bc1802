/**
 * JUnit 5 support for sharing labs across the test classes of a module.
 *
 * <p>Starting a multi-node lab costs tens of seconds on a small CI runner, so a test suite keeps
 * one running lab and every test uses its own indices:
 * <pre>{@code
 * @ExtendWith(OpenSearchLabExtension.class)
 * class DailyIndexTest {
 *     @ParameterizedTest
 *     @MethodSource("io.opsstack.testkit.opensearch.LabVersions#all")
 *     void rollsOver(String version) {
 *         OpenSearchLab lab = SharedLabs.openSearch(version, LabTopology.hotWarmCold());
 *         String index = "daily-rollover-" + version;   // one index per test
 *         ...
 *     }
 * }
 * }</pre>
 * To run a whole class per version (one lab switch per version instead of per method), use JUnit's
 * {@code @ParameterizedClass @MethodSource("io.opsstack.testkit.opensearch.LabVersions#all")} with a
 * {@code @Parameter String version} field. Versions come from system property
 * {@code opsstack.lab.versions} (default {@code 2.19.4,3.4.0}).
 *
 * <p>Supported API. Arguments are non-null. {@link io.opsstack.testkit.junit.SharedLabs} is
 * thread-safe but meant for sequential test execution.
 */
package io.opsstack.testkit.junit;
