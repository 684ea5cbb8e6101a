package dev.storefn.platform.wire;

import java.util.List;
import java.util.Map;

import dev.storefn.platform.operation.Upload;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body read as named fields, whatever it came as: a JSON object, a urlencoded form or a
 * multipart form (whose files are kept apart). Form values arrive as text, as DRF's parsers give them.
 */
public record RequestBody(ObjectNode fields, Map<String, List<Upload>> files) {

    public RequestBody {
        files = Map.copyOf(files);
    }
}
