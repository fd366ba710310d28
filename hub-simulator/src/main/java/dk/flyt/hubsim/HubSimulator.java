package dk.flyt.hubsim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessage.Answer;
import dk.flyt.contracts.hub.HubMessage.Codes;
import dk.flyt.contracts.hub.HubMessageKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The porting hub and the other Danish operators, simulated. Flyt's {@code HttpHubClient} posts to
 * {@code <url>/messages} and {@code <url>/number-lookups} exactly as to the real hub (with a token the simulator
 * checks like the hub, when {@link #verifyTokens} is set); the simulator answers as the donor operator of each
 * number, routes executed ports network by network, and delivers its messages to Flyt's
 * {@code /api/v1/interop/messages} with the sending operator's token. Switches make it fail the way real
 * interconnects do: outages, duplicates, reordering, late answers, partial or missing routing, hostile operators
 * and replays.
 */
public final class HubSimulator implements AutoCloseable {
    /** The other Danish operators' networks that route a ported number. */
    public static final List<String> NETWORKS = List.of("TDC", "TELIA", "TELENOR");

    private final URI flyt;
    private final Function<String, String> tokenFor;
    private final String flytOperator;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, HUB_THREAD);
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, String> donors = new ConcurrentHashMap<>();
    private final Map<String, String> subscriberIccids = new ConcurrentHashMap<>();
    private final Map<String, List<String>> withheld = new ConcurrentHashMap<>();
    private final Map<String, HubMessage> heldRouting = new ConcurrentHashMap<>();
    private final Map<String, List<HubMessage>> heldAnswers = new ConcurrentHashMap<>();
    private final Set<String> answersHeldOnce = ConcurrentHashMap.newKeySet();
    private final List<HubMessage> received = new CopyOnWriteArrayList<>();
    /** (sender, message id) of every message taken: a hub stores a message once, however often it is sent. */
    private final java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final List<HubMessage> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final Map<String, AtomicInteger> failNextFor = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> unavailableUntil = new AtomicReference<>(Instant.MIN);
    private final List<String> refusedTokens = new CopyOnWriteArrayList<>();
    private volatile int deliveries = 1;
    private volatile Duration lateness = Duration.ofSeconds(2);
    private volatile Clock clock = Clock.systemUTC();
    private volatile TokenVerifier verifier;
    private volatile java.util.function.Consumer<HubMessage> onReceived = m -> {};
    private HttpServer server;

    /**
     * @param flyt Flyt's porting service base URL
     * @param tokenFor a bearer token for an operator id (the hub's own is {@code HUB})
     * @param flytOperator Flyt's operator id
     */
    public HubSimulator(URI flyt, Function<String, String> tokenFor, String flytOperator) {
        this.flyt = flyt;
        this.tokenFor = tokenFor;
        this.flytOperator = flytOperator;
    }

    public HubSimulator start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/messages", this::receive);
        server.createContext("/number-lookups", this::lookup);
        server.createContext("/control/", this::control);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hub-simulator-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return this;
    }

    /** Where Flyt sends its hub messages: configure {@code flyt.porting.hub.url} to this. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- switches -------------------------------------------------------------------------------------------

    public HubSimulator behaviour(String number, Behaviour behaviour) {
        behaviours.put(number, behaviour);
        return this;
    }

    /** The operator that holds the number today (default {@code TDC}): the hub's number register. */
    public HubSimulator donor(String number, String operator) {
        donors.put(number, operator);
        return this;
    }

    /** The donor's subscriber: a porting request must quote this ICCID. */
    public HubSimulator subscriber(String number, String iccid) {
        subscriberIccids.put(number, iccid);
        return this;
    }

    /** With {@link Behaviour#PARTIAL_ROUTING}: the networks that do not route the number until released. */
    public HubSimulator withhold(String number, String... networks) {
        withheld.put(number, List.of(networks));
        return this;
    }

    /**
     * Check Flyt's token on every request as the hub does: signed by {@code issuer}, carrying operator id
     * {@code operator}. Without it, any bearer token passes (but one must be there).
     */
    public HubSimulator verifyTokens(URI issuer, String operator) {
        verifier = new TokenVerifier(issuer, operator);
        return this;
    }

    /** The next {@code n} messages Flyt posts are answered 503, as by a hub that is down. */
    public HubSimulator failNext(int n) {
        failNext.set(n);
        return this;
    }

    /** The next {@code n} messages Flyt posts about {@code number} are answered 503, the others go through. */
    public HubSimulator failNextFor(String number, int n) {
        failNextFor.put(number, new AtomicInteger(n));
        return this;
    }

    /** The hub answers 503 to everything from now (by the simulator's clock) for {@code d}. */
    public HubSimulator unavailableFor(Duration d) {
        unavailableUntil.set(clock.instant().plus(d));
        return this;
    }

    /** Every message the simulator sends to Flyt is posted {@code n} times (the same message id), as hubs retry. */
    public HubSimulator deliverEach(int n) {
        deliveries = Math.max(1, n);
        return this;
    }

    /** The clock the simulated operators stamp their messages with, and outages are timed by. */
    public HubSimulator clock(Clock c) {
        clock = c;
        return this;
    }

    /** How long ANSWER_LATE waits before it accepts. */
    public HubSimulator lateness(Duration d) {
        lateness = d;
        return this;
    }

    // ---- what happened ---------------------------------------------------------------------------------------

    /**
     * Called on the simulator's HTTP thread with every message it accepts from Flyt, as it accepts it (before it
     * answers): a benchmark times a saga's arrival at the hub by it.
     */
    public HubSimulator onReceived(java.util.function.Consumer<HubMessage> listener) {
        onReceived = listener;
        return this;
    }

    /**
     * Every message Flyt delivered to the hub (after any simulated outage), in order; a message sent again with its
     * message id is listed again, though the hub reacted to it once.
     */
    public List<HubMessage> received() {
        return List.copyOf(received);
    }

    public List<HubMessage> received(Predicate<HubMessage> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Every message the simulator delivered to Flyt (accepted with a 2xx), each once however often it was posted. */
    public List<HubMessage> delivered() {
        return List.copyOf(delivered);
    }

    /** Why each request with a token the hub would not accept was refused, in order. */
    public List<String> refusedTokens() {
        return List.copyOf(refusedTokens);
    }

    // ---- what other operators and the hub do on their own ------------------------------------------------------

    /** Another operator asks Flyt to let a number go (port-out). Returns the dossier id. */
    public String requestPortOut(String recipient, String number, String iccid, LocalDate date) {
        String dossier = recipient + "-" + UUID.randomUUID();
        deliver(message(
                HubMessageKind.PORTING_REQUEST,
                recipient,
                flytOperator,
                dossier,
                number,
                iccid,
                date,
                null,
                null,
                null));
        return dossier;
    }

    /** Another operator withdraws its port-out request. */
    public void cancelPortOut(String recipient, String dossier, String number) {
        deliver(message(HubMessageKind.CANCEL, recipient, flytOperator, dossier, number, null, null, null, null, null));
    }

    /** The hub tells everyone a number routes to {@code operator} now. */
    public void broadcastPerformed(String dossier, String number, String operator) {
        deliver(message(
                HubMessageKind.PORTING_PERFORMED,
                HubMessage.HUB,
                flytOperator,
                dossier,
                number,
                null,
                null,
                null,
                null,
                operator));
    }

    /** The hub confirms that {@code network} routes the number of {@code dossier} to {@code operator}. */
    public void confirmRouting(String dossier, String number, String operator, String network) {
        deliver(new HubMessage(
                HubMessage.VERSION,
                "HUB-" + UUID.randomUUID(),
                HubMessageKind.ROUTING_CONFIRMED,
                HubMessage.HUB,
                flytOperator,
                dossier,
                clock.instant(),
                number,
                null,
                null,
                null,
                null,
                operator,
                null,
                network));
    }

    /**
     * The hub reports that a port failed; {@code recipient} names the dossier's recipient for a port-out (the
     * operator the number was going to), null for a port-in of Flyt's.
     */
    public void reportPortingFailed(String dossier, String number, String recipient) {
        deliver(message(
                HubMessageKind.ERROR,
                HubMessage.HUB,
                flytOperator,
                dossier,
                number,
                null,
                null,
                null,
                Codes.PORTING_FAILED,
                recipient));
    }

    /** The hub reports that a port failed (a port-in of Flyt's, or a port-out found by dossier and number). */
    public void reportPortingFailed(String dossier, String number) {
        reportPortingFailed(dossier, number, null);
    }

    /** Routes the networks held back by PARTIAL_ROUTING or NO_ROUTING, then broadcasts the completion. */
    public boolean releaseRouting(String dossier) {
        HubMessage held = heldRouting.remove(dossier);
        if (held == null) {
            return false;
        }
        route(held, NETWORKS.stream().filter(n -> !confirmed(dossier, n)).toList());
        broadcastPerformed(held.dossierId(), held.number(), held.operator());
        return true;
    }

    /** Delivers a completion held back by {@link Behaviour#COMPLETE_LATE} or {@link Behaviour#NO_ROUTING}. */
    public boolean releaseCompletion(String dossier) {
        return releaseRouting(dossier);
    }

    /** Delivers the donor's answers held back by {@link Behaviour#HOLD_ANSWER}, stamped now. */
    public boolean releaseAnswers(String dossier) {
        List<HubMessage> held = heldAnswers.remove(dossier);
        if (held == null) {
            return false;
        }
        held.forEach(a -> deliver(a.stampedAt(clock.instant())));
        return true;
    }

    /**
     * Sends any message to Flyt as its sender, as a misbehaving or duplicating operator would; the HTTP status. What
     * the hub sends on its own (its reactions, on its own thread) it sends again, as a real hub does, while Flyt cannot
     * be reached or answers 5xx: after 0.5 s, then twice as long each time up to 8 s, for {@link #REDELIVER_FOR}; a
     * 4xx is Flyt's refusal and is not sent again.
     */
    public int deliver(HubMessage m) {
        if (Thread.currentThread().getName().equals(HUB_THREAD)) {
            redeliver(m, Duration.ofMillis(500), System.nanoTime() + REDELIVER_FOR.toNanos());
            return 0;
        }
        int status = 0;
        for (int i = 0; i < deliveries; i++) {
            status = post(m).status();
        }
        return status;
    }

    /** How long the hub keeps sending a message Flyt has not taken. */
    static final Duration REDELIVER_FOR = Duration.ofMinutes(5);

    private static final String HUB_THREAD = "hub-simulator";

    private void redeliver(HubMessage m, Duration backoff, long until) {
        boolean taken;
        try {
            int status = 0;
            for (int i = 0; i < deliveries; i++) {
                status = post(m).status();
            }
            taken = status < 500;
        } catch (IllegalStateException unreachable) {
            taken = false;
        }
        if (!taken && System.nanoTime() < until) {
            Duration next = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0
                    ? Duration.ofSeconds(8)
                    : backoff.multipliedBy(2);
            executor.schedule(() -> redeliver(m, next, until), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** What Flyt answered to one post. */
    public record Response(int status, String body) {
        /** A field Flyt's problem document names, or null. */
        public String field() {
            try {
                JsonNode errors = new ObjectMapper().readTree(body).path("errors");
                return errors.isArray() && !errors.isEmpty()
                        ? errors.get(0).path("field").asText()
                        : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Posts one message to Flyt once, as its sender, and returns Flyt's answer (a problem document if refused). */
    public Response post(HubMessage m) {
        try {
            HttpRequest request = HttpRequest.newBuilder(flyt.resolve("/api/v1/interop/messages"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokenFor.apply(m.sender()))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(m)))
                    .build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2
                    && delivered.stream().noneMatch(d -> d.messageId().equals(m.messageId()))) {
                delivered.add(m);
            }
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot deliver to Flyt", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HubMessage message(
            HubMessageKind kind,
            String sender,
            String recipient,
            String dossier,
            String number,
            String iccid,
            LocalDate date,
            Answer answer,
            String code,
            String operator) {
        return new HubMessage(
                HubMessage.VERSION,
                sender + "-" + UUID.randomUUID(),
                kind,
                sender,
                recipient,
                dossier,
                clock.instant(),
                number,
                iccid,
                date,
                answer,
                code,
                operator,
                null);
    }

    // ---- the hub's side of Flyt's messages -------------------------------------------------------------------

    private boolean refused(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"POST only\"}");
            return true;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        TokenVerifier v = verifier;
        TokenVerifier.Refusal refusal = v == null
                ? (authorization == null ? new TokenVerifier.Refusal(401, "missing token") : null)
                : v.check(authorization);
        if (refusal != null) {
            refusedTokens.add(refusal.status() + " " + refusal.reason());
            respond(exchange, refusal.status(), "{\"error\":\"" + refusal.reason() + "\"}");
            return true;
        }
        if (clock.instant().isBefore(unavailableUntil.get()) || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, "{\"error\":\"hub unavailable\"}");
            return true;
        }
        return false;
    }

    /**
     * The switches of a local run, for whoever runs it on this machine (the server listens on the loopback address
     * only): {@code PUT /control/subscribers/{number}} with the donor subscriber's ICCID as the body (a request quoting
     * another is rejected), {@code PUT /control/behaviours/{number}} with a {@link Behaviour} name, and {@code POST
     * /control/routing/{dossier}/release}.
     */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String method = exchange.getRequestMethod();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            }
            if (path.length == 4 && "PUT".equals(method) && "subscribers".equals(path[2]) && !body.isEmpty()) {
                subscriber(path[3], body);
                respond(exchange, 204, "");
            } else if (path.length == 4 && "PUT".equals(method) && "behaviours".equals(path[2])) {
                try {
                    behaviour(path[3], Behaviour.valueOf(body));
                    respond(exchange, 204, "");
                } catch (IllegalArgumentException unknown) {
                    respond(exchange, 400, "{\"error\":\"unknown behaviour\"}");
                }
            } else if (path.length == 5
                    && "POST".equals(method)
                    && "routing".equals(path[2])
                    && "release".equals(path[4])) {
                respond(exchange, releaseRouting(path[3]) ? 204 : 404, "");
            } else {
                respond(exchange, 404, "{\"error\":\"no such switch\"}");
            }
        }
    }

    private void lookup(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (refused(exchange)) {
                return;
            }
            String number;
            try (InputStream in = exchange.getRequestBody()) {
                number = json.readTree(in).path("number").asText(null);
            } catch (IOException e) {
                number = null;
            }
            if (number == null) {
                respond(exchange, 400, "{\"error\":\"number is required\"}");
                return;
            }
            String holder = donors.getOrDefault(number, "TDC");
            respond(exchange, 200, json.writeValueAsString(Map.of("number", number, "operator", holder)));
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (refused(exchange)) {
                return;
            }
            HubMessage m;
            try (InputStream in = exchange.getRequestBody()) {
                m = json.readValue(in, HubMessage.class);
            } catch (IOException | RuntimeException e) {
                respond(exchange, 400, "{\"error\":\"unreadable message\"}");
                return;
            }
            AtomicInteger failing = m.number() == null ? null : failNextFor.get(m.number());
            if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "{\"error\":\"hub unavailable\"}");
                return;
            }
            received.add(m);
            onReceived.accept(m);
            boolean duplicate = !taken.add(m.sender() + "/" + m.messageId());
            respond(exchange, 202, "{\"messageId\":\"" + m.messageId() + "\",\"duplicate\":" + duplicate + "}");
            if (!duplicate) {
                executor.execute(() -> react(m));
            }
        }
    }

    private void react(HubMessage m) {
        switch (m.kind()) {
            case PORTING_REQUEST -> answerAsDonor(m);
            case PORTING_PERFORMED -> execute(m);
            default -> {
                // CANCEL, answers to port-outs, errors and returned numbers are recorded; nobody needs a reply
            }
        }
    }

    /** Flyt executes a port-in: the networks route the number to Flyt one by one, then the hub broadcasts it. */
    private void execute(HubMessage m) {
        Behaviour b = behaviours.getOrDefault(m.number(), Behaviour.ACCEPT);
        switch (b) {
            case NO_ROUTING, COMPLETE_LATE -> heldRouting.put(m.dossierId(), m);
            case PARTIAL_ROUTING -> {
                List<String> out = withheld.getOrDefault(m.number(), List.of(NETWORKS.getLast()));
                route(m, NETWORKS.stream().filter(n -> !out.contains(n)).toList());
                heldRouting.put(m.dossierId(), m);
            }
            default -> {
                route(m, NETWORKS);
                broadcastPerformed(m.dossierId(), m.number(), m.operator());
            }
        }
    }

    private final Map<String, Set<String>> routed = new ConcurrentHashMap<>();

    private boolean confirmed(String dossier, String network) {
        return routed.getOrDefault(dossier, Set.of()).contains(network);
    }

    private void route(HubMessage m, List<String> networks) {
        for (String network : networks) {
            routed.computeIfAbsent(m.dossierId(), d -> ConcurrentHashMap.newKeySet())
                    .add(network);
            confirmRouting(m.dossierId(), m.number(), m.operator(), network);
        }
    }

    private void answerAsDonor(HubMessage request) {
        String donor = donors.getOrDefault(request.number(), "TDC");
        Behaviour b = behaviours.getOrDefault(request.number(), Behaviour.ACCEPT);
        String knownIccid = subscriberIccids.get(request.number());
        boolean accepting = b != Behaviour.REJECT_WRONG_ICCID && b != Behaviour.REJECT_UNKNOWN_NUMBER;
        if (accepting && knownIccid != null && !knownIccid.equals(request.iccid())) {
            b = Behaviour.REJECT_WRONG_ICCID;
        }
        List<HubMessage> answers = new ArrayList<>();
        switch (b) {
            case REJECT_WRONG_ICCID -> answers.add(answer(request, donor, Answer.REJECT, Codes.ICCID_MISMATCH));
            case REJECT_UNKNOWN_NUMBER -> answers.add(answer(request, donor, Answer.REJECT, Codes.UNKNOWN_NUMBER));
            case ANSWER_TWICE -> {
                answers.add(answer(request, donor, Answer.ACCEPT, null));
                answers.add(answer(request, donor, Answer.ACCEPT, null));
            }
            case OUT_OF_ORDER -> {
                HubMessage delayed = answer(request, donor, Answer.DELAYED, null);
                HubMessage accept = answer(request, donor, Answer.ACCEPT, null);
                answers.add(accept);
                answers.add(delayed);
            }
            case ANSWER_LATE -> {
                deliver(answer(request, donor, Answer.DELAYED, null));
                HubMessage accept = answer(request, donor, Answer.ACCEPT, null);
                executor.schedule(
                        () -> deliver(accept.stampedAt(clock.instant())), lateness.toMillis(), TimeUnit.MILLISECONDS);
            }
            case HOLD_ANSWER -> {
                HubMessage accept = answer(request, donor, Answer.ACCEPT, null);
                if (answersHeldOnce.add(request.dossierId())) {
                    heldAnswers
                            .computeIfAbsent(request.dossierId(), d -> new CopyOnWriteArrayList<>())
                            .add(accept);
                } else {
                    answers.add(accept);
                }
            }
            case PROPOSE_LATER_DATE -> {
                HubMessage accept = answer(request, donor, Answer.ACCEPT, null);
                answers.add(new HubMessage(
                        accept.version(),
                        accept.messageId(),
                        accept.kind(),
                        accept.sender(),
                        accept.recipient(),
                        accept.dossierId(),
                        accept.sentAt(),
                        accept.number(),
                        null,
                        request.portDate() == null ? null : request.portDate().plusDays(7),
                        Answer.ACCEPT,
                        null,
                        null,
                        request.messageId()));
            }
            default -> answers.add(answer(request, donor, Answer.ACCEPT, null));
        }
        answers.forEach(this::deliver);
    }

    private HubMessage answer(HubMessage request, String donor, Answer answer, String code) {
        return new HubMessage(
                HubMessage.VERSION,
                donor + "-" + UUID.randomUUID(),
                HubMessageKind.PORTING_ANSWER,
                donor,
                request.sender(),
                request.dossierId(),
                clock.instant(),
                request.number(),
                null,
                answer == Answer.ACCEPT ? request.portDate() : null,
                answer,
                code,
                null,
                request.messageId());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
