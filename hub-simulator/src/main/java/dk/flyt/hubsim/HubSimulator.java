package dk.flyt.hubsim;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The porting hub and the other Danish operators, simulated. Flyt's {@code HttpHubClient} posts to
 * {@code <url>/messages} exactly as to the real hub; the simulator answers as the donor operator of each number
 * and delivers its messages to Flyt's {@code /api/v1/interop/messages} with that operator's token.
 */
public final class HubSimulator implements AutoCloseable {
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
        Thread t = new Thread(r, "hub-simulator");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, String> donors = new ConcurrentHashMap<>();
    private final Map<String, String> subscriberIccids = new ConcurrentHashMap<>();
    private final Map<String, HubMessage> heldCompletions = new ConcurrentHashMap<>();
    private final List<HubMessage> received = new CopyOnWriteArrayList<>();
    private final List<HubMessage> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final Map<String, AtomicInteger> failNextFor = new ConcurrentHashMap<>();
    private volatile Duration lateness = Duration.ofSeconds(2);
    private volatile Clock clock = Clock.systemUTC();
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

    /** The operator that holds the number today (default {@code TDC}). */
    public HubSimulator donor(String number, String operator) {
        donors.put(number, operator);
        return this;
    }

    /** The donor's subscriber: a porting request must quote this ICCID. */
    public HubSimulator subscriber(String number, String iccid) {
        subscriberIccids.put(number, iccid);
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

    /** The clock the simulated operators stamp their messages with. */
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

    /** Every message Flyt delivered to the hub (after any simulated outage), in order. */
    public List<HubMessage> received() {
        return List.copyOf(received);
    }

    public List<HubMessage> received(Predicate<HubMessage> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Every message the simulator delivered to Flyt. */
    public List<HubMessage> delivered() {
        return List.copyOf(delivered);
    }

    // ---- what other operators do on their own ----------------------------------------------------------------

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

    /** The hub reports that a port failed. */
    public void reportPortingFailed(String dossier, String number) {
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
                null));
    }

    /** Delivers a completion held back by {@link Behaviour#COMPLETE_LATE}. */
    public boolean releaseCompletion(String dossier) {
        HubMessage held = heldCompletions.remove(dossier);
        if (held == null) {
            return false;
        }
        broadcastPerformed(held.dossierId(), held.number(), held.operator());
        return true;
    }

    /** Sends any message to Flyt as its sender, as a misbehaving or duplicating operator would. */
    public int deliver(HubMessage m) {
        try {
            HttpRequest request = HttpRequest.newBuilder(flyt.resolve("/api/v1/interop/messages"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokenFor.apply(m.sender()))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(m)))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.add(m);
            }
            return status;
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

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                respond(exchange, 401, "{\"error\":\"missing token\"}");
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "{\"error\":\"hub unavailable\"}");
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
            respond(exchange, 202, "{\"messageId\":\"" + m.messageId() + "\"}");
            executor.execute(() -> react(m));
        }
    }

    private void react(HubMessage m) {
        switch (m.kind()) {
            case PORTING_REQUEST -> answerAsDonor(m);
            case PORTING_PERFORMED -> {
                if (behaviours.get(m.number()) == Behaviour.COMPLETE_LATE) {
                    heldCompletions.put(m.dossierId(), m);
                } else {
                    broadcastPerformed(m.dossierId(), m.number(), m.operator());
                }
            }
            default -> {
                // CANCEL, answers to port-outs, errors and returned numbers are recorded; the donor needs no reply
            }
        }
    }

    private void answerAsDonor(HubMessage request) {
        String donor = donors.getOrDefault(request.number(), "TDC");
        Behaviour b = behaviours.getOrDefault(request.number(), Behaviour.ACCEPT);
        String knownIccid = subscriberIccids.get(request.number());
        if (b == Behaviour.ACCEPT && knownIccid != null && !knownIccid.equals(request.iccid())) {
            b = Behaviour.REJECT_WRONG_ICCID;
        }
        List<HubMessage> answers = new ArrayList<>();
        switch (b) {
            case ACCEPT, COMPLETE_LATE -> answers.add(answer(request, donor, Answer.ACCEPT, null));
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
                executor.schedule(() -> deliver(accept), lateness.toMillis(), TimeUnit.MILLISECONDS);
            }
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
