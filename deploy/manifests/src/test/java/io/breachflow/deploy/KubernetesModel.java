package io.breachflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds deploy/k8s may hold, read into fabric8's Kubernetes model (Strimzi's KafkaTopic as a generic resource). A
 * kind or API version not listed fails: nothing in the manifests goes unchecked by accident.
 */
final class KubernetesModel {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Namespace", Namespace.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "kafka.strimzi.io/v1beta2 KafkaTopic", GenericKubernetesResource.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesModel() {
    }

    static HasMetadata parse(JsonNode object) {
        String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Class<? extends HasMetadata> model = KINDS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("unexpected kind " + type + " (" + object.path("metadata").path("name")
                    + "): add it to KubernetesModel.KINDS with the checks it needs");
        }
        return JSON.convertValue(object, model);
    }

    static List<HasMetadata> parse(List<? extends JsonNode> objects) {
        return objects.stream().map(KubernetesModel::parse).toList();
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(List<HasMetadata> objects, Class<T> kind, String name) {
        return all(objects, kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    static List<GenericKubernetesResource> kafkaTopics(List<HasMetadata> objects) {
        return all(objects, GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals("KafkaTopic")).toList();
    }
}
