package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.platform.logging.PersonalDataMask;
import dk.flyt.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-DATA-01 over the whole build: runs after every other test of the reactor but the benchmarks (this module is
 * built after the services, and its classes run in alphabetical order, this one after {@link StackShutdownTest}).
 * It reads every log the runs wrote (each test class's surefire output, the services' process logs of the system
 * tests, the test servers' logs) and fails on any CPR: one the tests made up and recorded, or a literal of the test
 * sources, in either form, or anything CPR-shaped at all. A hit is reported by file and line, the CPR masked.
 */
class WrittenLogsCarryNoCprTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Hit(Path file, long line, String masked) {}

    /**
     * Anything in the written form DDMMYY-SSSS is a hit whoever it belongs to. Ten digits without the dash are a hit
     * only when they are a CPR the tests used: Kafka and PostgreSQL print ten-digit counters that look like one.
     */
    private static final java.util.regex.Pattern DASHED = java.util.regex.Pattern.compile(
            "(?<![\\p{Alnum}-])(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])\\d{2}-\\d{4}(?![\\p{Alnum}])");

    @Test
    void R_DATA_01_noLogOfTheBuildCarriesACpr() {
        List<Path> logs = logsOf(ROOT);
        Set<String> cprs = usedCprs(ROOT);
        assertThat(logs).as("the build wrote logs to scan").isNotEmpty();
        assertThat(cprs).as("the tests used CPRs").isNotEmpty();
        List<Hit> hits = scan(logs, cprs);
        assertThat(hits)
                .as("%d log files scanned for %d CPRs", logs.size(), cprs.size())
                .isEmpty();
    }

    @Test
    void theScanFindsAPlantedCprInEitherFormAndReportsItMasked(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("service.log");
        Files.writeString(log, "fine line\nERROR Key (cpr)=(120385-0042) already exists\nok\nsaw 1203850042 too\n");
        List<Hit> hits = scan(List.of(log), Set.of("120385-0042"));
        assertThat(hits).extracting(Hit::line).containsExactly(2L, 4L);
        assertThat(hits).allSatisfy(h -> assertThat(h.masked()).doesNotContain("0042"));
        Path clean = dir.resolve("clean.log");
        Files.writeString(clean, "order 3f2c9a10-1203-4850-8042-001203850042 placed at 2026-12-01T02:00:00Z\n");
        assertThat(scan(List.of(clean), Set.of("120385-0042"))).isEmpty();
    }

    static List<Hit> scan(List<Path> files, Set<String> cprs) {
        Set<String> needles = new HashSet<>();
        for (String c : cprs) {
            needles.add(c);
            needles.add(c.replace("-", ""));
        }
        List<Hit> hits = new ArrayList<>();
        for (Path f : files) {
            try (Stream<String> lines = Files.lines(f, StandardCharsets.ISO_8859_1)) {
                long[] n = {0};
                lines.forEach(line -> {
                    n[0]++;
                    boolean hit = DASHED.matcher(line).find();
                    if (!hit) {
                        for (String needle : needles) {
                            if (line.contains(needle) && standsAlone(line, needle)) {
                                hit = true;
                                break;
                            }
                        }
                    }
                    if (hit) {
                        hits.add(new Hit(f, n[0], mask(line, needles)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }

    /** Not a piece of a longer number or id (a UUID's last group can hold any ten digits). */
    private static boolean standsAlone(String line, String needle) {
        for (int i = line.indexOf(needle); i >= 0; i = line.indexOf(needle, i + 1)) {
            int end = i + needle.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)) && line.charAt(i - 1) != '-';
            boolean after = end == line.length() || !Character.isLetterOrDigit(line.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    private static String mask(String line, Set<String> needles) {
        String m = PersonalDataMask.mask(line);
        for (String needle : needles) {
            m = m.replace(needle, PersonalDataMask.MASK);
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** Every log under a module's target: surefire output, the system stack's process logs, test servers' logs. */
    static List<Path> logsOf(Path root) {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path target : modules.map(m -> m.resolve("target"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> all = Files.walk(target)) {
                    all.filter(Files::isRegularFile)
                            .filter(p -> {
                                String name = p.getFileName().toString();
                                return name.endsWith("-output.txt")
                                        || name.endsWith(".log")
                                        || name.matches(".*\\.log\\.\\d+");
                            })
                            .forEach(logs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    /** The CPRs the test runs made up (recorded by {@link TestData#cpr()}) and the literals in the test sources. */
    static Set<String> usedCprs(Path root) {
        Set<String> cprs = new HashSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path recorded = module.resolve(TestData.USED_CPRS);
                if (Files.isRegularFile(recorded)) {
                    Files.readAllLines(recorded).stream()
                            .filter(l -> !l.isBlank())
                            .forEach(cprs::add);
                }
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> sources = Files.walk(tests)) {
                        for (Path src : sources.filter(p -> p.toString().endsWith(".java"))
                                .toList()) {
                            Matcher m = PersonalDataMask.CPR_SHAPED.matcher(Files.readString(src));
                            while (m.find()) {
                                String digits = m.group().replace("-", "");
                                cprs.add(digits.substring(0, 6) + "-" + digits.substring(6));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cprs;
    }
}
