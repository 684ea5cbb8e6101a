package dev.storefn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.storefn.CloudinaryStandIn;
import dev.storefn.MultipartBody;
import dev.storefn.TestImages;
import dev.storefn.platform.operation.Upload;
import dev.storefn.platform.provider.ProviderActions;
import dev.storefn.platform.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * Cloudinary hanging, failing and coming back, through the real SDK against the stand-in: an upload never
 * holds a transaction or a connection, a failed one leaves no product, a provider that keeps failing is
 * refused at once, and an image that cannot be removed is removed later, by the provider action retried.
 */
class CloudinaryOutagesTest extends CatalogTestSupport {

    private static final CloudinaryStandIn CLOUDINARY = new CloudinaryStandIn();

    @DynamicPropertySource
    static void cloudinary(DynamicPropertyRegistry registry) {
        registry.add("CLOUDINARY_URL", CLOUDINARY::cloudinaryUrl);
        registry.add("CLOUDINARY_UPLOAD_PREFIX", CLOUDINARY::url);
        registry.add("PROVIDER_TIMEOUT", () -> "PT2S");
        registry.add("PROVIDER_RETRY_AFTER", () -> "PT1S");
    }

    @AfterAll
    static void stop() {
        CLOUDINARY.close();
    }

    @Autowired
    ProviderActions actions;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void freshStandIn() {
        CLOUDINARY.reset();
    }

