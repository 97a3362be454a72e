package io.nianbao.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The nianbao repository: the launcher runs the jars built there and reads the samples from it. */
public final class NianbaoHome {
    public static final String PROPERTY = "nianbao.home";
    public static final String ENV = "NIANBAO_HOME";

    private NianbaoHome() {
    }

    /** {@code -Dnianbao.home}, else {@code NIANBAO_HOME}, else the first directory above the working directory that holds {@code mvnw} and {@code schemas/}. */
    public static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), Path.of(System.getProperty("user.dir")));
    }

    static Path locate(String property, String env, Path workingDir) {
        String configured = notBlank(property) ? property : notBlank(env) ? env : null;
        if (configured != null) {
            Path home = Path.of(configured).toAbsolutePath().normalize();
            if (!isRepository(home)) {
                throw new IllegalStateException(home + " (from " + (notBlank(property) ? PROPERTY : ENV)
                        + ") is not the nianbao repository: it has no mvnw and schemas/");
            }
            return home;
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isRepository(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("no nianbao repository (a directory with mvnw and schemas/) above " + workingDir
                + ": set " + ENV);
    }

    static boolean isRepository(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("schemas"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
