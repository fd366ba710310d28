package dk.flyt.hubsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The credit bureau, the SMS gateway and the payment provider as the services' HTTP adapters meet them, on one port,
 * behind an API key, with the contracts of {@code docs/adapters.md}: for tests and the local stack, failures
 * included. The bureau decides by the subject's last four digits ({@code 9999} refused {@code RKI}, {@code 9998}
 * refused {@code ADDRESS_UNKNOWN}, {@code 9997} answers too late); the provider by the payment reference
 * ({@code declined...} declines, {@code unavailable...} answers 503) and never takes twice for one idempotency key;
 * {@link #unavailable} makes every API answer 503.
 */
public final class PartnerSimulator implements AutoCloseable {
    /** One text message the gateway accepted. */
    public record Sms(String id, String to, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;
    private final List<Sms> sms = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> charges = new ConcurrentHashMap<>();
    private final Map<String, Long> taken = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private volatile Duration lateAnswer = Duration.ofSeconds(5);
    private HttpServer server;

    public PartnerSimulator(String apiKey) {
        this.apiKey = apiKey;
    }

    public PartnerSimulator start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/credit-checks", e -> handle(e, this::creditCheck));
        server.createContext("/sms", e -> handle(e, this::sms));
        server.createContext("/charges", e -> handle(e, this::charge));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "partner-simulator-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every API answers 503 while set. */
    public PartnerSimulator unavailable(boolean on) {
        unavailable.set(on);
        return this;
    }

    /** How long the bureau takes for a subject ending {@code 9997}. */
    public PartnerSimulator lateAnswer(Duration d) {
        lateAnswer = d;
        return this;
    }

    /** The text messages sent to a number, oldest first. */
    public List<Sms> smsTo(String number) {
        return sms.stream().filter(m -> m.to().equals(number)).toList();
    }

    /** What the provider has taken from a payment reference in all. */
    public long taken(String paymentRef) {
        return taken.getOrDefault(paymentRef, 0L);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private record Answer(int status, Object body) {}

    private interface Api {
        Answer answer(JsonNode body) throws Exception;
    }

    private void handle(HttpExchange e, Api api) throws IOException {
        try (e) {
            Answer a;
            if (!("Bearer " + apiKey).equals(e.getRequestHeaders().getFirst("Authorization"))) {
                a = new Answer(401, Map.of("error", "unknown API key"));
            } else if (unavailable.get()) {
                a = new Answer(503, Map.of("error", "maintenance"));
            } else if (e.getRequestMethod().equals("GET")
                    && e.getRequestURI().getPath().equals("/sms")) {
                a = new Answer(200, sms);
            } else if (!e.getRequestMethod().equals("POST")) {
                a = new Answer(405, Map.of("error", "POST only"));
            } else {
                JsonNode body;
                try {
                    body = JSON.readTree(e.getRequestBody());
                } catch (IOException bad) {
                    body = null;
                }
                try {
                    a = body == null || !body.isObject()
                            ? new Answer(400, Map.of("error", "a JSON object is expected"))
                            : api.answer(body);
                } catch (Exception failure) {
                    a = new Answer(500, Map.of("error", failure.getClass().getSimpleName()));
                }
            }
            byte[] bytes = JSON.writeValueAsBytes(a.body());
            e.getResponseHeaders().set("Content-Type", "application/json");
            e.sendResponseHeaders(a.status(), bytes.length);
            e.getResponseBody().write(bytes);
        }
    }

    private Answer creditCheck(JsonNode body) throws InterruptedException {
        String subject = body.path("subject").asText("").replaceAll("\\D", "");
        if (subject.length() != 10 && subject.length() != 8) {
            return new Answer(400, Map.of("error", "subject must be a CPR (10 digits) or CVR (8 digits) number"));
        }
        if (subject.endsWith("9997")) {
            Thread.sleep(lateAnswer.toMillis());
        }
        if (subject.endsWith("9999")) {
            return new Answer(200, Map.of("decision", "REFUSED", "reason", "RKI"));
        }
        if (subject.endsWith("9998")) {
            return new Answer(200, Map.of("decision", "REFUSED", "reason", "ADDRESS_UNKNOWN"));
        }
        return new Answer(200, Map.of("decision", "APPROVED"));
    }

    private Answer sms(JsonNode body) {
        String to = body.path("to").asText("");
        String text = body.path("text").asText("");
        if (!to.matches("\\+45\\d{8}") || text.isBlank() || text.length() > 612) {
            return new Answer(400, Map.of("error", "to must be +45 and 8 digits; text 1-612 characters"));
        }
        Sms m = new Sms(UUID.randomUUID().toString(), to, text);
        sms.add(m);
        return new Answer(202, Map.of("id", m.id()));
    }

    private synchronized Answer charge(JsonNode body) {
        String ref = body.path("paymentRef").asText("");
        long amount = body.path("amountOre").asLong(-1);
        String key = body.path("idempotencyKey").asText("");
        if (ref.isBlank() || key.isBlank() || amount <= 0) {
            return new Answer(400, Map.of("error", "paymentRef, a positive amountOre and idempotencyKey are required"));
        }
        if (ref.startsWith("unavailable")) {
            return new Answer(503, Map.of("error", "provider timeout"));
        }
        ObjectNode earlier = charges.get(key);
        if (earlier != null) {
            return new Answer(earlier.path("status").asInt(), earlier.get("body"));
        }
        ObjectNode stored = JSON.createObjectNode();
        if (ref.startsWith("declined")) {
            stored.put("status", 402);
            stored.set("body", JSON.createObjectNode().put("reason", "card declined"));
        } else {
            stored.put("status", 201);
            stored.set("body", JSON.createObjectNode().put("transactionId", "psp-" + UUID.randomUUID()));
            taken.merge(ref, amount, Long::sum);
        }
        charges.put(key, stored);
        return new Answer(stored.path("status").asInt(), stored.get("body"));
    }
}
