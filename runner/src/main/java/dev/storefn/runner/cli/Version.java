package dev.storefn.runner.cli;

import java.io.IOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version, which the build filters into {@code version.properties}. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"storefn " + PropertiesLoaderUtils.loadProperties(new ClassPathResource("version.properties", Version.class))
                .getProperty("version")};
    }
}
