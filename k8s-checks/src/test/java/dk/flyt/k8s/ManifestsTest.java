package dk.flyt.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dk.flyt.contracts.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Both overlays of {@code k8s/} as {@code kubectl kustomize} renders them: every operator resource valid against its
 * CRD's schema ({@code ../shared/k8s-schemas}), every core resource parsed by the fabric8 model with no field it does
 * not know, and our own rules: probes, resources and a non-root, read-only container; no Secret with data; a
 * {@code KafkaTopic} and its dead-letter topic for every topic the code names; each service's ACLs exactly what its
 * code produces and consumes; pinned images; the production sizes.
 */
class ManifestsTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    static final Path SCHEMAS = REPOSITORY.resolveSibling("shared/k8s-schemas");
    static final Set<String> OPERATOR_GROUPS =
            Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "k8s.keycloak.org", "monitoring.coreos.com");
    static final List<String> SERVICES = List.of("subscription-service", "porting-service", "billing-adapter");
    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            RENDERED.put(overlay, documents(kustomize(REPOSITORY.resolve("k8s/overlays/" + overlay))));
        }
    }

    static String kustomize(Path overlay) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noKubectl) {
            throw new IllegalStateException("kubectl (with Kustomize) is needed to render " + overlay, noKubectl);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("kubectl kustomize " + overlay + " failed:\n" + out);
        }
        return out;
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAMLMapper.shared().readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && d.isObject() && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return RENDERED.get(overlay).stream()
                .filter(d -> kind.equals(d.path("kind").asString()))
                .toList();
    }

    static String name(JsonNode d) {
        return d.path("kind").asString() + "/" + d.path("metadata").path("name").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOperatorResourceIsValidAgainstItsSchema(String overlay) throws IOException {
        List<String> problems = new ArrayList<>();
        int validated = schemaProblems(RENDERED.get(overlay), problems);
        assertThat(problems)
                .as("%s: operator resources against their schemas", overlay)
                .isEmpty();
        assertThat(validated).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCoreResourceParsesStrictlyWithTheKubernetesModel(String overlay) {
        List<String> problems = new ArrayList<>();
        modelProblems(RENDERED.get(overlay), problems);
        assertThat(problems)
                .as("%s: fields the Kubernetes model does not know", overlay)
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theChecksThemselvesRefuseAFieldNobodyKnows() throws IOException {
        List<JsonNode> wrong = documents("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: "six", retention: 7d}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  replicas: 1
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: x/y:1
                          livenessProbes: {}
                """);
        List<String> schema = new ArrayList<>();
        schemaProblems(wrong, schema);
        assertThat(schema).isNotEmpty();
        List<String> model = new ArrayList<>();
        modelProblems(wrong, model);
        assertThat(model).singleElement().asString().contains("livenessProbes");
    }

    /** Validates the operators' resources against their schemas; how many were validated. */
    static int schemaProblems(List<JsonNode> docs, List<String> problems) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        int validated = 0;
        for (JsonNode d : docs) {
            String[] apiVersion = d.path("apiVersion").asString().split("/");
            if (apiVersion.length != 2 || !OPERATOR_GROUPS.contains(apiVersion[0])) {
                continue;
            }
            Path file = SCHEMAS.resolve(apiVersion[0])
                    .resolve(d.path("kind").asString().toLowerCase() + "_" + apiVersion[1] + ".json");
            if (!Files.isRegularFile(file)) {
                problems.add(name(d) + ": no schema " + file.getFileName() + " to check it against");
                continue;
            }
            Schema schema = registry.getSchema(Files.readString(file));
            schema.validate(d).forEach(e -> problems.add(name(d) + ": " + e.getMessage()));
            validated++;
        }
        return validated;
    }

    /** Parses the core resources with the fabric8 model; a kind it does not know or a field it does not is a problem. */
    static void modelProblems(List<JsonNode> docs, List<String> problems) {
        KubernetesSerialization kubernetes = new KubernetesSerialization();
        JsonMapper json = JsonMapper.shared();
        for (JsonNode d : docs) {
            if (OPERATOR_GROUPS.contains(d.path("apiVersion").asString().split("/")[0])) {
                continue;
            }
            HasMetadata parsed = kubernetes.unmarshal(json.writeValueAsString(d));
            if (parsed instanceof GenericKubernetesResource) {
                problems.add(name(d) + ": not a kind the Kubernetes model knows");
                continue;
            }
            unknownFields(parsed, name(d), problems);
        }
    }

    /** Every field of the model bean graph that the model does not know (its additionalProperties). */
    static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get")
                    || m.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), problems);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndARestrictedNonRootContext(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode d : ofKind(overlay, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
                problems.add(name(d) + ": the pod may run as root");
            }
            for (JsonNode c : pod.path("containers")) {
                String where = name(d) + " " + c.path("name").asString();
                // the services answer health on their management port; the gateway, which has none, on its own
                String port = d.path("metadata").path("name").asString().equals("gateway") ? "http" : "management";
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = c.path(probe).path("httpGet");
                    if (!get.path("path").asString().startsWith("/q/health/")
                            || !port.equals(get.path("port").asString())) {
                        problems.add(where + ": no " + probe + " on /q/health at the " + port + " port");
                    }
                }
                JsonNode resources = c.path("resources");
                if (resources.path("requests").path("cpu").isMissingNode()
                        || resources.path("requests").path("memory").isMissingNode()
                        || resources.path("limits").path("memory").isMissingNode()) {
                    problems.add(where + ": no cpu and memory requests and memory limit");
                }
                JsonNode sc = c.path("securityContext");
                if (!sc.path("runAsNonRoot").asBoolean(false)
                        || sc.path("allowPrivilegeEscalation").asBoolean(true)
                        || !sc.path("readOnlyRootFilesystem").asBoolean(false)
                        || !sc.path("capabilities").path("drop").toString().contains("ALL")) {
                    problems.add(where + ": not non-root, read-only, without privilege escalation and capabilities");
                }
                for (JsonNode env : c.path("env")) {
                    if (env.has("value") && env.path("name").asString().matches(".*(SECRET|PASSWORD|KEY|JAAS).*")) {
                        problems.add(where + ": " + env.path("name").asString() + " is a literal, not from a Secret");
                    }
                }
            }
        }
        assertThat(ofKind(overlay, "Deployment")).hasSize(4);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsWrittenInAManifestAndEveryImageIsPinned(String overlay) {
        assertThat(ofKind(overlay, "Secret"))
                .as("secrets come from the operators or are created out of band")
                .allSatisfy(
                        s -> assertThat(s.has("data") || s.has("stringData")).isFalse());
        List<String> images = new ArrayList<>();
        for (JsonNode d : ofKind(overlay, "Deployment")) {
            d.path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(c -> images.add(c.path("image").asString()));
        }
        ofKind(overlay, "Keycloak")
                .forEach(k -> images.add(k.path("spec").path("image").asString()));
        ofKind(overlay, "Cluster")
                .forEach(k -> images.add(k.path("spec").path("imageName").asString()));
        assertThat(images).isNotEmpty().allSatisfy(i -> assertThat(i)
                .as("pinned: a registry, a name and a version tag (or a digest)")
                .matches("[a-z0-9.-]+(:\\d+)?/[a-z0-9./-]+(:[0-9][\\w.-]*|@sha256:[0-9a-f]{64})"));
    }

    /**
     * The images {@code -Pimages} builds ({@code flyt/<quarkus.container-image.name>:<flyt.image.tag>}, user 185) are
     * the ones every Deployment runs: same name, the tag the kustomization pins, and the user the pods run as.
     */
    @org.junit.jupiter.api.Test
    void theDeploymentsRunTheImagesTheBuildMakesAsTheUserTheImagesHave() throws IOException {
        String pom = Files.readString(REPOSITORY.resolve("pom.xml"));
        String tag = between(pom, "<flyt.image.tag>", "</flyt.image.tag>");
        String user = between(pom, "<quarkus.jib.user>", "</quarkus.jib.user>");
        for (String module : List.of("subscription-service", "porting-service", "billing-adapter", "gateway")) {
            Properties app = new Properties();
            try (Reader r = Files.newBufferedReader(
                    REPOSITORY.resolve(module).resolve("src/main/resources/application.properties"))) {
                app.load(r);
            }
            String name = app.getProperty("quarkus.container-image.name");
            assertThat(name).as(module + "'s image name").isEqualTo(module);
            for (String overlay : List.of("dev", "prod")) {
                JsonNode deployment = ofKind(overlay, "Deployment").stream()
                        .filter(d -> d.path("metadata").path("name").asString().equals(module))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no Deployment " + module + " in " + overlay));
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                assertThat(pod.path("containers").get(0).path("image").asString())
                        .as("%s in %s runs the image -Pimages builds", module, overlay)
                        .endsWith("/flyt/" + name + ":" + tag);
                assertThat(pod.path("securityContext").path("runAsUser").asString())
                        .as("%s in %s runs as the image's user", module, overlay)
                        .isEqualTo(user);
            }
        }
    }

    private static String between(String text, String open, String close) {
        int a = text.indexOf(open);
        int b = text.indexOf(close, a);
        assertThat(a).as(open + " in the parent pom").isNotNegative();
        return text.substring(a + open.length(), b).strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheCodeNamesHasAKafkaTopicAndADeadLetterTopic(String overlay) throws Exception {
        Set<String> declared = new TreeSet<>();
        ofKind(overlay, "KafkaTopic")
                .forEach(t -> declared.add(t.path("spec").path("topicName").asString()));
        Set<String> named = new TreeSet<>();
        for (var f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String topic = (String) f.get(null);
                named.add(topic);
                named.add(Topics.deadLetter(topic));
            }
        }
        assertThat(declared).isEqualTo(named);
        // what the local stack's and the tests' broker creates before the services start (KafkaBrokerMain)
        assertThat(new TreeSet<>(Topics.all())).isEqualTo(named);
    }

    /** What a service's code reads: its channels' topics and consumer groups, from its application.properties. */
    record Consumption(Set<String> topics, Set<String> groups) {}

    static Consumption consumption(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(
                REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        Set<String> topics = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            // a channel's own settings, not its dead-letter producer's (mp.messaging.incoming.<channel>.<setting>)
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                topics.add(p.getProperty(key));
            }
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(p.getProperty(key));
            }
        }
        return new Consumption(topics, groups);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServicesAclsAreExactlyWhatItsCodeProducesAndConsumes(String overlay) throws Exception {
        Map<String, JsonNode> users = new HashMap<>();
        ofKind(overlay, "KafkaUser")
                .forEach(u -> users.put(u.path("metadata").path("name").asString(), u));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            Consumption reads = consumption(service);
            Set<String> writes = new TreeSet<>();
            for (var f : Topics.class.getFields()) {
                String topic = (String) f.get(null);
                if (Topics.producer(topic).equals(java.util.Optional.of("/" + service))) {
                    writes.add(topic);
                }
            }
            reads.topics().forEach(t -> writes.add(Topics.deadLetter(t)));
            Set<String> expected = new TreeSet<>();
            writes.forEach(t -> expected.add("topic " + t + " Describe,Write"));
            reads.topics().forEach(t -> expected.add("topic " + t + " Describe,Read"));
            reads.groups().forEach(g -> expected.add("group " + g + " Read"));
            expected.add("cluster  IdempotentWrite");

            Set<String> granted = new TreeSet<>();
            for (JsonNode acl :
                    users.get(service).path("spec").path("authorization").path("acls")) {
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asString()));
                JsonNode resource = acl.path("resource");
                assertThat(resource.path("patternType").asString("literal")).isEqualTo("literal");
                granted.add(resource.path("type").asString() + " "
                        + resource.path("name").asString("") + " " + String.join(",", ops));
            }
            assertThat(granted).as("%s's ACLs", service).isEqualTo(expected);
            assertThat(users.get(service)
                            .path("spec")
                            .path("authentication")
                            .path("type")
                            .asString())
                    .isEqualTo("scram-sha-512");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noServiceScalesBeyondThePartitionsOfWhatItReads(String overlay) throws Exception {
        Map<String, Integer> partitions = new HashMap<>();
        ofKind(overlay, "KafkaTopic")
                .forEach(t -> partitions.put(
                        t.path("spec").path("topicName").asString(),
                        t.path("spec").path("partitions").asInt()));
        for (JsonNode hpa : ofKind(overlay, "HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asString();
            int max = hpa.path("spec").path("maxReplicas").asInt();
            assertThat(max)
                    .isGreaterThanOrEqualTo(hpa.path("spec").path("minReplicas").asInt());
            if (SERVICES.contains(target)) {
                int bound = consumption(target).topics().stream()
                        .mapToInt(partitions::get)
                        .min()
                        .orElseThrow();
                assertThat(max)
                        .as("%s: more consumers than partitions would idle", target)
                        .isLessThanOrEqualTo(bound);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void productionRunsEverythingRedundantlyWithBackupsAndTls() {
        ofKind("prod", "KafkaTopic").forEach(t -> {
            assertThat(t.path("spec").path("replicas").asInt()).as(name(t)).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asString())
                    .isEqualTo("2");
        });
        assertThat(ofKind("prod", "KafkaNodePool")
                        .getFirst()
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(3);
        ofKind("prod", "Cluster").forEach(c -> {
            assertThat(c.path("spec").path("instances").asInt()).as(name(c)).isEqualTo(3);
            assertThat(c.path("spec")
                            .path("backup")
                            .path("barmanObjectStore")
                            .path("destinationPath")
                            .asString())
                    .startsWith("s3://");
        });
        assertThat(ofKind("prod", "PodDisruptionBudget")).hasSize(4);
        ofKind("prod", "Deployment").forEach(d -> {
            assertThat(d.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(d.path("spec").path("template").path("spec").path("topologySpreadConstraints"))
                    .as(name(d))
                    .hasSize(2);
        });
        assertThat(ofKind("prod", "Ingress").getFirst().path("spec").path("tls").isArray())
                .isTrue();
        assertThat(ofKind("prod", "Ingress").getFirst().toString())
                .as("the gateway's health and metrics are not routed from outside")
                .doesNotContain("\"/q/metrics\"", "\"/q/health\"", "\"path\":\"/\"");
        assertThat(ofKind("dev", "Deployment"))
                .allSatisfy(
                        d -> assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(1));
    }
}
