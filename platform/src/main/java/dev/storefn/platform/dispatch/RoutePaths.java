package dev.storefn.platform.dispatch;

import java.lang.reflect.Constructor;
import java.util.Arrays;
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
import org.springframework.util.ClassUtils;

import dev.storefn.platform.access.Access;
import dev.storefn.platform.access.AccessGuard;
import dev.storefn.platform.access.RateLimit;
import dev.storefn.platform.access.RateLimiter;
import dev.storefn.platform.access.RateLimits;
import dev.storefn.platform.access.SessionStep;
import dev.storefn.platform.binding.InputBinder;
import dev.storefn.platform.database.Transactions;
import dev.storefn.platform.operation.AnswerVersion;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.routes.Router;
import dev.storefn.platform.wire.BodyReader;
import dev.storefn.platform.wire.WireResponse;

/**
 * Each route's path from a routed request to its answer, assembled once at start-up from what the route and its
 * operation declare, outermost first: the body limit (routes that read one), cookie mode's origin check (unsafe
 * methods), the rate limit, authentication and the access rule, binding, the {@code Idempotency-Key}, the shared
 * answer cache, the transaction ({@link Transaction}), the call, and the writing of the output, which follows the
 * commit. A route has only the steps it declares: none of the others is a branch when its requests run. A table
 * naming an operation that cannot run, or one that does not say how it uses transactions, fails the start.
 */
@Component
class RoutePaths implements SmartInitializingSingleton {

    /** The rest of a route's path, from where a step stands. */
    interface Path {
        WireResponse answer(Exchange exchange);
    }

    /** The part after binding, given the bound input. */
    private interface Bound {
        WireResponse answer(Exchange exchange, Object input);
    }

    private record Assembled(Path path, int bodyLimit) {
    }

    private final Router router;
    private final FunctionCatalog catalog;
    private final ApplicationContext context;
    private final TransactionTemplate transaction;
    private final SuccessWriter writer;
    private final Idempotency idempotency;
    private final CachedAnswers cached;
    private final AccessGuard guard;
    private final RateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final BodyReader bodies;
    // By identity: the router hands out the table's own routes, and a record's hash walks all its fields.
    private final Map<Route, Assembled> paths = new IdentityHashMap<>();

    RoutePaths(Router router, FunctionCatalog catalog, ApplicationContext context, PlatformTransactionManager transactions,
            SuccessWriter writer, Idempotency idempotency, CachedAnswers cached, AccessGuard guard, RateLimiter rateLimiter,
            RateLimits rateLimits, BodyReader bodies) {
        this.router = router;
        this.catalog = catalog;
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
        this.writer = writer;
        this.idempotency = idempotency;
        this.cached = cached;
        this.guard = guard;
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
        this.bodies = bodies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Route route : router.routes()) {
            InputBinder binder = InputBinder.of(route.input(), route.parameterNames());
            paths.put(route, new Assembled(assemble(route, binder, binder.bodyLimit()), binder.bodyLimit()));
        }
    }

    Path path(Route route) {
        return paths.get(route).path();
    }

    /** The most bytes of body the route's input needs; 0 when it reads none. */
    int bodyLimit(Route route) {
        return paths.get(route).bodyLimit();
    }

    private Path assemble(Route route, InputBinder binder, int bodyLimit) {
        SessionStep sessions = guard.sessions();
        Bound bound = called(route, function(route), writer.forRoute(route, sessions));
        if (route.cachedBy() != null) {
            AnswerVersion version = context.getBean(route.cachedBy());
            Bound uncached = bound;
            bound = (exchange, input) -> cached.answer(version, exchange.request, () -> uncached.answer(exchange, input));
        }
        if (route.idempotent()) {
            Bound once = bound;
            bound = (exchange, input) -> idempotency.answer(exchange.caller, exchange.request, () -> once.answer(exchange, input));
        }
        Bound withInput = bound;
        Path path = exchange -> withInput.answer(exchange, binder.bind(new RequestSources(exchange, bodies, guard)));
        if (route.access() != Access.ANYONE) {
            Path allowed = path;
            path = exchange -> {
                exchange.caller = guard.authenticate(exchange.credentials(), exchange.request.method());
                AccessGuard.check(route.access(), exchange.caller);
                return allowed.answer(exchange);
            };
        }
        Optional<RateLimit> limit = route.rateLimit() == null ? Optional.empty() : rateLimits.inForce(route.rateLimit());
        if (limit.isPresent()) {
            RateLimit inForce = limit.get();
            Path counted = path;
            path = exchange -> {
                rateLimiter.hit(inForce.bucket() + ":" + ClientAddresses.networkOf(exchange.client), inForce.limit(), inForce.window());
                return counted.answer(exchange);
            };
        }
        if (sessions != null && sessions.cookieMode() && !"GET".equals(route.method())) {
            Path checked = path;
            path = exchange -> {
                sessions.checkOrigin(exchange.credentials());
                return checked.answer(exchange);
            };
        }
        if (bodyLimit > 0) {
            // Lambda events and invoke arrive whole; the web adapter has refused such bodies before reading them. A
            // route that reads no body has no such step, and never parses the one it was sent.
            Path bounded = path;
            path = exchange -> {
                if (exchange.request.body().length > bodyLimit) {
                    throw BodyReader.TOO_LARGE;
                }
                return bounded.answer(exchange);
            };
        }
        return path;
    }

    /** The call, in one transaction if the operation says so, and the output written after it committed. */
    private Bound called(Route route, Function<Object, Object> function, SuccessWriter.Writer write) {
        if (transactionMode(route) == Transaction.Mode.ONE) {
            return (exchange, input) -> write.write(transaction.execute(status -> function.apply(input)), exchange.request);
        }
        return (exchange, input) -> write.write(function.apply(input), exchange.request);
    }

    static Transaction.Mode transactionMode(Route route) {
        Class<?> operation = route.operation();
        Transaction declared = operation.getAnnotation(Transaction.class);
        if (declared == null) {
            throw new IllegalStateException(operation.getName() + " does not say how it uses transactions: annotate it"
                    + " @Transaction(ONE), @Transaction(OWN) or @Transaction(NONE)");
        }
        boolean takesTransactions = Arrays.stream(operation.getDeclaredConstructors()).map(Constructor::getParameterTypes)
                .flatMap(Arrays::stream).anyMatch(type -> ClassUtils.isAssignable(Transactions.class, type));
        if (takesTransactions && declared.value() != Transaction.Mode.OWN) {
            throw new IllegalStateException(operation.getName() + " runs transactions of its own (it takes Transactions):"
                    + " it must say @Transaction(OWN), not " + declared.value());
        }
        return declared.value();
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
