package io.breachflow.workflow.axon;

import org.axonframework.common.ObjectUtils;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A serializer that writes the types of {@link StoredTypes} under their stable name (with the revision of their
 * {@code @Revision}) instead of their class name, and reads stable names, and the class names earlier releases stored,
 * as today's class. Every other type (Axon's tokens, metadata, scope descriptors) keeps its class name. The JSON itself
 * is the wrapped serializer's.
 */
final class StableNameSerializer implements Serializer {

    private final Serializer json;
    private final StoredTypes types;

    StableNameSerializer(Serializer json, StoredTypes types) {
        this.json = json;
        this.types = types;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = json.serialize(object, expectedRepresentation);
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                typeForClass(ObjectUtils.nullSafeTypeOf(object)));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return json.deserialize(new SimpleSerializedObject<>(serializedObject.getData(), serializedObject.getContentType(),
                asClassName(serializedObject.getType())));
    }

    @Override
    public Class classForType(SerializedType type) {
        return json.classForType(asClassName(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType asClassName = json.typeForClass(type);
        return types.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, asClassName.getRevision()))
                .orElse(asClassName);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }

    /** The type the wrapped serializer knows: today's class name for a stored name, anything else unchanged. */
    private SerializedType asClassName(SerializedType stored) {
        return types.classOf(stored.getName())
                .<SerializedType>map(type -> new SimpleSerializedType(type.getName(), stored.getRevision()))
                .orElse(stored);
    }
}
