package io.breachflow.deploy;

import io.breachflow.contracts.Topics;
import io.breachflow.local.kafka.TopicRetention;
import io.breachflow.local.postgres.DatabaseRoles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/k8s against the code: each service's Deployment probes the health endpoints it serves on the port it listens
 * on, with resources and several replicas; Services and budgets select those pods; the topics are Topics.ALL with
 * TopicRetention's settings and enough partitions for the instances that consume them. Checked on the base and on the
 * example overlay as kustomize resolves it ({@link Kustomization}).
 */
class KubernetesManifestsTest {

    private static final Path OVERLAY = Repository.K8S.resolve("overlays/example");

    private static List<HasMetadata> resolved(String layout) {
        return KubernetesModel.parse(Kustomization.in(Repository.K8S.resolve(layout)).build());
    }

    @Test
    void everyManifestParsesIntoTheKubernetesModel() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repository.K8S)) {
            files = walk.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            assertThat(Repository.yamlDocuments(file)).as("%s", file).isNotEmpty()
                    .allSatisfy(document -> assertThat(KubernetesModel.parse(document)).isNotNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void eachKustomizationUsesEveryFileOfItsDirectoryAndEachFileItNamesExists(String layout) throws Exception {
        Kustomization kustomization = Kustomization.in(Repository.K8S.resolve(layout));
        Set<Path> present;
        try (Stream<Path> list = Files.list(kustomization.directory())) {
            present = list.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).collect(Collectors.toSet());
        }
        assertThat(kustomization.filesUsed()).as("files %s forgets", layout).containsAll(present);
        Stream.of(kustomization.resources(), kustomization.patches(), kustomization.envFiles()).flatMap(List::stream)
                .forEach(path -> assertThat(path).as("named by %s/kustomization.yaml", layout).exists());
    }

    @Test
    void theOverlayHoldsEverythingOfTheBaseInItsNamespace() {
        List<HasMetadata> overlay = resolved("overlays/example");
        assertThat(overlay.stream().map(KubernetesManifestsTest::key))
                .containsAll(resolved("base").stream().map(KubernetesManifestsTest::key).toList());
        assertThat(overlay).filteredOn(object -> !object.getKind().equals("Namespace"))
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace()).isEqualTo("breachflow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void eachServiceRunsSeveralProbedInstancesWithResources(String layout) {
        List<HasMetadata> objects = resolved(layout);
        for (ServiceModule service : ServiceModule.ALL) {
            Deployment deployment = deployment(objects, service);
            assertThat(deployment.getSpec().getReplicas()).as("%s replicas", service.name()).isGreaterThanOrEqualTo(2);
            List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).hasSize(1);
            Container container = containers.get(0);
            assertThat(container.getImage()).as("%s image", service.name()).isNotBlank();
            assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(service.httpPort());
            assertProbe(service, container, container.getReadinessProbe(), ServiceModule.READINESS);
            assertProbe(service, container, container.getLivenessProbe(), ServiceModule.LIVENESS);
            if (container.getStartupProbe() != null) {
                assertProbe(service, container, container.getStartupProbe(), ServiceModule.STARTED);
            }
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = container.getResources().getRequests().get(resource);
                Quantity limit = container.getResources().getLimits().get(resource);
                assertThat(request).as("%s %s request", service.name(), resource).isNotNull();
                assertThat(limit).as("%s %s limit", service.name(), resource).isNotNull();
                assertThat(request.getNumericalAmount()).as("%s %s request <= limit", service.name(), resource)
                        .isLessThanOrEqualTo(limit.getNumericalAmount());
            }
        }
    }

    /** The service really serves the path: SmallRye Health is in its pom, its root paths are Quarkus's defaults. */
    private static void assertProbe(ServiceModule service, Container container, Probe probe, String path) {
        assertThat(probe).as("%s probe %s", service.name(), path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as("%s probe", service.name()).isEqualTo(path);
        assertThat(portNumber(container, get.getPort())).as("%s probe port", service.name()).isEqualTo(service.httpPort());
        assertThat(service.pom()).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        assertThat(service.properties().stringPropertyNames())
                .noneMatch(key -> key.equals("quarkus.smallrye-health.root-path")
                        || key.equals("quarkus.http.non-application-root-path") || key.equals("quarkus.http.root-path"));
    }

    private static Integer portNumber(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void eachServiceSelectsTheDeploymentOfItsNameOnItsPort(String layout) {
        List<HasMetadata> objects = resolved(layout);
        assertThat(KubernetesModel.all(objects, Service.class)).hasSize(ServiceModule.ALL.size());
        for (ServiceModule module : ServiceModule.ALL) {
            Service service = KubernetesModel.named(objects, Service.class, module.name()).orElseThrow();
            Deployment deployment = deployment(objects, module);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .as("pods of %s", module.name()).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getTargetPort)
                    .allSatisfy(target -> assertThat(portNumber(container, target)).isEqualTo(module.httpPort()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void aDrainLeavesEachServiceRunning(String layout) {
        List<HasMetadata> objects = resolved(layout);
        for (ServiceModule module : ServiceModule.ALL) {
            PodDisruptionBudget budget = KubernetesModel.named(objects, PodDisruptionBudget.class, module.name()).orElseThrow();
            Deployment deployment = deployment(objects, module);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).as("%s minAvailable", module.name())
                    .isBetween(1, deployment.getSpec().getReplicas() - 1);
        }
    }

    @Test
    void theIntakeScalesWithItsLoad() {
        HorizontalPodAutoscaler autoscaler = KubernetesModel.named(resolved("overlays/example"), HorizontalPodAutoscaler.class,
                "alert-intake").orElseThrow();
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("alert-intake");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
        assertThat(autoscaler.getSpec().getMetrics()).isNotEmpty();
    }

    @Test
    void everyConfigMapAndSecretADeploymentReadsExistsInTheOverlay() {
        List<HasMetadata> objects = resolved("overlays/example");
        for (ServiceModule module : ServiceModule.ALL) {
            for (EnvFromSource from : container(deployment(objects, module)).getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    assertThat(KubernetesModel.named(objects, ConfigMap.class, from.getConfigMapRef().getName())).isPresent();
                } else {
                    assertThat(KubernetesModel.named(objects, Secret.class, from.getSecretRef().getName())).isPresent();
                }
            }
        }
    }

    @Test
    void theOverlayNamesEachServicesImage() {
        Map<String, String> images = new HashMap<>();
        List<HasMetadata> base = resolved("base");
        List<HasMetadata> overlay = resolved("overlays/example");
        for (ServiceModule module : ServiceModule.ALL) {
            assertThat(container(deployment(base, module)).getImage()).isEqualTo("breachflow/" + module.name());
            images.put(module.name(), container(deployment(overlay, module)).getImage());
        }
        assertThat(images).allSatisfy((name, image) -> assertThat(image).matches(".+/" + name + ":[^:/]+"));
    }

    @Test
    void theTopicsAreTheCodesWithTheirRetention() {
        List<GenericKubernetesResource> topics = KubernetesModel.kafkaTopics(resolved("overlays/example"));
        assertThat(topics).extracting(KubernetesManifestsTest::topicName).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (GenericKubernetesResource topic : topics) {
            Map<String, Object> config = topic.get("spec", "config");
            Map<String, String> retention = new TreeMap<>();
            TopicRetention.of(topicName(topic)).keySet().forEach(key -> retention.put(key, String.valueOf(config.get(key))));
            assertThat(retention).as("%s", topicName(topic)).isEqualTo(new TreeMap<>(TopicRetention.of(topicName(topic))));
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            assertThat(partitions(topic)).isPositive();
        }
    }

    /** A consumer group uses at most one consumer per partition: more consumers than partitions would idle. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void eachTopicHasAPartitionForEveryConsumerOfIt(String layout) {
        List<HasMetadata> objects = resolved(layout);
        Map<String, Integer> partitions = KubernetesModel.kafkaTopics(objects).stream()
                .collect(Collectors.toMap(KubernetesManifestsTest::topicName, KubernetesManifestsTest::partitions));
        Deployment workflow = deployment(objects, ServiceModule.named("incident-workflow"));
        int loops = Integer.parseInt(environment(workflow, objects).getOrDefault("BREACHFLOW_WORKFLOW_DETECTION_CONSUMERS",
                ServiceModule.named("incident-workflow").property("breachflow.workflow.detection-consumers")));
        assertThat(partitions.get(Topics.DETECTIONS)).as("workflow instances x loops")
                .isGreaterThanOrEqualTo(workflow.getSpec().getReplicas() * loops);
        // Likewise a processor's segments: a workflow pod beyond them only stands by for the event processors.
        int segments = Integer.parseInt(environment(workflow, objects).getOrDefault("BREACHFLOW_WORKFLOW_PROCESSOR_SEGMENTS",
                ServiceModule.named("incident-workflow").property("breachflow.workflow.processor-segments")));
        assertThat(segments).as("event-processor segments, for the workflow instances").isGreaterThanOrEqualTo(workflow.getSpec().getReplicas());
        int intakes = KubernetesModel.named(objects, HorizontalPodAutoscaler.class, "alert-intake").orElseThrow()
                .getSpec().getMaxReplicas();
        assertThat(partitions.get(Topics.ALERTS)).as("intake instances at most").isGreaterThanOrEqualTo(intakes);
        assertThat(partitions.get(Topics.INCIDENT_EVENTS)).as("dashboard instances")
                .isGreaterThanOrEqualTo(deployment(objects, ServiceModule.named("status-dashboard")).getSpec().getReplicas());
    }

    @Test
    void theCommittedSecretsArePlaceholders() throws Exception {
        List<Path> envFiles = Kustomization.in(OVERLAY).envFiles();
        assertThat(envFiles).isNotEmpty();
        for (Path file : envFiles) {
            assertThat(Kustomization.envFile(file)).as("%s", file.getFileName()).isNotEmpty()
                    .allSatisfy((name, value) -> assertThat(value).as(name).startsWith("CHANGE_ME"));
        }
    }

    @Test
    void theServicesLogInWithTheLaunchersDatabaseRoles() {
        DatabaseRoles roles = new DatabaseRoles("breachflow");
        List<HasMetadata> objects = resolved("overlays/example");
        Map<String, String> workflow = environment(deployment(objects, ServiceModule.named("incident-workflow")), objects);
        Map<String, String> dashboard = environment(deployment(objects, ServiceModule.named("status-dashboard")), objects);
        assertThat(workflow).containsEntry("QUARKUS_DATASOURCE_USERNAME", roles.workflowApp())
                .containsEntry("QUARKUS_FLYWAY_USERNAME", roles.workflowOwner())
                .containsEntry("BREACHFLOW_DB_RUNTIME_ROLE", roles.workflowApp())
                .containsEntry("BREACHFLOW_DB_KEY_READER_ROLE", roles.dashboardApp());
        assertThat(dashboard).containsEntry("QUARKUS_DATASOURCE_USERNAME", roles.dashboardApp())
                .containsEntry("QUARKUS_DATASOURCE_KEYS_USERNAME", roles.dashboardApp());
    }

    /** Where kubectl is installed, its kustomize must print the objects this test resolves, with the same images. */
    @Test
    void kubectlKustomizeResolvesTheOverlayAsTheseTestsDo() throws Exception {
        Path kubectl = Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(kubectl != null, "no kubectl: the overlay is resolved by Kustomization alone");
        Path output = Files.createTempFile("breachflow-kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", OVERLAY.toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            List<HasMetadata> kubectlObjects = KubernetesModel.parse(Repository.yamlDocuments(output));
            List<HasMetadata> ours = resolved("overlays/example");
            assertThat(kubectlObjects.stream().map(object -> key(object) + "@" + object.getMetadata().getNamespace()))
                    .containsExactlyInAnyOrderElementsOf(ours.stream()
                            .map(object -> key(object) + "@" + object.getMetadata().getNamespace()).toList());
            for (ServiceModule module : ServiceModule.ALL) {
                Deployment theirs = deployment(kubectlObjects, module);
                Deployment mine = deployment(ours, module);
                assertThat(container(theirs).getImage()).isEqualTo(container(mine).getImage());
                assertThat(theirs.getSpec().getReplicas()).isEqualTo(mine.getSpec().getReplicas());
                assertThat(environment(theirs, kubectlObjects)).isEqualTo(environment(mine, ours));
            }
        } finally {
            Files.delete(output);
        }
    }

    static String topicName(GenericKubernetesResource topic) {
        return topic.get("spec", "topicName");
    }

    static int partitions(GenericKubernetesResource topic) {
        return ((Number) topic.get("spec", "partitions")).intValue();
    }

    private static Deployment deployment(List<HasMetadata> objects, ServiceModule module) {
        return KubernetesModel.named(objects, Deployment.class, module.name())
                .orElseThrow(() -> new AssertionError("no Deployment " + module.name()));
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** What the container's environment holds that the manifests set (ConfigMaps, Secrets, literal values). */
    private static Map<String, String> environment(Deployment deployment, List<HasMetadata> objects) {
        Map<String, String> environment = new HashMap<>();
        Container container = container(deployment);
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                KubernetesModel.named(objects, ConfigMap.class, from.getConfigMapRef().getName())
                        .ifPresent(map -> environment.putAll(map.getData()));
            }
        }
        container.getEnv().stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }

    static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
