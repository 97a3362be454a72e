package io.nianbao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files named, with every folder replaced by the regular files under it (sorted, hidden ones left out). */
final class ReportFiles {
    private ReportFiles() {
    }

    static List<Path> expand(List<Path> named) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : named) {
            if (!Files.isDirectory(path)) {
                // A missing file stays: its upload fails with a message saying so, and the others go on.
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> !isHidden(path.relativize(file)))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
