package dev.storefn.runner.web;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import dev.storefn.devtools.database.DataDirectory;

/** Serves locally stored product images under {@code /media/} (with Cloudinary configured they live there instead). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MediaFiles implements WebMvcConfigurer {

    private final Environment environment;

    MediaFiles(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/media/**")
                .addResourceLocations(DataDirectory.media(environment).toUri().toString())
                .setCacheControl(CacheControl.maxAge(7, TimeUnit.DAYS).cachePublic());
    }
}
