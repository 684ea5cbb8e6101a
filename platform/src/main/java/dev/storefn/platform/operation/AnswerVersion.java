package dev.storefn.platform.operation;

/**
 * The version of the data a cached route's answers are made of. It must grow with every committed change
 * to that data, made by any process, and be read in one statement of its own: an answer is labelled with
 * the version read before the answer's own queries, and served again only while the version is unchanged.
 */
public interface AnswerVersion {

    long current();
}
