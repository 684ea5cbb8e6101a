package storefn.echo;

import static dev.storefn.platform.access.Access.ANONYMOUS;
import static dev.storefn.platform.operation.Transaction.Mode.ONE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.storefn.RouteTable;
import dev.storefn.Storefn;
import dev.storefn.platform.operation.Caller;
import dev.storefn.platform.operation.Digits;
import dev.storefn.platform.operation.Document;
import dev.storefn.platform.operation.Field;
import dev.storefn.platform.operation.Header;
import dev.storefn.platform.operation.Image;
import dev.storefn.platform.operation.Message;
import dev.storefn.platform.operation.Path;
import dev.storefn.platform.operation.Query;
import dev.storefn.platform.operation.Range;
import dev.storefn.platform.operation.Refusal;
import dev.storefn.platform.operation.Transaction;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.routes.Route;
import dev.storefn.platform.routes.Router;

/**
 * The shop plus a few operations that exist only for tests of the platform: echoes of what the binder
 * made of a request, files and raw bodies sent back as they came, and a write that fails after its first
 * statement. Outside {@code dev.storefn}, so the real application never scans it.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import(Storefn.class)
public class EchoShop {

    public static final List<Route> TEST_ROUTES = List.of(
            Route.of("POST", "/test/types/{id}/", EchoTypes.class, ANONYMOUS, "What the binder made of every kind of input"),
            Route.of("POST", "/test/upload/", DescribeUpload.class, ANONYMOUS, "What a multipart body was bound into"),
            Route.of("POST", "/test/file/", EchoFile.class, ANONYMOUS, "A multipart file part sent back as it came"),
            Route.of("POST", "/test/raw/", EchoRaw.class, ANONYMOUS, "A body sent back byte for byte"),
            Route.of("POST", "/test/decimal/", EchoDecimal.class, ANONYMOUS, "A decimal with DRF's precision rules"),
            Route.of("POST", "/test/image/", DescribeImage.class, ANONYMOUS, "An upload that must be an image"),
            Route.of("POST", "/test/write-then-fail/", WriteThenFail.class, ANONYMOUS, "A write, then maybe a refusal"));

    @Bean
    @Primary
    Router testRouter() {
        List<Route> routes = new ArrayList<>(RouteTable.ROUTES);
        routes.addAll(TEST_ROUTES);
        return new Router(routes);
    }

    public enum Colour {
        RED, DARK_BLUE
    }

    public record Line(@Range(min = 1, max = 99) int quantity, @Field(maxLength = 10) String sku) {
    }

    @Component
    @Transaction(ONE)
    public static class EchoTypes implements Function<EchoTypes.Input, EchoTypes.Input> {

        public record Input(Caller caller, @Path long id, @Query Integer limit, @Query List<String> tag,
                @Header("Idempotency-Key") String idempotencyKey,
                @Range(min = 1, max = 99, belowMin = "Quantity must be at least 1.", aboveMax = "Maximum quantity per item is 99.")
                @Field(invalid = "Quantity must be a valid integer.") Integer quantity,
                @Field(required = false) Colour colour,
                @Field(required = false) BigDecimal price,
                @Field(required = false) Boolean gift,
                @Field(required = false) List<Line> lines,
                @Field(required = false, maxLength = 5, missing = "Code is required.") String code) {
        }

        @Override
        public Input apply(Input input) {
            return input;
        }
    }

    @Component
    @Transaction(ONE)
    public static class DescribeUpload implements Function<DescribeUpload.Input, DescribeUpload.Described> {

        public record Input(Upload image, String name, @Range(min = 0) int stock) {
        }

        public record Described(String field, String fileName, String contentType, long size, String name, int stock) {
        }

        @Override
        public Described apply(Input input) {
            Upload image = input.image();
            return new Described(image.fieldName(), image.fileName(), image.contentType(), image.size(), input.name(), input.stock());
        }
    }

    @Component
    @Transaction(ONE)
    public static class EchoDecimal implements Function<EchoDecimal.Input, EchoDecimal.Input> {

        public record Input(@Digits(total = 5, fraction = 2) @Range(min = 0, max = 100) BigDecimal amount) {
        }

        @Override
        public Input apply(Input input) {
            return input;
        }
    }

    @Component
    @Transaction(ONE)
    public static class DescribeImage implements Function<DescribeImage.Input, Message> {

        public record Input(@Image Upload picture, @Field(minLength = 3) String title) {
        }

        @Override
        public Message apply(Input input) {
            return new Message(input.title() + ": " + input.picture().size() + " bytes");
        }
    }

    @Component
    @Transaction(ONE)
    public static class EchoFile implements Function<EchoFile.Input, Document> {

        public record Input(Upload file) {
        }

        @Override
        public Document apply(Input input) {
            return Document.file(input.file().contentType(), input.file().content());
        }
    }

    @Component
    @Transaction(ONE)
    public static class EchoRaw implements Function<EchoRaw.Input, Document> {

        public record Input(byte[] body, @Header("Content-Type") String contentType) {
        }

        @Override
        public Document apply(Input input) {
            return Document.file(input.contentType(), input.body());
        }
    }

    @Component
    @Transaction(ONE)
    public static class WriteThenFail implements Function<WriteThenFail.Input, Message> {

        public record Input(String key, boolean fail) {
        }

        private final JdbcClient jdbc;

        WriteThenFail(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Message apply(Input input) {
            jdbc.sql("INSERT INTO storefn_meta (key, value) VALUES (?, 'written')").param(input.key()).update();
            jdbc.sql("UPDATE storefn_meta SET value = 'updated' WHERE key = ?").param(input.key()).update();
            if (input.fail()) {
                throw Refusal.refused("Refused after writing");
            }
            return new Message("Written");
        }
    }
}
