package io.nianbao.parser.division;

import io.nianbao.gazetteer.Gazetteer;
import io.nianbao.gazetteer.Resolution;
import io.nianbao.parser.ParseNotes;
import io.nianbao.parser.SourceInfo;
import io.nianbao.schema.Division;

/**
 * A report's division from the town-level gazetteer: the agency as printed, the upload's or crawl's province hint
 * (which wins), the source site, and the report year (names change: 孟津县 until 2020, 孟津区 after). An ambiguous
 * name keeps every candidate and is never guessed; what the gazetteer noticed joins the warnings.
 */
public final class DivisionResolver {
    private DivisionResolver() {
    }

    public static Division resolve(String agency, SourceInfo source, Integer year, ParseNotes notes) {
        if ((agency == null || agency.isBlank()) && source.provinceHint() == null) {
            return Division.newBuilder().setStatus(Resolution.Status.UNRESOLVED.wireName()).build();
        }
        Resolution resolution = Gazetteer.load().resolve(agency, source.provinceHint(), source.url(), year);
        resolution.notes().forEach(note -> notes.warn("Division: " + note));
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
