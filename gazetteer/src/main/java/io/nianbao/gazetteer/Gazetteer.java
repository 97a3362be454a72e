package io.nianbao.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * China's administrative divisions down to town level, from the NBS 统计用区划代码 tables of 2020 and 2023
 * (see gazetteer/DATA.md), and the resolution of an agency's name to its division.
 *
 * <p>Resolution never guesses: a name several divisions bear stays ambiguous, with all of them listed, unless the
 * agency's own name (county + town), the report year, a hint given with the report or the source site tells them
 * apart. The name comes first: a hint only chooses among the divisions it names, or supplies one when it names none.
 */
public final class Gazetteer {
    private static final String DIVISIONS = "divisions.tsv.gz";
    private static final String ALIASES = "aliases.tsv";
    private static final String HOSTS = "hosts.tsv";

    private final Map<String, List<Division>> namesByCode;
    private final AgencyNames agencyNames;
    private final SourceHosts sourceHosts;
    private final int[] snapshots;

    private Gazetteer(Map<String, List<Division>> namesByCode, Map<String, List<Division>> byName,
            Map<String, String> codeByHost) {
        this.namesByCode = namesByCode;
        this.agencyNames = new AgencyNames(byName);
        this.sourceHosts = new SourceHosts(codeByHost);
        this.snapshots = namesByCode.values().stream().flatMap(List::stream)
                .flatMapToInt(division -> IntStream.of(division.firstSnapshot(), division.lastSnapshot()))
                .distinct().sorted().toArray();
    }

