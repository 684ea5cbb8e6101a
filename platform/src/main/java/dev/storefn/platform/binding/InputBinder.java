package dev.storefn.platform.binding;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.storefn.platform.media.ImageFiles;
import dev.storefn.platform.media.ImageRejected;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.FieldErrors;
import dev.storefn.platform.operation.Header;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.LenientBody;
import dev.storefn.platform.operation.Paging;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Query;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.operation.WholeBody;
import dev.storefn.platform.wire.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an operation's input record from a request: the caller, path and query parameters, headers,
 * presented tokens and body fields, each converted to the component's type and checked against its rules.
 * Every problem is collected and refused once, as a field map. Prepared once per route at start-up, so a
 * record the platform cannot bind fails the start, not a request.
 */
public final class InputBinder {

    private final Class<?> type;
    private final Constructor<?> constructor;
    private final List<Slot> slots;
    private final boolean lenientBody;
    private final boolean readsBody;
    private final int bodyLimit;

    private InputBinder(Class<?> type, List<Slot> slots) {
        this.type = type;
        this.slots = List.copyOf(slots);
        this.lenientBody = type.isAnnotationPresent(LenientBody.class);
        this.readsBody = slots.stream().anyMatch(slot -> slot.source() == Source.BODY || slot.source() == Source.WHOLE_BODY
                || slot.source() == Source.FILE);
        this.bodyLimit = bodyLimit(slots);
        this.constructor = canonicalConstructor(type, slots);
    }

    /** The record's canonical constructor, for its components' slots in order; made callable. */
    static Constructor<?> canonicalConstructor(Class<?> type, List<Slot> slots) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(slots.stream().map(Slot::rawType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    /** A binder for {@code type}, whose components named like {@code pathParameters} are taken from the path. */
    public static InputBinder of(Class<?> type, Set<String> pathParameters) {
        if (!type.isRecord()) {
            throw new IllegalStateException("An operation's input must be a record: " + type.getName());
        }
        List<Slot> slots = new ArrayList<>();
        List<String> unbound = new ArrayList<>(pathParameters);
        for (RecordComponent component : type.getRecordComponents()) {
            Slot slot = slot(component, pathParameters);
            unbound.remove(slot.source() == Source.PATH ? slot.wireName() : "");
            slots.add(slot);
        }
        if (!unbound.isEmpty()) {
            throw new IllegalStateException(type.getName() + " has no @Path component for the path parameters " + unbound);
        }
        return new InputBinder(type, slots);
    }

    private static Slot slot(RecordComponent component, Set<String> pathParameters) {
        Field field = component.getAnnotation(Field.class);
        Range range = component.getAnnotation(Range.class);
        String name = WireNames.of(component);
        Class<?> raw = component.getType();
        Source source;
        if (raw == Caller.class) {
            source = Source.CALLER;
        } else if (raw == ClientNetwork.class) {
            source = Source.CLIENT_NETWORK;
        } else if (raw == Paging.class) {
            source = Source.PAGING;
        } else if (component.isAnnotationPresent(Credential.class)) {
            source = Source.CREDENTIAL;
        } else if (component.isAnnotationPresent(Header.class)) {
            source = Source.HEADER;
            name = component.getAnnotation(Header.class).value();
        } else if (component.isAnnotationPresent(Query.class)) {
            source = Source.QUERY;
        } else if (component.isAnnotationPresent(Path.class)) {
            source = Source.PATH;
            if (!pathParameters.contains(name)) {
                throw new IllegalStateException("The route's path has no {" + name + "} for " + component);
            }
            if (raw != long.class && raw != Long.class) {
                throw new IllegalStateException("Path parameters are whole numbers: " + component);
            }
        } else if (component.isAnnotationPresent(WholeBody.class)) {
            source = Source.WHOLE_BODY;
            if (!raw.isRecord()) {
                throw new IllegalStateException("A whole body is bound into a record: " + component);
            }
        } else if (raw == Upload.class) {
            source = Source.FILE;
        } else if (raw == byte[].class) {
            source = Source.RAW_BODY;
        } else {
            source = Source.BODY;
        }
        if (component.isAnnotationPresent(Image.class) && source != Source.FILE) {
            throw new IllegalStateException("Only uploads are checked to be images: " + component);
        }
        if ((source == Source.CREDENTIAL || source == Source.HEADER) && raw != String.class) {
            throw new IllegalStateException("Headers and credentials are text: " + component);
        }
        return new Slot(component, source, name, field, range);
    }

    /**
     * A record from the fields of a JSON object under the same rules as a request body, for input that does
     * not arrive as a request (a file a command reads); refuses with every field error at once.
     */
    public static <T> T record(Class<T> type, ObjectNode fields) {
        FieldErrors errors = new FieldErrors();
        Object record = Values.record("", fields, type, false, errors);
        errors.throwIfAny();
        return type.cast(record);
    }

    public Class<?> type() {
        return type;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** Whether binding needs the request body (so GET routes never parse one). */
    public boolean readsBody() {
        return readsBody;
    }

    /**
     * The most bytes of body this input needs, so no request makes the platform hold more: a file upload's
     * {@link BodyReader#MAX_BODY_BYTES}, a raw payload's {@link BodyReader#MAX_RAW_BODY_BYTES} (a provider's signed
     * event), JSON or form fields' {@link BodyReader#MAX_FIELDS_BODY_BYTES} (kilobytes), and none for an input
     * that reads no body.
     */
    public int bodyLimit() {
        return bodyLimit;
    }

    private static int bodyLimit(List<Slot> slots) {
        int limit = 0;
        for (Slot slot : slots) {
            int needs = switch (slot.source()) {
                case FILE -> BodyReader.MAX_BODY_BYTES;
                case RAW_BODY -> BodyReader.MAX_RAW_BODY_BYTES;
                case BODY, WHOLE_BODY -> BodyReader.MAX_FIELDS_BODY_BYTES;
                // A refresh token may come in the body.
                case CREDENTIAL -> slot.credential() == Credential.Kind.REFRESH ? BodyReader.MAX_FIELDS_BODY_BYTES : 0;
                default -> 0;
            };
            limit = Math.max(limit, needs);
        }
        return limit;
    }

    public Object bind(BindingSources sources) {
        for (Slot slot : slots) {
            if (slot.source() == Source.PATH) {
                checkPathId(slot.wireName(), sources.pathParameter(slot.wireName()));
            }
        }
        RequestBody body = readsBody() ? (lenientBody ? sources.bodyIfReadable() : sources.body()) : null;
        FieldErrors errors = new FieldErrors();
        String businessError = null;
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.field() != null && slot.field().refuseAsError()) {
                FieldErrors own = new FieldErrors();
                values[i] = read(slot, sources, body, own);
                businessError = businessError != null ? businessError : own.first();
            } else {
                values[i] = read(slot, sources, body, errors);
            }
        }
        if (businessError != null) {
            throw Refusal.refused(businessError);
        }
        errors.throwIfAny();
        return construct(constructor, values);
    }

    private static Object read(Slot slot, BindingSources sources, RequestBody body, FieldErrors errors) {
        return switch (slot.source()) {
            case CALLER -> sources.caller();
            case CLIENT_NETWORK -> sources.clientNetwork();
            case PATH -> Long.parseLong(sources.pathParameter(slot.wireName()));
            case PAGING -> paging(sources, errors);
            case HEADER -> Values.cleanText(sources.header(slot.wireName()));
            case CREDENTIAL -> credential(slot, sources);
            case QUERY -> query(slot, sources, errors);
            case FILE -> file(slot, body, errors);
            case RAW_BODY -> sources.rawBody();
            case WHOLE_BODY -> Values.record("", body.fields(), slot.rawType(),
                    slot.component().getAnnotation(WholeBody.class).partial(), errors);
            case BODY -> Values.fromJson(slot.wireName(), body == null ? null : body.fields().get(slot.wireName()),
                    slot.type(), slot, errors);
        };
    }

    private static void checkPathId(String name, String raw) {
        if (!isWholeNumber(raw)) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Invalid " + name + ": a whole number is required.");
        }
    }

