package dev.newsbeam.byline;

/**
 * A person credited on an article.
 *
 * @param name the name as printed (proper-cased when it was printed in capitals or lower case)
 * @param role {@code author} for byline authors, else a lower-case role word (contributor,
 *     reporter, writer, editor, photographer, producer, illustrator …)
 * @param affiliation job title or outlet attached to the person, or null
 * @param location where the person reported from, or null
 */
public record Person(String name, String role, String affiliation, String location) {
  public static final String AUTHOR = "author";

  Person withLocation(String newLocation) {
    return new Person(name, role, affiliation, newLocation);
  }

  Person withAffiliation(String newAffiliation) {
    return new Person(name, role, newAffiliation, location);
  }

  Person withName(String newName) {
    return new Person(newName, role, affiliation, location);
  }
}