    /** The bundled gazetteer, read once (about 47,000 names; a fraction of a second). */
    public static Gazetteer load() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final Gazetteer INSTANCE = read();
    }

    /** The division with this code, under its name in the latest table that has it. */
    public Optional<Division> byCode(String code) {
        List<Division> names = namesByCode.get(code);
        return names == null ? Optional.empty() : Optional.of(names.get(0));
    }

    /**
     * The divisions of a level in the latest bundled table, in code order, without NBS placeholders (市辖区 …): the
     * counties of the country, say.
     */
    public List<Division> current(Level level) {
        int latest = snapshots[snapshots.length - 1];
        return namesByCode.values().stream().map(names -> names.get(0))
                .filter(division -> division.level() == level && division.lastSnapshot() == latest
                        && !division.isPlaceholder())
                .sorted(Comparator.comparing(Division::code)).toList();
    }

    /** Every name the division with this code carried in the bundled tables, latest first. */
    public List<Division> history(String code) {
        return namesByCode.getOrDefault(code, List.of());
    }

    /**
     * Where {@code agency} sits: among the divisions its name names, the hints and the source site only choose.
     *
     * @param agency    the agency as printed (「盐池县花马池镇人民政府」), or null
     * @param hints     where the report is said to come from ({@link Hints#NONE} when nothing is said): they narrow
     *                  several divisions the name names; a single one outside them is kept, and the disagreement noted
     * @param sourceUrl where the report was found, or null: a known site narrows an ambiguous name
     * @param year      the year reported on, or null: names not in use that year are passed over when another fits
     */
    public Resolution resolve(String agency, Hints hints, String sourceUrl, Integer year) {
        List<String> notes = new ArrayList<>();
        List<Resolution.StaleName> stale = new ArrayList<>();
        List<Resolution.HintUse> hintUses = new ArrayList<>();
        List<Hint> declared = declared(hints, notes);
        if (agency == null || agency.isBlank()) {
            return Resolution.unresolved(notes, stale, hintUses);
        }
        List<List<Division>> found = agencyNames.find(agency);
        if (found.isEmpty()) {
            notes.add("No division name found in the agency name '" + agency + "'.");
            return Resolution.unresolved(notes, stale, hintUses);
        }
        List<Division> candidates = deepest(inYear(mostConsistent(found), year, notes, stale));
        if (codes(candidates).size() == 1) {
            for (Hint hint : declared) {
                noteDisagreement(agency, candidates.get(0), hint, notes, hintUses);
            }
        } else {
            for (Hint hint : declared) {
                if (codes(candidates).size() > 1) {
                    candidates = narrowBy(hint, agency, candidates, notes, hintUses);
                }
            }
            if (codes(candidates).size() > 1 && sourceUrl != null) {
                candidates = narrowBySite(candidates, sourceUrl, notes);
            }
        }
        List<String> codes = codes(candidates);
        if (codes.size() > 1) {
            notes.add("'" + agency + "' names " + codes.size() + " divisions; left ambiguous: " + codes + ".");
            return describe(Resolution.Status.AMBIGUOUS, commonAncestor(codes), null, codes, notes, stale, hintUses);
        }
        Division division = candidates.get(0);
        return describe(Resolution.Status.RESOLVED, division.code(), division, List.of(), notes, stale, hintUses);
    }

    /**
     * Where the hints alone place a report whose words name no division: in the hinted division (city, county or
     * town), resolved; else only in the hinted province, unresolved, since the agency's own place is not known.
     */
    public Resolution fromHints(Hints hints) {
        List<String> notes = new ArrayList<>();
        List<Resolution.HintUse> hintUses = new ArrayList<>();
        List<Hint> declared = declared(hints, notes);
        if (declared.isEmpty()) {
            return Resolution.unresolved(notes, List.of(), hintUses);
        }
        Hint hint = declared.get(0);
        boolean placed = hint.kind() == HintKind.DIVISION;
        addHintUse(Resolution.HintUse.Effect.SUPPLIED, hint, placed
                ? "The report's words name no division; it is " + hint.description() + "."
                : "The report's words name no division; only " + hint.description() + " is known.", notes, hintUses);
        return describe(placed ? Resolution.Status.RESOLVED : Resolution.Status.UNRESOLVED, hint.division().code(),
                placed ? hint.division() : null, List.of(), notes, List.of(), hintUses);
    }

    private enum HintKind {
        DIVISION, PROVINCE
    }

    /** A hint that names a division of the gazetteer; {@code description} names both (「the hinted province 福建省 (35)」). */
    private record Hint(HintKind kind, String given, Division division, String description) {
    }

    private Hint hint(HintKind kind, String given, Division division) {
        return new Hint(kind, given, division, "the hinted " + kind.name().toLowerCase(Locale.ROOT) + " "
                + qualifiedName(division, division.lastSnapshot()) + " (" + division.code() + ")");
    }

    /** The hints that name a division, the most precise first; the others are noted and ignored. */
    private List<Hint> declared(Hints hints, List<String> notes) {
        List<Hint> declared = new ArrayList<>();
        if (hints.division() != null && !hints.division().isBlank()) {
            String given = hints.division().strip();
            byCode(given).ifPresentOrElse(division -> declared.add(hint(HintKind.DIVISION, given, division)),
                    () -> notes.add("The division hint '" + given + "' is not a division code; it is ignored."));
        }
        if (hints.province() != null && !hints.province().isBlank()) {
            String given = hints.province().strip();
            provinceCode(given).flatMap(this::byCode).ifPresentOrElse(
                    province -> declared.add(hint(HintKind.PROVINCE, given, province)),
                    () -> notes.add("The province hint '" + given + "' is not a province code or name; it is ignored."));
        }
        return declared;
    }

    private void noteDisagreement(String agency, Division named, Hint hint, List<String> notes,
            List<Resolution.HintUse> hintUses) {
        if (!related(named, hint.division())) {
            addHintUse(Resolution.HintUse.Effect.OVERRULED, hint, "'" + agency + "' names "
                    + qualifiedName(named, named.lastSnapshot()) + " (" + named.code() + "), outside "
                    + hint.description() + "; the report's words are taken.", notes, hintUses);
        }
    }

    /** Those of several candidates related to the hint; all of them, and a note, when none is. */
    private List<Division> narrowBy(Hint hint, String agency, List<Division> candidates, List<String> notes,
            List<Resolution.HintUse> hintUses) {
        List<Division> kept = candidates.stream().filter(candidate -> related(candidate, hint.division())).toList();
        int named = codes(candidates).size();
        if (kept.isEmpty()) {
            addHintUse(Resolution.HintUse.Effect.OVERRULED, hint, "None of the " + named + " divisions '" + agency
                    + "' names lies in " + hint.description() + "; the hint is not used.", notes, hintUses);
            return candidates;
        }
        List<String> keptCodes = codes(kept);
        if (keptCodes.size() < named) {
            Division first = kept.get(0);
            addHintUse(Resolution.HintUse.Effect.NARROWED, hint, "Of the " + named + " divisions '" + agency
                    + "' names, " + (keptCodes.size() == 1
                            ? "the one in " + hint.description() + " is taken: "
                                    + qualifiedName(first, first.lastSnapshot()) + " (" + first.code() + ")."
                            : keptCodes.size() + " lie in " + hint.description() + ": " + keptCodes + "."),
                    notes, hintUses);
        }
        return kept;
    }

    private static void addHintUse(Resolution.HintUse.Effect effect, Hint hint, String sentence, List<String> notes,
            List<Resolution.HintUse> hintUses) {
        notes.add(sentence);
        hintUses.add(new Resolution.HintUse(effect, hint.given(), sentence));
    }

    /** The divisions that agree with the most other names in the agency's name (花马池镇 under 盐池县). */
    private static List<Division> mostConsistent(List<List<Division>> found) {
        Map<Division, Integer> agreement = new LinkedHashMap<>();
        for (int token = 0; token < found.size(); token++) {
            for (Division division : found.get(token)) {
                int agreeing = 0;
                for (int other = 0; other < found.size(); other++) {
                    if (other != token && found.get(other).stream().anyMatch(name -> related(name, division))) {
                        agreeing++;
                    }
                }
                agreement.merge(division, agreeing, Math::max);
            }
        }
        int best = agreement.values().stream().max(Integer::compare).orElseThrow();
        return agreement.entrySet().stream().filter(entry -> entry.getValue() == best).map(Map.Entry::getKey).toList();
    }

    private static boolean related(Division one, Division other) {
        return one.within(other.code()) || other.within(one.code());
    }

    /** Those whose name was in use in {@code year}; all of them (and a note) when none was. */
    private List<Division> inYear(List<Division> divisions, Integer year, List<String> notes,
            List<Resolution.StaleName> stale) {
        if (year == null) {
            return divisions;
        }
        List<Division> current = divisions.stream().filter(division -> inUse(division, year)).toList();
        if (current.isEmpty()) {
            for (Division division : divisions) {
                Resolution.StaleName name = new Resolution.StaleName(division.name(), division.code(), year,
                        span(division));
                stale.add(name);
                notes.add(name.sentence());
            }
            return divisions;
        }
        return current;
    }

    /** Whether the name may have been in use in {@code year}: between the snapshots around the ones that have it. */
    private boolean inUse(Division division, int year) {
        int first = division.firstSnapshot() == snapshots[0] ? Integer.MIN_VALUE
                : snapshots[Arrays.binarySearch(snapshots, division.firstSnapshot()) - 1] + 1;
        int last = division.lastSnapshot() == snapshots[snapshots.length - 1] ? Integer.MAX_VALUE
                : snapshots[Arrays.binarySearch(snapshots, division.lastSnapshot()) + 1] - 1;
        return first <= year && year <= last;
    }

    private static String span(Division division) {
        return division.firstSnapshot() == division.lastSnapshot() ? "in " + division.firstSnapshot()
                : "from " + division.firstSnapshot() + " to " + division.lastSnapshot();
    }

    /** The most precise of them: a town named beside its county is the answer, not the county. */
    private static List<Division> deepest(List<Division> divisions) {
        int level = divisions.stream().mapToInt(division -> division.level().ordinal()).max().orElseThrow();
        return divisions.stream().filter(division -> division.level().ordinal() == level).toList();
    }

    private List<Division> narrowBySite(List<Division> candidates, String sourceUrl, List<String> notes) {
        Optional<String> site = sourceHosts.codeOf(sourceUrl);
        if (site.isEmpty()) {
            return candidates;
        }
        List<Division> onSite = within(candidates, site.get());
        String siteName = byCode(site.get()).map(Division::name).orElse(site.get());
        if (onSite.isEmpty()) {
            notes.add("The source site " + sourceUrl + " belongs to " + siteName + ", where none of the candidates lies.");
            return candidates;
        }
        notes.add("The source site " + sourceUrl + " belongs to " + siteName + " (" + site.get() + ").");
        return onSite;
    }

    private Optional<String> provinceCode(String hint) {
        if (hint.chars().allMatch(Character::isDigit)) {
            String code = hint.length() >= 2 ? hint.substring(0, 2) : hint;
            return byCode(code).filter(division -> division.level() == Level.PROVINCE).map(Division::code);
        }
        return namesByCode.values().stream().map(names -> names.get(0))
                .filter(division -> division.level() == Level.PROVINCE)
                .filter(division -> hint.length() >= 2 && (division.name().startsWith(hint) || hint.startsWith(division.name())))
                .map(Division::code).findFirst();
    }

    private static List<Division> within(List<Division> divisions, String ancestorCode) {
        return divisions.stream().filter(division -> division.within(ancestorCode)).toList();
    }

    private static List<String> codes(List<Division> divisions) {
        return List.copyOf(divisions.stream().map(Division::code).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The code of the most precise level all codes share, or null when they differ at the province. */
    private static String commonAncestor(List<String> codes) {
        for (int length : new int[] { Level.COUNTY.codeLength(), Level.CITY.codeLength(), Level.PROVINCE.codeLength() }) {
            String prefix = codes.get(0).substring(0, length);
            if (codes.stream().allMatch(code -> code.startsWith(prefix))) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * Fills the levels from the province down to {@code code}. {@code matched} is the name found in the agency (null
     * when ambiguous); the enclosing divisions are named as they were when that name was in use.
     */
    private Resolution describe(Resolution.Status status, String code, Division matched, List<String> candidates,
            List<String> notes, List<Resolution.StaleName> stale, List<Resolution.HintUse> hintUses) {
        String[] levelCodes = new String[4];
        String[] levelNames = new String[4];
        int era = matched == null ? snapshots[snapshots.length - 1] : matched.lastSnapshot();
        for (Level level : Level.values()) {
            if (code == null || code.length() < level.codeLength()) {
                break;
            }
            String levelCode = code.substring(0, level.codeLength());
            Division named = level.codeLength() == code.length() && matched != null ? matched : nameIn(levelCode, era);
            // NBS placeholders (市辖区, 省直辖县级行政区划) are no level of their own.
            if (named != null && !named.isPlaceholder()) {
                levelCodes[level.ordinal()] = levelCode;
                levelNames[level.ordinal()] = named.name();
            }
        }
        String current = null;
        if (matched != null) {
            current = currentCode(matched);
            describeSuccession(matched, current, notes);
        }
        return new Resolution(status, levelCodes[0], levelNames[0], levelCodes[1], levelNames[1], levelCodes[2],
                levelNames[2], levelCodes[3], levelNames[3], current, candidates, notes, stale, hintUses);
    }

    private Division nameIn(String code, int era) {
        return history(code).stream()
                .filter(division -> division.firstSnapshot() <= era && era <= division.lastSnapshot())
                .findFirst().orElseGet(() -> byCode(code).orElse(null));
    }

    /** The code the division has in the latest table: itself, its successor, or its town under the successor. */
    private String currentCode(Division division) {
        int latest = snapshots[snapshots.length - 1];
        if (byCode(division.code()).filter(named -> named.lastSnapshot() == latest).isPresent()) {
            return division.code();
        }
        if (division.successorCode() != null) {
            return division.successorCode();
        }
        if (division.level() == Level.TOWN) {
            String county = byCode(division.code().substring(0, 6)).map(Division::successorCode).orElse(null);
            if (county != null) {
                return namesByCode.values().stream().map(names -> names.get(0))
                        .filter(town -> town.level() == Level.TOWN && town.within(county)
                                && town.name().equals(division.name()) && town.lastSnapshot() == latest)
                        .map(Division::code).findFirst().orElse(null);
            }
        }
        return null;
    }

    private void describeSuccession(Division matched, String current, List<String> notes) {
        int latest = snapshots[snapshots.length - 1];
        if (matched.lastSnapshot() == latest) {
            return;
        }
        String now = current == null ? "no division in its place could be found"
                : "it is " + qualifiedName(byCode(current).orElseThrow(), latest) + " (" + current + ")";
        notes.add(qualifiedName(matched, matched.lastSnapshot()) + " (" + matched.code() + ") is the name in the NBS tables "
                + span(matched) + "; in the " + latest + " table " + now + ".");
    }

    /** A town with its county (孟津县白鹤镇): a town name alone says little. */
    private String qualifiedName(Division division, int era) {
        if (division.level() != Level.TOWN) {
            return division.name();
        }
        Division county = nameIn(division.code().substring(0, 6), era);
        return (county == null || county.isPlaceholder() ? "" : county.name()) + division.name();
    }

    private static Gazetteer read() {
        Map<String, List<Division>> namesByCode = new HashMap<>();
        Map<String, List<Division>> byName = new HashMap<>();
        eachLine(DIVISIONS, fields -> {
            Division division = new Division(fields[0], fields[1], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
                    fields.length > 4 && !fields[4].isEmpty() ? fields[4] : null);
            namesByCode.computeIfAbsent(division.code(), code -> new ArrayList<>()).add(division);
            if (!division.isPlaceholder()) {
                byName.computeIfAbsent(division.name(), name -> new ArrayList<>()).add(division);
            }
        });
        namesByCode.values().forEach(names -> names.sort(Comparator.comparingInt(Division::lastSnapshot).reversed()));
        eachLine(ALIASES, fields -> {
            // The alias finds the division under its own name, so the resolution names it as the NBS table does.
            byName.computeIfAbsent(fields[0], name -> new ArrayList<>()).add(namesByCode.get(fields[1]).get(0));
        });
        Map<String, String> codeByHost = new HashMap<>();
        eachLine(HOSTS, fields -> codeByHost.put(fields[0], fields[1]));
        return new Gazetteer(namesByCode, byName, codeByHost);
    }

    private static void eachLine(String resource, Consumer<String[]> handler) {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("gazetteer data missing from the class path: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        handler.accept(line.split("\t", -1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer data " + resource, e);
        }
    }
}
