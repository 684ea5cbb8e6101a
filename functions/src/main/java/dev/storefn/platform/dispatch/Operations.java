package dev.storefn.platform.dispatch;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.storefn.platform.binding.BindingSources;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.operation.AnswerVersion;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.routes.Router;
import dev.storefn.platform.wire.WireRequest;
import dev.storefn.platform.wire.WireResponse;

/**
 * Runs a route's operation: binds its input record, takes the function bean from Spring Cloud Function's
 * catalog, and calls it, in one transaction for writes, which commits only if the function returns; the
 * answer is written inside it, so an idempotent route keeps exactly the answer it committed.
 * Every route is prepared at start-up, so a table naming an operation that cannot run fails the start.
 */
@Component
class Operations implements SmartInitializingSingleton {

    /** {@code version}: what a cached route's answers are kept by; null for every other route. */
    private record Prepared(InputBinder binder, Function<Object, Object> function, AnswerVersion version) {
    }

    private final Router router;
    private final FunctionCatalog catalog;
    private final ApplicationContext context;
    private final TransactionTemplate transaction;
    private final SuccessWriter writer;
    private final Idempotency idempotency;
    private final CachedAnswers cached;
    // By identity: the router hands out the table's own routes, and a record's hash walks all its fields.
    private final Map<Route, Prepared> prepared = new IdentityHashMap<>();

    Operations(Router router, FunctionCatalog catalog, ApplicationContext context, PlatformTransactionManager transactions,
            SuccessWriter writer, Idempotency idempotency, CachedAnswers cached) {
        this.router = router;
        this.writer = writer;
        this.idempotency = idempotency;
        this.cached = cached;
        this.catalog = catalog;
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Route route : router.routes()) {
            prepared.put(route, new Prepared(InputBinder.of(route.input(), route.parameterNames()), function(route),
                    route.cachedBy() == null ? null : context.getBean(route.cachedBy())));
        }
    }

    /** The most bytes of body the route's input needs; 0 when it reads none. */
    int bodyLimit(Route route) {
        return prepared.get(route).binder().bodyLimit();
    }

    /** The route's answer to the request: bound, run (in a transaction for writes) and written. */
    WireResponse answer(Route route, BindingSources sources, WireRequest request) {
        Prepared operation = prepared.get(route);
        Object input = operation.binder().bind(sources);
        String key = route.idempotent() && sources.caller().authenticated() ? Idempotency.keyOf(request) : null;
        long user = key == null ? 0 : sources.caller().userId();
        if (operation.version() != null) {
            return cached.answer(operation.version(), request, () -> run(route, operation, input, request));
        }
        if (!route.transactional()) {
            return key == null ? run(route, operation, input, request) : runOutside(route, operation, input, request, user, key);
        }
        return transaction.execute(status -> {
            if (key == null) {
                return run(route, operation, input, request);
            }
            // The key is claimed and its answer kept in the operation's own transaction: all or nothing.
            return idempotency.claim(user, key, request, false).orElseGet(() -> {
                WireResponse first = run(route, operation, input, request);
                idempotency.keep(user, key, first);
                return first;
            });
        });
    }

    /** An operation with transactions of its own: the key is claimed first, kept after, and let go if it fails. */
    private WireResponse runOutside(Route route, Prepared operation, Object input, WireRequest request, long user, String key) {
        Optional<WireResponse> replay = transaction.execute(status -> idempotency.claim(user, key, request, true));
        if (replay.isPresent()) {
            return replay.get();
        }
        WireResponse first;
        try {
            first = run(route, operation, input, request);
        } catch (RuntimeException failure) {
            transaction.executeWithoutResult(status -> idempotency.release(user, key));
            throw failure;
        }
        transaction.executeWithoutResult(status -> idempotency.keep(user, key, first));
        return first;
    }

    private WireResponse run(Route route, Prepared operation, Object input, WireRequest request) {
        return writer.write(route, operation.function().apply(input), request);
    }

    @SuppressWarnings("unchecked")
    private Function<Object, Object> function(Route route) {
        String[] names = context.getBeanNamesForType(route.operation());
        if (names.length != 1) {
            throw new IllegalStateException("The route table names " + route.operation().getName() + ", which is "
                    + (names.length == 0 ? "not a bean" : "several beans"));
        }
        Function<Object, Object> function = catalog.lookup(Function.class, names[0]);
        if (function == null) {
            throw new IllegalStateException("The function catalog does not hold " + names[0]);
        }
        return function;
    }
}
