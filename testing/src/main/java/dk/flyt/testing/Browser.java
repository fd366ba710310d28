package dk.flyt.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the code flow: it keeps cookies per host and path as a browser does, and follows
 * redirects only when told to, so a test can see each step (the provider's login page, the callback, the logout).
 */
public final class Browser {
    private final CookieManager cookies = new CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Follows redirects from {@code response} as a browser would, up to ten, and answers the last response. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> r = response;
        for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
            r = get(location(r));
        }
        return r;
    }

    public static String location(HttpResponse<String> r) {
        String location = r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in a " + r.statusCode() + " from " + r.uri()));
        return r.uri().resolve(location).toString();
    }

    /** The cookies the browser holds for a URL. */
    public List<HttpCookie> cookies(String url) {
        return cookies.getCookieStore().get(URI.create(url));
    }

    /** Forgets every cookie (another browser, or a copied cookie to replay). */
    public void forget() {
        cookies.getCookieStore().removeAll();
    }

    public void add(String url, HttpCookie cookie) {
        cookies.getCookieStore().add(URI.create(url), cookie);
    }

    /** The {@code action} of the form with the given id, HTML entities undone. */
    public static String formAction(String html, String formId) {
        Matcher m = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*>")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form " + formId + " in the page:\n" + html);
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(m.group());
        if (!action.find()) {
            throw new AssertionError("form " + formId + " has no action");
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** The value of the hidden input named {@code name} (the first one). */
    public static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no input " + name + " in the page:\n" + html);
        }
        return m.group(1);
    }

    /**
     * Cookies as a browser keeps them for a loopback address: a browser counts {@code http://127.0.0.1} as a secure
     * context and sends it {@code Secure} cookies (Keycloak's are), which {@link CookieManager} alone would hold back.
     */
    private final class LoopbackCookies extends java.net.CookieHandler {
        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            // the store, like CookieManager, hands Secure cookies only to https: ask it as for https
            URI secure = URI.create("https://" + uri.getRawAuthority() + path);
            String header = cookies.getCookieStore().get(secure).stream()
                    .filter(c -> path.startsWith(c.getPath() == null ? "/" : c.getPath()))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
