package io.nianbao.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;

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

    static CaseOutcomes outcomes(Integer upheld, Integer corrected, Integer other, Integer pending,
            Integer total) {
        return CaseOutcomes.newBuilder().setUpheld(upheld).setCorrected(corrected).setOther(other).setPending(pending)
                .setTotal(total).build();
    }

    /** Section 四 outcomes of a group that had no case. */
    static final CaseOutcomes NONE = outcomes(0, 0, 0, 0, 0);

    /** All rows of the 2021 template in template order. */
    static List<List<Integer>> rows2021(Applications a) {
        return List.of(a.getNewApplications(), a.getCarriedOver(), a.getGranted(), a.getPartiallyGranted(),
                a.getDenied().getStateSecret(), a.getDenied().getLawProhibited(),
                a.getDenied().getThreeSecurityOneStability(), a.getDenied().getThirdPartyRights(),
                a.getDenied().getInternalAffairs(), a.getDenied().getProcessInformation(),
                a.getDenied().getEnforcementFiles(), a.getDenied().getQueryMatters(), a.getUnavailable().getNotHeld(),
                a.getUnavailable().getNeedsCreation(), a.getUnavailable().getStillUnclear(),
                a.getNotProcessed().getComplaint(), a.getNotProcessed().getDuplicate(),
                a.getNotProcessed().getPublication(), a.getNotProcessed().getExcessive(),
                a.getNotProcessed().getConfirmation(), a.getOtherHandling().getNoCorrection(),
                a.getOtherHandling().getNoFee(), a.getOtherHandling().getOther(), a.getTotalProcessed(),
                a.getCarriedForward());
    }
}
