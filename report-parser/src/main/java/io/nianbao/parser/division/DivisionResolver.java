package io.nianbao.parser.division;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nianbao.gazetteer.Gazetteer;
import io.nianbao.gazetteer.Resolution;
import io.nianbao.parser.ParseNotes;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParseNoteCode;

/**
 * A report's division from the town-level gazetteer: the agency as printed, the upload's or crawl's province hint
 * (which wins), the source site, and the report year (names change: 孟津县 until 2020, 孟津区 after). An ambiguous
 * name keeps every candidate and is never guessed; what the gazetteer noticed joins the warnings. An agency whose name
 * names no place is placed by the publishing site's name, else by the agency hint, and the warnings say which.
 */
public final class DivisionResolver {
    private DivisionResolver() {
    }

    /**
     * @param agency   the agency as the report names it (or as hinted, when it names none)
     * @param siteName the name of the site that published the page (its SiteName tag), or null
     */
    public static Division resolve(String agency, String siteName, SourceInfo source, Integer year, ParseNotes notes) {
        if ((agency == null || agency.isBlank()) && siteName == null && source.provinceHint() == null) {
            return Division.newBuilder().setStatus(Resolution.Status.UNRESOLVED.wireName()).build();
        }
        Gazetteer gazetteer = Gazetteer.load();
        Resolution resolution = gazetteer.resolve(agency, source.provinceHint(), source.url(), year);
        // The document's own words first; where the agency's name names no place (「管委会办公室」), the place the
        // publishing site names, then the agency named with the upload or crawl source: each use is said.
        Map<String, String> fallbacks = new LinkedHashMap<>();
        fallbacks.put("the publishing site's name", siteName);
        fallbacks.put("the agency hint given with the document", source.agencyHint());
        for (Map.Entry<String, String> fallback : fallbacks.entrySet()) {
            String words = fallback.getValue();
            if (resolution.status() != Resolution.Status.UNRESOLVED || words == null || words.isBlank()
                    || words.equals(agency)) {
                continue;
            }
            Resolution byFallback = gazetteer.resolve(words, source.provinceHint(), source.url(), year);
            if (byFallback.status() != Resolution.Status.UNRESOLVED) {
                notes.warn("Division: the agency's name '" + agency + "' names no division; the division is the one "
                        + fallback.getKey() + " '" + words + "' names.");
                resolution = byFallback;
            }
        }
        for (String note : resolution.notes()) {
            Optional<Resolution.StaleName> stale = resolution.staleNames().stream()
                    .filter(name -> name.sentence().equals(note)).findFirst();
            if (stale.isPresent()) {
                notes.note(ParseNoteCode.DIVISION_STALE, "division", stale.get().name() + " (" + stale.get().code()
                        + ")", "Division: " + note);
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
