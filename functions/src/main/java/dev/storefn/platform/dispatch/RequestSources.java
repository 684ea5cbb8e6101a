package dev.storefn.platform.dispatch;

import java.util.List;
import java.util.Map;

import dev.storefn.platform.access.Credentials;
import dev.storefn.platform.access.SessionCookies;
import dev.storefn.platform.binding.BindingSources;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.ClientNetwork;
import dev.storefn.platform.operation.Credential;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.RequestBody;
import dev.storefn.platform.wire.WireRequest;

/** What one request offers the binder; the body is read at most once, and only if an input needs it. */
final class RequestSources implements BindingSources {

    private final WireRequest request;
    private final Map<String, String> pathParameters;
    private final Caller caller;
    private final String client;
    private final Credentials credentials;
    private final BodyReader bodies;
    private final SessionCookies cookies;
    private RequestBody body;
    private Refusal unreadable;

    RequestSources(WireRequest request, Map<String, String> pathParameters, Caller caller, String client, Credentials credentials,
            BodyReader bodies, SessionCookies cookies) {
        this.request = request;
        this.pathParameters = pathParameters;
        this.caller = caller;
        this.client = client;
        this.credentials = credentials;
        this.bodies = bodies;
        this.cookies = cookies;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public ClientNetwork clientNetwork() {
        return new ClientNetwork(ClientAddresses.networkOf(client));
    }

    @Override
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    @Override
    public List<String> query(String name) {
        return request.query().getOrDefault(name, List.of());
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public byte[] rawBody() {
        return request.body().clone();
    }

    @Override
    public RequestBody body() {
        RequestBody read = bodyIfReadable();
        if (unreadable != null) {
            throw unreadable;
        }
        return read;
    }

    @Override
    public RequestBody bodyIfReadable() {
        if (body == null && unreadable == null) {
            try {
                body = bodies.read(request);
            } catch (Refusal refusal) {
                unreadable = refusal;
            }
        }
        return body;
    }

    @Override
    public String presentedToken(Credential.Kind kind) {
        if (kind == Credential.Kind.ACCESS && credentials.bearerToken() != null) {
            return credentials.bearerToken();
        }
        return cookies == null ? null : cookies.presented(credentials, kind);
    }
}