    /** Each test leaves Cloudinary answering and every removal done, so the next starts with a closed circuit. */
    @AfterEach
    void recovered() {
        CLOUDINARY.reset();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            actions.runOnce();
            assertThat(pendingRemovals()).isZero();
        });
    }

    private long pendingRemovals() {
        return jdbc.sql("SELECT count(*) FROM provider_actions WHERE kind = 'image.remove' AND state = 'pending'").query(Long.class).single();
    }

    private WireResponse create(String name, int seed) {
        return multipart("POST", "/api/products/create/", productForm(name).file("image", "photo.png", "image/png",
                TestImages.picture("png", seed)), staff);
    }

    private long products(String name) {
        return jdbc.sql("SELECT count(*) FROM products WHERE name = ?").param(name).query(Long.class).single();
    }

    /** Connections that have sat in an open transaction for a second: what a request waiting on Cloudinary inside one shows. */
    private long idleInTransaction() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"
                + " AND clock_timestamp() - state_change > interval '1 second' AND pid <> pg_backend_pid()").query(Long.class).single();
    }

    @Test
    void anUploadWhileCloudinaryHangsHoldsNoTransactionAndLeavesNoProduct() throws Exception {
        CLOUDINARY.hold();
        CompletableFuture<WireResponse> hung = CompletableFuture.supplyAsync(() -> create("Hung Tee", 51));
        int before = CLOUDINARY.received();
        await().atMost(Duration.ofSeconds(10)).until(() -> CLOUDINARY.received() > before);
        long mostInTransaction = 0;
        while (!hung.isDone()) {
            mostInTransaction = Math.max(mostInTransaction, idleInTransaction());
            Thread.sleep(20);
        }
        CLOUDINARY.release();
        WireResponse answer = hung.get(10, TimeUnit.SECONDS);
        assertThat(mostInTransaction).as("connections held in a transaction while the upload hung").isZero();
        assertThat(answer.status()).as(text(answer)).isEqualTo(502);
        assertThat(body(answer).get("detail").asString()).isEqualTo("The image could not be stored: Cloudinary did not accept it. Try again later.");
        assertThat(products("Hung Tee")).isZero();
    }

    @Test
    void anOutageIsA502ThenRefusedAtOnceUntilCloudinaryIsBackAndNothingIsHalfWritten() {
        CLOUDINARY.failing(true);
        WireResponse refused = create("Lost Tee", 47);
        assertThat(expect(502, refused).get("detail").asString()).isEqualTo("The image could not be stored: Cloudinary did not accept it. Try again later.");
        // Failing again and again: then not called at all for a while, and the caller told when to try again.
        WireResponse busy = refused;
        for (int i = 0; i < 12 && (busy = create("Lost Tee", 48 + i)).status() == 502; i++) {
            assertThat(products("Lost Tee")).isZero();
        }
        assertThat(busy.status()).as(text(busy)).isEqualTo(503);
        int uploadsSeen = CLOUDINARY.uploads().size();
        busy = create("Lost Tee", 62);
        assertThat(busy.status()).as(text(busy)).isEqualTo(503);
        assertThat(busy.headers().get("Retry-After")).containsExactly("1");
        assertThat(body(busy).get("detail").asString()).isEqualTo("The image could not be stored: Cloudinary is not answering. Try again shortly.");
        assertThat(CLOUDINARY.uploads()).hasSize(uploadsSeen);
        assertThat(products("Lost Tee")).isZero();
        // Products without an image, and deletes, go on.
        long plain = expect(201, json("POST", "/api/products/create/", productJson("Plain Tee"), staff)).get("id").asLong();
        expect(204, json("DELETE", "/api/products/" + plain + "/", null, staff));

        CLOUDINARY.failing(false);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> create("Found Tee", 53).status() == 201);
        assertThat(products("Found Tee")).isOne();
    }

    @Test
    void aReplacedImageThatCannotBeRemovedIsSavedAndItsRemovalRetriedUntilDone() {
        JsonNode created = expect(201, create("Kept Tee", 54));
        String oldPublicId = "products/" + CLOUDINARY.uploads().get(0).publicId();
        CLOUDINARY.failingDestroys(true);
        JsonNode replaced = expect(200, multipart("PATCH", "/api/products/" + created.get("id").asLong() + "/",
                new MultipartBody().file("image", "new.jpg", "image/jpeg", TestImages.picture("jpg", 55)), staff));
        assertThat(replaced.get("image").asString()).isNotEqualTo(created.get("image").asString());

        // Tried at once and again by the job: each attempt refused, each recorded, the image still there.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            actions.runOnce();
            assertThat(attempts(oldPublicId, "retry")).isGreaterThanOrEqualTo(2);
        });
        assertThat(CLOUDINARY.holds(oldPublicId)).isTrue();
        assertThat(jdbc.sql("SELECT last_error FROM provider_actions WHERE subject LIKE ?").param("%" + oldPublicId + "%")
                .query(String.class).single()).contains("Cloudinary could not destroy");

        CLOUDINARY.failingDestroys(false);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            actions.runOnce();
            assertThat(CLOUDINARY.holds(oldPublicId)).isFalse();
        });
        assertThat(attempts(oldPublicId, "done")).isOne();
        assertThat(expect(200, get("/api/products/" + created.get("id").asLong() + "/")).get("image").asString())
                .isEqualTo(replaced.get("image").asString());
    }

    private long attempts(String publicId, String outcome) {
        return jdbc.sql("SELECT count(*) FROM provider_action_attempts t JOIN provider_actions a ON a.id = t.action_id"
                + " WHERE a.subject LIKE ? AND t.outcome = ?").params("%" + publicId + "%", outcome).query(Long.class).single();
    }

    @Test
    void aChangeThatFailsAfterItsUploadRemovesWhatItUploadedAndKeepsTheOldImage() {
        JsonNode created = expect(201, create("Unchanged Tee", 56));
        long id = created.get("id").asLong();
        // While the new image uploads, another product takes the slug this change asks for.
        CLOUDINARY.onUpload(() -> jdbc.sql("INSERT INTO products (name, slug, price, category, description, stock)"
                + " VALUES ('Slug Thief', 'wanted-slug', 1, 'men', 'Took it first', 1)").update());
        JsonNode refused = expect(400, multipart("PATCH", "/api/products/" + id + "/",
                new MultipartBody().field("slug", "wanted-slug").file("image", "x.gif", "image/gif", TestImages.picture("gif", 57)), staff));
        assertThat(refused.get("slug").get(0).asString()).isEqualTo(Catalog.SLUG_TAKEN);
        String uploaded = "products/" + CLOUDINARY.uploads().get(1).publicId();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CLOUDINARY.holds(uploaded)).isFalse());
        assertThat(CLOUDINARY.destroys()).extracting(CloudinaryStandIn.Call::publicId).containsExactly(uploaded);
        assertThat(CLOUDINARY.holds("products/" + CLOUDINARY.uploads().get(0).publicId())).isTrue();
        assertThat(expect(200, get("/api/products/" + id + "/")).get("image").asString()).isEqualTo(created.get("image").asString());
    }

    @Test
    void callingCloudinaryInsideATransactionIsRefusedBeforeAnythingIsSent() {
        ProductFields fields = new ProductFields("Inside Tee", BigDecimal.TEN, 1, "Asked for inside a transaction", Category.MEN, null);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                catalog.create(fields, new Upload("image", "x.png", "image/png", TestImages.picture("png", 58)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("while a database transaction or connection is held");
        assertThat(CLOUDINARY.uploads()).isEmpty();
        assertThat(products("Inside Tee")).isZero();
    }
}
