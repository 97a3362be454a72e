package io.nianbao.gazetteer;

/**
 * Where whoever sent a report says it comes from: a crawl source's province and division, an upload's province.
 * The report's own words come first; a hint breaks a tie between the places they name, or supplies the place when
 * they name none.
 *
 * @param province a province code (「64」, or a longer code starting with it) or name, or null
 * @param division a city, county or town code (「640323」), or null
 */
public record Hints(String province, String division) {
    public static final Hints NONE = new Hints(null, null);

    public static Hints ofProvince(String province) {
        return new Hints(province, null);
    }
}
