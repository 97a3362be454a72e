package io.nianbao.cli;

import java.nio.file.Path;
import java.util.Map;

import io.nianbao.localstack.NianbaoHome;

/**
 * Where the CLI works: the repository (its built jars and samples) and the data directory of the local stack,
 * {@code NIANBAO_DATA_DIR} or {@code <repository>/.nianbao}.
 */
record Workspace(Path home, Path dataDir) {
    static final String DATA_DIR_ENV = "NIANBAO_DATA_DIR";

    static Workspace of(Map<String, String> env) {
        Path home = NianbaoHome.locate();
        String dataDir = env.get(DATA_DIR_ENV);
        return new Workspace(home, dataDir == null || dataDir.isBlank() ? home.resolve(".nianbao") : Path.of(dataDir).toAbsolutePath());
    }
}
