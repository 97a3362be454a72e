package io.nianbao.parser.division;

import java.util.List;
import java.util.Optional;

import io.nianbao.gazetteer.Gazetteer;
import io.nianbao.gazetteer.Hints;
import io.nianbao.gazetteer.Resolution;
import io.nianbao.parser.ParseNotes;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParseNoteCode;

/**
 * A report's division from the town-level gazetteer. The report's own words first: the agency as printed, else the
 * name of the site that published the page, else the agency named with the upload or crawl source. The hints given
 * with the document (the crawl source's division, the province) only choose among the places those words name, and
 * supply the place when they name none; which words or hint placed the report is a coded note, so that a reader can
 * filter on it. The report year tells old names from new (孟津县 until 2020, 孟津区 after). An ambiguous name keeps
 * every candidate and is never guessed; what the gazetteer noticed joins the warnings.
 */
public final class DivisionResolver {
    private DivisionResolver() {
    }

    /** Words that may place an agency whose name names no place: whose words they are, and the note that says so. */
    private record OtherWords(String whose, String words, ParseNoteCode code) {
    }

    /**
     * @param agency   the agency as the report prints it, or null
     * @param siteName the name of the site that published the page (its SiteName tag), or null
     */
    public static Division resolve(String agency, String siteName, SourceInfo source, Integer year, ParseNotes notes) {
        Gazetteer gazetteer = Gazetteer.load();
        Hints hints = new Hints(source.provinceHint(), source.divisionHint());
        Resolution resolution = gazetteer.resolve(agency, hints, source.url(), year);
        // An agency whose name names no place (「管委会办公室」) is placed by the other words said about it: each use is said.
        List<OtherWords> fallbacks = List.of(
                new OtherWords("the publishing site's name", siteName, ParseNoteCode.DIVISION_FROM_SITE_NAME),
                new OtherWords("the agency hint given with the document", source.agencyHint(),
                        ParseNoteCode.DIVISION_FROM_AGENCY_HINT));
        for (OtherWords fallback : fallbacks) {
            String fallbackWords = fallback.words();
            if (resolution.status() != Resolution.Status.UNRESOLVED || fallbackWords == null
                    || fallbackWords.isBlank() || fallbackWords.equals(agency)) {
                continue;
            }
            Resolution byFallback = gazetteer.resolve(fallbackWords, hints, source.url(), year);
            if (byFallback.status() != Resolution.Status.UNRESOLVED) {
                notes.note(fallback.code(), "division", fallbackWords, "Division: "
                        + (agency == null ? "the report prints no agency"
                                : "the agency's name '" + agency + "' names no division")
                        + "; the division is the one " + fallback.whose() + " '" + fallbackWords + "' names.");
                resolution = byFallback;
            }
        }
        if (resolution.status() == Resolution.Status.UNRESOLVED) {
            Resolution byHints = gazetteer.fromHints(hints);
            if (byHints.code() != null) {
                resolution = byHints;
            }
        }
        for (String note : resolution.notes()) {
            Optional<Resolution.StaleName> stale = resolution.staleNames().stream()
                    .filter(name -> name.sentence().equals(note)).findFirst();
            Optional<Resolution.HintUse> hintUse = resolution.hintUses().stream()
                    .filter(use -> use.sentence().equals(note)).findFirst();
            if (stale.isPresent()) {
                notes.note(ParseNoteCode.DIVISION_STALE, "division", stale.get().name() + " (" + stale.get().code()
                        + ")", "Division: " + note);
            } else if (hintUse.isPresent()) {
                notes.note(hintUse.get().effect() == Resolution.HintUse.Effect.OVERRULED
                        ? ParseNoteCode.DIVISION_HINT_DISAGREES : ParseNoteCode.DIVISION_FROM_HINT,
                        "division", agency, "Division: " + note);
            } else {
                notes.warn("Division: " + note);
            }
        }
        return Division.newBuilder()
                .setStatus(resolution.status().wireName())
                .setProvinceCode(resolution.provinceCode()).setProvinceName(resolution.provinceName())
                .setCityCode(resolution.cityCode()).setCityName(resolution.cityName())
                .setCountyCode(resolution.countyCode()).setCountyName(resolution.countyName())
                .setTownCode(resolution.townCode()).setTownName(resolution.townName())
                .setCandidates(resolution.candidates())
                .build();
    }
}
