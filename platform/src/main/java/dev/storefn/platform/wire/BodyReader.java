package dev.storefn.platform.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.springframework.stereotype.Component;

import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Upload;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body into fields: JSON (also when no content type is given), urlencoded forms and
 * multipart forms (parsed by Commons FileUpload, in memory: adapters bound bodies to
 * {@link #MAX_BODY_BYTES}). A body in any other format, and bodies that cannot be read, are refused in DRF's
 * words.
 */
@Component
public class BodyReader {

    /** The most any adapter buffers, for a route that takes a file; nginx refuses larger bodies before they arrive. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The most a route that takes its raw body (a provider's signed event) reads. */
    public static final int MAX_RAW_BODY_BYTES = 256 * 1024;
    /** The most a route that takes JSON or form fields reads: its records need a few kilobytes at most. */
    public static final int MAX_FIELDS_BODY_BYTES = 64 * 1024;
    /** The answer to a larger body, from whichever adapter or the dispatcher meets it first. */
    public static final Refusal TOO_LARGE = Refusal.detail(Refusal.Kind.TOO_LARGE, "Request body too large.");
    static final int MAX_PARTS = 50;

    private final Json json;

    public BodyReader(Json json) {
        this.json = json;
    }

    public RequestBody read(WireRequest request) {
        String type = request.mediaType();
        return switch (type) {
            case "application/x-www-form-urlencoded" -> form(request);
            case "multipart/form-data" -> multipart(request);
            case "", "application/json" -> jsonObject(request);
            default -> {
                if (request.body().length == 0) {
                    yield jsonObject(request);
                }
                throw Refusal.detail(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported media type \"" + request.header("content-type") + "\" in request.");
            }
        };
    }

    private RequestBody jsonObject(WireRequest request) {
        if (request.body().length == 0) {
            return new RequestBody(json.mapper().createObjectNode(), Map.of());
        }
        JsonNode body;
        try {
            body = json.mapper().readTree(request.body());
        } catch (JacksonException e) {
            throw Refusal.detail(Refusal.Kind.INVALID, "JSON parse error - " + e.getOriginalMessage());
        }
        if (body instanceof ObjectNode object) {
            return new RequestBody(object, Map.of());
        }
        String got = body == null || body.isMissingNode() ? "null" : body.isArray() ? "list" : body.isString() ? "str"
                : body.isNumber() ? "int" : body.isBoolean() ? "bool" : "null";
        throw Refusal.invalid("non_field_errors", "Invalid data. Expected a dictionary, but got " + got + ".");
    }

    private RequestBody form(WireRequest request) {
        ObjectNode fields = json.mapper().createObjectNode();
        QueryStrings.parse(new String(request.body(), StandardCharsets.UTF_8))
                .forEach((name, values) -> fields.put(name, values.get(values.size() - 1)));
        return new RequestBody(fields, Map.of());
    }

    private RequestBody multipart(WireRequest request) {
        ObjectNode fields = json.mapper().createObjectNode();
        Map<String, List<Upload>> files = new LinkedHashMap<>();
        try {
            FileItemInputIterator parts = new InMemoryUpload().getItemIterator(request);
            int count = 0;
            while (parts.hasNext()) {
                if (++count > MAX_PARTS) {
                    throw Refusal.detail(Refusal.Kind.INVALID, "Multipart form parse error - too many parts.");
                }
                FileItemInput part = parts.next();
                byte[] content;
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (part.isFormField()) {
                    fields.put(part.getFieldName(), new String(content, StandardCharsets.UTF_8));
                } else if (part.getName() != null && !part.getName().isEmpty() || content.length > 0) {
                    files.computeIfAbsent(part.getFieldName(), name -> new ArrayList<>())
                            .add(new Upload(part.getFieldName(), part.getName(), part.getContentType(), content));
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw Refusal.detail(Refusal.Kind.INVALID, "Multipart form parse error - " + e.getMessage());
        }
        return new RequestBody(fields, files);
    }

    /** Commons FileUpload's parser, fed from the bytes an adapter has already read. */
    private static final class InMemoryUpload extends AbstractFileUpload<WireRequest, DiskFileItem, DiskFileItemFactory> {

        InMemoryUpload() {
            setSizeMax(MAX_BODY_BYTES);
            setFileCountMax(MAX_PARTS);
            setHeaderCharset(StandardCharsets.UTF_8);
        }

        @Override
        public FileItemInputIterator getItemIterator(WireRequest request) throws FileUploadException, IOException {
            return getItemIterator(new BytesContext(request));
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(WireRequest request) throws FileUploadException {
            throw new UnsupportedOperationException("storefn streams the parts");
        }

        @Override
        public List<DiskFileItem> parseRequest(WireRequest request) throws FileUploadException {
            throw new UnsupportedOperationException("storefn streams the parts");
        }
    }

    private record BytesContext(WireRequest request) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return request.body().length;
        }

        @Override
        public String getContentType() {
            return request.header("content-type");
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(request.body());
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
