package io.nianbao.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The five seed reports in {@code samples/reports/}, the fixtures every parser test starts from. */
final class Seeds {
    private static final Path DIRECTORY = Path.of(System.getProperty("nianbao.samples", "../samples/reports"));

    private Seeds() {
    }

    static byte[] bytes(String number) {
        try (var files = Files.list(DIRECTORY)) {
            Path seed = files.filter(file -> file.getFileName().toString().startsWith(number + "_"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no seed " + number + " in " + DIRECTORY));
            return Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String number) {
        return new String(bytes(number), java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Integer> row(Integer... cells) {
        return Arrays.asList(cells);
    }

    static List<Integer> zeros() {
        return Collections.nCopies(7, 0);
    }

    static List<Integer> nulls() {
        return Arrays.asList(new Integer[7]);
    }
}
