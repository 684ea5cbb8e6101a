package dev.storefn.platform.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.storefn.platform.operation.Path;

/** Where a component comes from is said on it: a path parameter is {@code @Path}, never inferred from its name. */
class PathComponentsTest {

    record Declared(@Path long itemId, Integer quantity) {
    }

    record NamedLikeTheSegment(long itemId, Integer quantity) {
    }

    record NoSuchSegment(@Path long orderId) {
    }

    @Test
    void aPathComponentIsBoundFromItsSegment() {
        InputBinder binder = InputBinder.of(Declared.class, Set.of("item_id"));
        assertThat(binder.slots()).extracting(Slot::source).containsExactly(Source.PATH, Source.BODY);
    }

    @Test
    void aComponentNamedLikeASegmentIsNotTakenForItWithoutPath() {
        assertThatThrownBy(() -> InputBinder.of(NamedLikeTheSegment.class, Set.of("item_id")))
                .hasMessageContaining("has no @Path component for the path parameters [item_id]");
    }

    @Test
    void aPathComponentWithoutItsSegmentFailsTheStart() {
        assertThatThrownBy(() -> InputBinder.of(NoSuchSegment.class, Set.of("id")))
                .hasMessageContaining("The route's path has no {order_id}");
    }
}
