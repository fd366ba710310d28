package dk.flyt.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which upstream serves a path: the longest matching prefix, on whole path segments. */
public final class RouteTable {
    /** One upstream. */
    public record Upstream(String name, String host, int port) {}

    private record Entry(String prefix, Upstream upstream) {}

    private final List<Entry> entries;
    private final List<String> neverRouted;

    RouteTable(List<Entry> entries, List<String> neverRouted) {
        this.entries = entries;
        this.neverRouted = neverRouted;
    }

    public static RouteTable of(Map<String, GatewayConfig.Route> routes, List<String> neverRouted) {
        List<Entry> entries = new ArrayList<>();
        routes.forEach((name, route) -> {
            URI uri = URI.create(route.upstream());
            Upstream upstream = new Upstream(name, uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
            route.prefixes().forEach(prefix -> entries.add(new Entry(strip(prefix), upstream)));
        });
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new RouteTable(
                List.copyOf(entries),
                neverRouted.stream().map(RouteTable::strip).toList());
    }

    /** The upstream called {@code name}. */
    public Upstream upstream(String name) {
        return entries.stream()
                .map(Entry::upstream)
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no route " + name));
    }

    /** The upstream for the path, if any routes it. */
    public Optional<Upstream> match(String path) {
        if (path == null || neverRouted.stream().anyMatch(p -> under(path, p))) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(e -> under(path, e.prefix()))
                .map(Entry::upstream)
                .findFirst();
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String strip(String prefix) {
        String p = prefix.strip();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
