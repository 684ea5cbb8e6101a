package storefn.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import dev.storefn.FunctionsTest;
import dev.storefn.MultipartBody;
import dev.storefn.platform.wire.WireResponse;
import dev.storefn.testing.ThroughLambda;
import tools.jackson.databind.JsonNode;

/** The platform's binding, refusals and transactions, seen through test operations over the dispatcher. */
@SpringBootTest(classes = EchoShop.class)
class TypedOperationsTest extends FunctionsTest {

    private JsonNode ok(WireResponse response) {
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return body(response);
    }

    private JsonNode refused(WireResponse response) {
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = body(response);
        assertThat(body.get("detail").isString()).isTrue();
        return body;
    }

    @Test
    void pathQueryHeaderAndBodyAreBoundIntoTheRecord() {
        JsonNode echoed = ok(send("POST", "/test/types/42/?limit=7&tag=a&tag=b",
                "{\"quantity\": \"3\", \"colour\": \"dark_blue\", \"price\": \"1299.99\", \"gift\": true,"
                        + " \"lines\": [{\"quantity\": 2, \"sku\": \" tee \"}], \"code\": \"  ab  \"}",
                Map.of("Idempotency-Key", "key-1")));
        assertThat(echoed.get("id").asLong()).isEqualTo(42);
        assertThat(echoed.get("limit").asInt()).isEqualTo(7);
        assertThat(echoed.get("tag")).extracting(JsonNode::asString).containsExactly("a", "b");
        assertThat(echoed.get("idempotency_key").asString()).isEqualTo("key-1");
        assertThat(echoed.get("quantity").asInt()).isEqualTo(3);
        assertThat(echoed.get("colour").asString()).isEqualTo("DARK_BLUE");
        assertThat(echoed.get("price").decimalValue()).isEqualByComparingTo("1299.99");
        assertThat(echoed.get("gift").asBoolean()).isTrue();
        assertThat(echoed.get("lines").get(0).get("sku").asString()).isEqualTo("tee");
        assertThat(echoed.get("code").asString()).isEqualTo("ab");
        assertThat(echoed.get("caller").get("user_id").isNull()).isTrue();
    }

