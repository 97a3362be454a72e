package io.nianbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NianbaoHomeTests {
    @TempDir
    Path dir;

    private Path repository(String name) throws Exception {
        Path repo = Files.createDirectories(dir.resolve(name));
        Files.createFile(repo.resolve("mvnw"));
        Files.createDirectories(repo.resolve("schemas"));
        return repo;
    }

    @Test
    void withoutConfigurationTheRepositoryIsFoundAboveTheWorkingDirectory() throws Exception {
        Path repo = repository("nianbao");
        Path nested = Files.createDirectories(repo.resolve("local-stack/launcher"));

        assertThat(NianbaoHome.locate(null, null, nested)).isEqualTo(repo);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() throws Exception {
        Path fromProperty = repository("a");
        Path fromEnv = repository("b");

        assertThat(NianbaoHome.locate(fromProperty.toString(), fromEnv.toString(), dir)).isEqualTo(fromProperty);
        assertThat(NianbaoHome.locate(" ", fromEnv.toString(), dir)).isEqualTo(fromEnv);
    }

    @Test
    void aConfiguredDirectoryThatIsNoRepositoryIsRefused() {
        assertThatThrownBy(() -> NianbaoHome.locate(null, dir.toString(), dir))
                .hasMessageContaining(dir.toString()).hasMessageContaining("NIANBAO_HOME");
    }

    @Test
    void noRepositoryAnywhereAboveAsksForNianbaoHome() {
        assertThatThrownBy(() -> NianbaoHome.locate(null, null, dir)).hasMessageContaining("set NIANBAO_HOME");
    }
}
