package org.origins;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests read a copy of the bundled facts/ and rules/ (Maven's target/test-home), never what a
 * user keeps beside them: facts/hypothetical/ (`origins add`), the rule cache, the home folder. So
 * `./origins add my.yaml; mvn -q verify` passes (CI runs exactly that, .ci/run).
 */
class UserFilesIsolationTest {
    @Test
    void originsHomeIsTheBuildsCopyWithoutTheUsersModels() {
        Path home = TestKit.HOME.toAbsolutePath().normalize();
        assertThat(home).as("ORIGINS_HOME of the tests").isNotEqualTo(Path.of("").toAbsolutePath().normalize());
        assertThat(home.endsWith(Path.of("target", "test-home"))).as("%s", home).isTrue();
        assertThat(Files.isDirectory(TestKit.FACTS.resolve("models"))).isTrue();
        assertThat(TestKit.FACTS.resolve("hypothetical")).doesNotExist();
        assertThat(TestKit.kb().models()).noneMatch(m -> m.hypothetical());
    }

    @Test
    void theHomeFolderAndTheRuleCacheAreTheBuildsOwn() {
        Path target = Path.of("target").toAbsolutePath().normalize();
        assertThat(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize().startsWith(target)).isTrue();
        String xdg = System.getenv("XDG_CACHE_HOME");
        assertThat(xdg).isNotNull();
        assertThat(Path.of(xdg).toAbsolutePath().normalize().startsWith(target)).isTrue();
        assertThat(System.getenv().getOrDefault("ORIGINS_CACHE_DIR", "")).isEmpty();
    }
}
