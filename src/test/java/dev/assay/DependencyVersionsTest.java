package dev.assay;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Dependencies pinned past a published vulnerability stay pinned: the runtime classpath (what the
 * shaded jar bundles) must not fall back to a vulnerable version when a transitive dependency
 * moves. docs/dependencies.md says how the list was checked.
 */
class DependencyVersionsTest {

  @Test
  void commonsBeanutilsIsPastCve202548734() throws ClassNotFoundException {
    // Tribuo → opencsv 5.9 → commons-beanutils 1.9.4, which lets PropertyUtilsBean reach an enum's
    // class loader (CVE-2025-48734); 1.11.0 blocks it by default.
    assertAtLeast("org.apache.commons.beanutils.PropertyUtilsBean", "1.11.0");
  }

  private static void assertAtLeast(String className, String minimum)
      throws ClassNotFoundException {
    String version = Class.forName(className).getPackage().getImplementationVersion();
    assertNotNull(version, className + " has no Implementation-Version in its jar manifest");
    assertTrue(
        ModuleDescriptor.Version.parse(version).compareTo(ModuleDescriptor.Version.parse(minimum))
            >= 0,
        className + " is " + version + ", must be at least " + minimum);
  }
}
