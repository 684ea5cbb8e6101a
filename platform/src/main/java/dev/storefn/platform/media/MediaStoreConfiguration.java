package dev.storefn.platform.media;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.storefn.platform.format.PublicUrls;
import dev.storefn.platform.provider.ProviderGates;

/**
 * Chooses the media store: Cloudinary when it is configured; otherwise local disk under the media root,
 * except on AWS Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} is set), whose disk does not last, where uploads
 * are refused.
 */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaStoreConfiguration.class);

    @Bean
    MediaStore mediaStore(Environment environment, PublicUrls urls, ProviderGates gates) {
        Optional<CloudinarySettings> cloudinary = CloudinarySettings.from(environment);
        if (cloudinary.isPresent()) {
            log.debug("Product images go to Cloudinary ({})", cloudinary.get());
            return new CloudinaryMediaStore(cloudinary.get(), urls, gates);
        }
        if (StringUtils.hasText(environment.getProperty("AWS_LAMBDA_FUNCTION_NAME"))) {
            return new UnavailableMediaStore(urls);
        }
        return new LocalMediaStore(MediaRoot.of(environment), urls);
    }
}
