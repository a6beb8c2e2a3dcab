package org.origins;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run in target/test-home (made by {@link TestHome}): a copy of the bundled facts/ and
 * rules/, never what a user keeps beside them: facts/hypothetical/ (`origins add`), the rule cache,
 * the home folder. So `./origins add my.yaml; mvn -q verify` passes (CI runs exactly that: .ci/run).
 */
class UserFilesIsolationTest {
    private static final Path HOME = Path.of("").toAbsolutePath().normalize();

    @Test
    void theTestsRunOnACopyOfTheBundledFactsWithoutTheUsersModels() {
        assertThat(HOME.endsWith(Path.of("target", "test-home"))).as("the working folder %s", HOME).isTrue();
        assertThat(Path.of(System.getenv("ORIGINS_HOME")).toAbsolutePath().normalize()).isEqualTo(HOME);
        assertThat(Files.isSymbolicLink(TestKit.FACTS)).isFalse();
        assertThat(Files.isSymbolicLink(TestKit.RULES)).isFalse();
        assertThat(TestKit.FACTS.resolve("hypothetical")).doesNotExist();
        assertThat(TestKit.kb().models()).noneMatch(m -> m.hypothetical());
    }

    @Test
    void theHomeFolderAndTheRuleCacheAreTheBuildsOwn() {
        assertThat(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize().startsWith(HOME)).isTrue();
        String xdg = System.getenv("XDG_CACHE_HOME");
        assertThat(xdg).isNotNull();
        assertThat(Path.of(xdg).toAbsolutePath().normalize().startsWith(HOME)).isTrue();
        assertThat(System.getenv().getOrDefault("ORIGINS_CACHE_DIR", "")).isEmpty();
    }
}