    @Test
    void everyFieldProblemIsReportedAtOnceInTheOperationsOwnWordsOrDrfs() {
        JsonNode body = refused(post("/test/types/1/",
                "{\"quantity\": 100, \"colour\": \"green\", \"price\": \"12,5\", \"gift\": \"perhaps\", \"code\": \"toolong\","
                        + " \"lines\": [{\"quantity\": 0, \"sku\": \"x\"}, {\"sku\": 5}]}"));
        assertThat(body.get("quantity").get(0).asString()).isEqualTo("Maximum quantity per item is 99.");
        assertThat(body.get("colour").get(0).asString()).isEqualTo("\"green\" is not a valid choice.");
        assertThat(body.get("price").get(0).asString()).isEqualTo("A valid number is required.");
        assertThat(body.get("gift").get(0).asString()).isEqualTo("Must be a valid boolean.");
        assertThat(body.get("code").get(0).asString()).isEqualTo("Ensure this field has no more than 5 characters.");
        assertThat(body.get("lines[0].quantity").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 1.");
        assertThat(body.get("lines[1].quantity").get(0).asString()).isEqualTo("This field is required.");
        assertThat(body.get("detail").asString()).isEqualTo("Maximum quantity per item is 99.");
    }

    @Test
    void missingWrongTypedAndOutOfRangeNumbersAreFieldErrors() {
        assertThat(refused(post("/test/types/1/", "{}")).get("quantity").get(0).asString()).isEqualTo("This field is required.");
        assertThat(refused(post("/test/types/1/", "{\"quantity\": null}")).get("quantity").get(0).asString())
                .isEqualTo("This field is required.");
        // 1e400 is Infinity to a double, 1e-400 nothing: no number for a field, written raw or not.
        for (String wrong : List.of("\"three\"", "2.5", "true", "[1]", "{\"a\": 1}", "\"1e3\"", "1e400", "-1e400", "1e-400",
                "1e999999999", "\"1e400\"")) {
            assertThat(refused(post("/test/types/1/", "{\"quantity\": " + wrong + "}")).get("quantity").get(0).asString())
                    .as(wrong).isEqualTo("Quantity must be a valid integer.");
        }
        assertThat(refused(post("/test/types/1/", "{\"quantity\": 0}")).get("quantity").get(0).asString())
                .isEqualTo("Quantity must be at least 1.");
        assertThat(refused(post("/test/types/1/", "{\"quantity\": 99999999999999999999999999}")).get("quantity").get(0).asString())
                .isEqualTo("Maximum quantity per item is 99.");
        assertThat(ok(post("/test/types/1/", "{\"quantity\": 2.0}")).get("quantity").asInt()).isEqualTo(2);
        assertThat(refused(send("POST", "/test/types/1/?limit=many", "{\"quantity\": 1}", Map.of())).get("limit").get(0).asString())
                .isEqualTo("A valid integer is required.");
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedInEveryPlace() {
        assertThat(refused(post("/test/types/1/", "{\"quantity\": 1, \"code\": \"a\\u0000b\"}")).get("code").get(0).asString())
                .isEqualTo("Null characters are not allowed.");
        assertThat(refused(post("/test/types/1/", "{\"quantity\": 1, \"code\": \"\\ud800\"}")).get("code").get(0).asString())
                .isEqualTo("Text with unpaired surrogate characters is not allowed.");
        assertThat(refused(send("POST", "/test/types/1/?tag=%00", "{\"quantity\": 1}", Map.of())).get("tag[0]")).isNull();
        assertThat(refused(send("POST", "/test/types/1/?tag=%00", "{\"quantity\": 1}", Map.of())).get("tag").get(0).asString())
                .isEqualTo("Null characters are not allowed.");
        // A header that cannot be stored is as good as absent.
        assertThat(ok(send("POST", "/test/types/1/", "{\"quantity\": 1}", Map.of("Idempotency-Key", "a\u0000b")))
                .get("idempotency_key").isNull()).isTrue();
    }

    @Test
    void bodiesThatAreNotAJsonObjectAreRefusedInDrfsWords() {
        assertThat(refused(post("/test/types/1/", "{\"quantity\": ")).get("detail").asString()).startsWith("JSON parse error - ");
        assertThat(refused(post("/test/types/1/", "[1, 2]")).get("non_field_errors").get(0).asString())
                .isEqualTo("Invalid data. Expected a dictionary, but got list.");
        assertThat(refused(post("/test/types/1/", "\"text\"")).get("non_field_errors").get(0).asString())
                .isEqualTo("Invalid data. Expected a dictionary, but got str.");
        assertThat(refused(post("/test/types/1/", "{\"quantity\": 1, \"lines\": {\"quantity\": 1}}")).get("lines").get(0).asString())
                .isEqualTo("Expected a list of items but got type \"dict\".");
    }

    @Test
    void aPathIdThatIsNotAWholeNumberIsRefusedBeforeAnythingElse() {
        WireResponse response = post("/test/types/x1/", "not even json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).isEqualTo("Invalid id: a whole number is required.");
    }

    @Test
    void urlencodedFormsAreBoundLikeJson() {
        JsonNode echoed = ok(send("POST", "/test/types/5/", "quantity=4&gift=false&colour=red",
                Map.of("Content-Type", "application/x-www-form-urlencoded")));
        assertThat(echoed.get("quantity").asInt()).isEqualTo(4);
        assertThat(echoed.get("gift").asBoolean()).isFalse();
        assertThat(echoed.get("colour").asString()).isEqualTo("RED");
    }

    @Test
    void aMultipartBodyWithAFileIsBoundIntoTheRecord() {
        byte[] png = Pngs.tiny();
        MultipartBody form = new MultipartBody().field("name", "Red Tee").field("stock", "3").file("image", "red.png", "image/png", png);
        JsonNode described = ok(sendBytes("POST", "/test/upload/", form.bytes(), Map.of("Content-Type", form.contentType())));
        assertThat(described.get("field").asString()).isEqualTo("image");
        assertThat(described.get("file_name").asString()).isEqualTo("red.png");
        assertThat(described.get("content_type").asString()).isEqualTo("image/png");
        assertThat(described.get("size").asLong()).isEqualTo(png.length);
        assertThat(described.get("name").asString()).isEqualTo("Red Tee");
        assertThat(described.get("stock").asInt()).isEqualTo(3);

        MultipartBody file = new MultipartBody().file("file", "red.png", "image/png", png);
        WireResponse echoed = sendBytes("POST", "/test/file/", file.bytes(), Map.of("Content-Type", file.contentType()));
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.header("Content-Type")).isEqualTo("image/png");
        assertThat(echoed.body()).isEqualTo(png);
    }

    @Test
    void multipartProblemsAreFieldErrorsOrAClearParseError() {
        MultipartBody noFile = new MultipartBody().field("name", "Red Tee").field("stock", "3").field("image", "not a file");
        assertThat(refused(send("POST", "/test/upload/", noFile.text(), Map.of("Content-Type", noFile.contentType())))
                .get("image").get(0).asString()).isEqualTo("The submitted data was not a file. Check the encoding type on the form.");
        MultipartBody missing = new MultipartBody().field("name", "Red Tee").field("stock", "-1");
        JsonNode body = refused(send("POST", "/test/upload/", missing.text(), Map.of("Content-Type", missing.contentType())));
        assertThat(body.get("image").get(0).asString()).isEqualTo("No file was submitted.");
        assertThat(body.get("stock").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 0.");
        assertThat(refused(send("POST", "/test/upload/", "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ncut short",
                Map.of("Content-Type", "multipart/form-data; boundary=b"))).get("detail").asString())
                .startsWith("Multipart form parse error - ");
        assertThat(refused(send("POST", "/test/upload/", "x", Map.of("Content-Type", "multipart/form-data")))
                .get("detail").asString()).startsWith("Multipart form parse error - ");
    }

    @Test
    void decimalsAreCheckedForPrecisionThenBoundsInDrfsWords() {
        assertThat(ok(post("/test/decimal/", "{\"amount\": \"99.50\"}")).get("amount").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(ok(post("/test/decimal/", "{\"amount\": 0}")).get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"1234.56\"}")).get("amount").get(0).asString())
                .isEqualTo("Ensure that there are no more than 5 digits in total.");
        // Digits are counted as written: a trailing zero is a decimal place.
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"1.000\"}")).get("amount").get(0).asString())
                .isEqualTo("Ensure that there are no more than 2 decimal places.");
        assertThat(refused(post("/test/decimal/", "{\"amount\": 1.005}")).get("amount").get(0).asString())
                .isEqualTo("Ensure that there are no more than 2 decimal places.");
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"1234\"}")).get("amount").get(0).asString())
                .isEqualTo("Ensure that there are no more than 3 digits before the decimal point.");
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"-0.01\"}")).get("amount").get(0).asString())
                .isEqualTo("Ensure this value is greater than or equal to 0.");
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"100.01\"}")).get("amount").get(0).asString())
                .isEqualTo("Ensure this value is less than or equal to 100.");
        assertThat(refused(post("/test/decimal/", "{\"amount\": \"ten\"}")).get("amount").get(0).asString())
                .isEqualTo("A valid number is required.");
    }

    @Test
    void anImageUploadIsJudgedByItsBytesAndReportedWithTheOtherFields() {
        MultipartBody good = new MultipartBody().field("title", "Red Tee").file("picture", "anything.txt", "text/plain", Pngs.tiny());
        assertThat(ok(sendBytes("POST", "/test/image/", good.bytes(), Map.of("Content-Type", good.contentType())))
                .get("message").asString()).isEqualTo("Red Tee: " + Pngs.tiny().length + " bytes");

        MultipartBody renamed = new MultipartBody().field("title", "x").file("picture", "red.png", "image/png",
                "plain text".getBytes(StandardCharsets.UTF_8));
        JsonNode body = refused(sendBytes("POST", "/test/image/", renamed.bytes(), Map.of("Content-Type", renamed.contentType())));
        assertThat(body.get("picture").get(0).asString())
                .isEqualTo("Upload a valid image. The file you uploaded was either not an image or a corrupted image.");
        assertThat(body.get("title").get(0).asString()).isEqualTo("Ensure this field has at least 3 characters.");
    }

    @Test
    void aBodyOverTenMegabytesIsTooLargeWhicheverAdapterBroughtIt() {
        WireResponse response = sendBytes("POST", "/test/raw/", new byte[10 * 1024 * 1024 + 1], Map.of("Content-Type", "image/png"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(ThroughLambda.sizeRefusal(body(response))).isEqualTo(ThroughLambda.expectedSizeRefusal());
    }

    @Test
    void aWriteThatFailsAfterItsFirstStatementLeavesNothingBehind() {
        jdbc.sql("DELETE FROM storefn_meta WHERE key LIKE 'test-write-%'").update();
        WireResponse failed = post("/test/write-then-fail/", "{\"key\": \"test-write-failed\", \"fail\": true}");
        assertThat(failed.status()).isEqualTo(400);
        assertThat(body(failed).get("error").asString()).isEqualTo("Refused after writing");
        assertThat(jdbc.sql("SELECT count(*) FROM storefn_meta WHERE key = 'test-write-failed'").query(Long.class).single()).isZero();

        assertThat(ok(post("/test/write-then-fail/", "{\"key\": \"test-write-kept\", \"fail\": false}")).get("message").asString())
                .isEqualTo("Written");
        assertThat(jdbc.sql("SELECT value FROM storefn_meta WHERE key = 'test-write-kept'").query(String.class).single())
                .isEqualTo("updated");
    }

    @Test
    void aRawBodyArrivesByteForByte() {
        byte[] png = Pngs.tiny();
        WireResponse echoed = sendBytes("POST", "/test/raw/", png, Map.of("Content-Type", "image/png"));
        assertThat(echoed.body()).isEqualTo(png);
        assertThat(echoed.header("Content-Type")).isEqualTo("image/png");
    }
}