    /** One to 18 ASCII digits, so it fits a long (a loop: a regular expression per request showed in profiles). */
    private static boolean isWholeNumber(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object query(Slot slot, BindingSources sources, FieldErrors errors) {
        List<String> values = sources.query(slot.wireName());
        if (isList(slot.type())) {
            List<Object> list = new ArrayList<>();
            for (String value : values) {
                list.add(Values.fromText(slot.wireName(), value, elementType(slot.type()), slot, errors));
            }
            return list;
        }
        String value = values.isEmpty() ? null : values.get(0);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Values.fromText(slot.wireName(), value, slot.type(), slot, errors);
    }

    private static Paging paging(BindingSources sources, FieldErrors errors) {
        return new Paging(positive("page", sources.query("page"), errors), positive("page_size", sources.query("page_size"), errors));
    }

    private static Integer positive(String name, List<String> values, FieldErrors errors) {
        String raw = values.isEmpty() ? "" : values.get(0).strip();
        if (raw.isEmpty()) {
            return null;
        }
        if (!raw.matches("[0-9]{1,9}") || Integer.parseInt(raw) < 1) {
            errors.add(name, "A valid positive integer is required.");
            return null;
        }
        return Integer.parseInt(raw);
    }

    private static String credential(Slot slot, BindingSources sources) {
        if (slot.credential() == Credential.Kind.REFRESH) {
            RequestBody body = sources.bodyIfReadable();
            JsonNode sent = body == null ? null : body.fields().get(slot.wireName());
            if (sent != null && sent.isString()) {
                return sent.asString();
            }
        }
        return sources.presentedToken(slot.credential());
    }

    private static Upload file(Slot slot, RequestBody body, FieldErrors errors) {
        List<Upload> uploads = body == null ? List.of() : body.files().getOrDefault(slot.wireName(), List.of());
        if (!uploads.isEmpty()) {
            Upload upload = uploads.get(0);
            if (slot.component().isAnnotationPresent(Image.class)) {
                try {
                    ImageFiles.read(upload.content());
                } catch (ImageRejected rejected) {
                    errors.add(slot.wireName(), rejected.getMessage());
                }
            }
            return upload;
        }
        ObjectNode fields = body == null ? null : body.fields();
        JsonNode value = fields == null ? null : fields.get(slot.wireName());
        if (value != null && !value.isNull() && !(value.isString() && value.asString().isEmpty())) {
            errors.add(slot.wireName(), "The submitted data was not a file. Check the encoding type on the form.");
        } else if (slot.required()) {
            errors.add(slot.wireName(), slot.field() == null ? "No file was submitted." : slot.field().missing());
        }
        return null;
    }

    static boolean isList(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class;
    }

    static Type elementType(Type listType) {
        return ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    static Object construct(Constructor<?> constructor, Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // A compact constructor may refuse what it is given, as a domain rule.
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
